/** A remembered note about a contact, with the source that decides where it may be used. */
export type Memory = { source: string; content: string };

/** First-party memories: written by us (a sent email, a person's note, a graph's summary). */
export const FIRST_PARTY_SOURCES: ReadonlySet<string> = new Set(["sent_email", "human_note", "graph_derived"]);

/** Text that came from outside and nobody has checked. */
export const UNVERIFIED_SOURCE = "inbound_unverified";

/**
 * Trust tiers, one rule for every graph that recalls memories: first-party memories may shape a
 * draft; unverified inbound text only where a person reviews the result before it goes anywhere
 * (it is still fenced as data). Any other source is never injected.
 */
export function injectableMemories<M extends Memory>(memories: readonly M[], { humanReviewed }: { humanReviewed: boolean }): M[] {
  return memories.filter((m) => FIRST_PARTY_SOURCES.has(m.source) || (humanReviewed && m.source === UNVERIFIED_SOURCE));
}
