/** Where the Provenance section's "Run" row points, or null when no run wrote the draft. */
export type RunTarget = { href: string; external: boolean; runId: string | null };

/**
 * The run that wrote a draft. A draft started from the console stores its run page or LangSmith
 * trace as `runUrl`; a campaign touch is written inside the campaign's run and records only
 * `runId`, so its page is derived from that rather than reported as missing.
 */
export function runTarget(draft: { runUrl: string | null; runId: string | null }): RunTarget | null {
  if (draft.runUrl) return { href: draft.runUrl, external: /^https?:\/\//.test(draft.runUrl), runId: draft.runId };
  if (draft.runId) return { href: `/runs/${encodeURIComponent(draft.runId)}`, external: false, runId: draft.runId };
  return null;
}
