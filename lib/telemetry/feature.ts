const UNCATEGORIZED = "uncategorized";

/**
 * The cost/tracing `feature` dimension of a graph: the feature its meta declares (every graph of
 * ours has one in `graphs/<folder>/meta.ts`), else `uncategorized` — for a remote or unknown
 * graph that declares none — so the dimension is never empty. Never guessed from the graph's name.
 */
export function featureOf(declared: string | null | undefined): string {
  return declared?.trim() || UNCATEGORIZED;
}
