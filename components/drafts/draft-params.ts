/**
 * The queue's filters as they live in the URL and in component state. The queue opens on drafts
 * waiting for a decision; `status=any` shows every status.
 */
export type DraftParams = Record<string, string>;

export const FILTER_KEYS = ["status", "campaign", "tier", "age", "owner"] as const;
export const DEFAULT_PARAMS: DraftParams = { status: "draft" };

/** The filters named in a URL's search params; an absent status means the waiting queue. */
export function paramsFromSearch(raw: Record<string, string | string[] | undefined>): DraftParams {
  const params: DraftParams = { ...DEFAULT_PARAMS };
  for (const key of FILTER_KEYS) {
    const value = Array.isArray(raw[key]) ? raw[key][0] : raw[key];
    if (value) params[key] = value;
  }
  return params;
}

/** What the list API is asked for: `status=any` means no status filter. */
export function apiParams(params: DraftParams): DraftParams {
  const out: DraftParams = {};
  for (const [key, value] of Object.entries(params)) if (value && !(key === "status" && value === "any")) out[key] = value;
  return out;
}

export function isDefaultView(params: DraftParams): boolean {
  return FILTER_KEYS.every((key) => (params[key] ?? "") === (DEFAULT_PARAMS[key] ?? ""));
}

export function sameParams(a: DraftParams, b: DraftParams): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? "") === (b[k] ?? ""));
}
