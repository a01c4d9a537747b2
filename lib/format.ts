const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC",
});
const numberFormat = new Intl.NumberFormat("en");

type DateLike = Date | string | number | null | undefined;

function toDate(value: DateLike): Date | null {
  if (value === null || value === undefined) return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "3 Nov 2026"; an em dash for no date. Dates are shown in UTC so server and browser agree. */
export function formatDate(value: DateLike): string {
  const d = toDate(value);
  return d ? dateFormat.format(d) : "—";
}

export function formatDateTime(value: DateLike): string {
  const d = toDate(value);
  return d ? `${dateTimeFormat.format(d)} UTC` : "—";
}

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** 0.873 → "87%". */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/** "c_level" → "C-level", "do_not_contact" → "Do not contact". */
export function humanize(token: string): string {
  if (token === "c_level") return "C-level";
  if (token === "vp") return "VP";
  if (token === "saas") return "SaaS";
  const words = token.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "850 ms", "4.2 s", "3 min 5 s"; an em dash for something that has not ended. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1_000)} s`;
}

/** Dollars as the console shows them: cents from $1 up, hundredths of a cent below (a $0.001 budget never reads "$0.00"). */
export function formatUsd(n: number): string {
  return `$${n.toFixed(n >= 1 ? 2 : 4)}`;
}
