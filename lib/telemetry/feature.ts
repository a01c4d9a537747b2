/**
 * Product pillar by graph-name prefix, for graphs whose spec declares none (a remote deployment's,
 * a future one's). Matched case-insensitively; the first match wins.
 */
const PILLAR_PREFIXES: readonly (readonly [prefix: string, feature: string])[] = [
  ["email_", "outreach"],
  ["campaign", "outreach"],
  ["objection_", "outreach"],
  ["inbound_", "inbound"],
  ["memory_", "memory"],
  ["score_", "qualification"],
  ["lead_", "qualification"],
  ["country_", "enrichment"],
  ["crm_", "crm"],
  ["text_to_sql", "analytics"],
];

export const UNCATEGORIZED = "uncategorized";

/**
 * The cost/tracing `feature` dimension of a graph: the feature its spec declares, else the pillar
 * its name's prefix maps to, else `uncategorized`, so the dimension is never empty.
 */
export function featureForGraph(graph: string | null | undefined, declared?: string | null): string {
  const own = declared?.trim();
  if (own) return own;
  const name = graph?.trim().toLowerCase();
  if (!name) return UNCATEGORIZED;
  return PILLAR_PREFIXES.find(([prefix]) => name.startsWith(prefix))?.[1] ?? UNCATEGORIZED;
}
