import type { BatchResult } from "./types";

/** What a batch approval of the checked drafts will do: emails go out, proposals are left alone. */
export type BatchPlan = { emails: number; proposals: number };

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function batchPlan(rows: readonly { id: number; kind: "email" | "proposal" }[], checked: readonly number[]): BatchPlan {
  const chosen = new Set(checked);
  const kinds = rows.filter((r) => chosen.has(r.id)).map((r) => r.kind);
  return { emails: kinds.filter((k) => k === "email").length, proposals: kinds.filter((k) => k === "proposal").length };
}

/**
 * The confirmation's sentences. A proposal is not sent and not approved by a batch (the service
 * skips it: its approval checks its claims and has no undo window), so it is counted apart.
 */
export function approveConfirmWords(plan: BatchPlan, sendDelaySeconds: number): string[] {
  const words: string[] = [];
  if (plan.emails) {
    const emails = count(plan.emails, "email", "emails");
    words.push(sendDelaySeconds > 0 ? `${emails} will be sent as written after ${sendDelaySeconds} s. Until then one Undo takes them all back.` : `${emails} will be sent as written, now.`);
  }
  if (plan.proposals) {
    words.push(`${count(plan.proposals, "proposal is", "proposals are")} not approved here: approve ${plan.proposals === 1 ? "it" : "each"} from its own view, where its claims are checked. Nothing is sent for a proposal.`);
  }
  return words;
}

/** The select-all box's words: it checks only what is loaded, so it says so when more match. */
export function selectAllLabel(waitingLoaded: number, moreMatch: boolean): string {
  return moreMatch ? `Select all ${waitingLoaded} loaded` : "Select all waiting";
}

/** After a batch: how many were decided, and each one that was not, by name, with why. */
export function batchOutcome(results: readonly BatchResult[], names: ReadonlyMap<number, string>): { summary: string; notDecided: { draftId: number; text: string }[] } | null {
  const skipped = results.filter((r) => r.status === "skipped");
  const failed = results.filter((r) => r.status === "error" || r.status === "blocked" || r.status === "failed");
  if (skipped.length + failed.length === 0) return null;
  const decided = results.length - skipped.length - failed.length;
  const parts = [`${decided} decided`, skipped.length ? `${skipped.length} skipped` : "", failed.length ? `${failed.length} refused` : ""].filter(Boolean);
  return {
    summary: `${parts.join(", ")}:`,
    notDecided: [...skipped, ...failed].map((r) => ({ draftId: r.draftId, text: `${names.get(r.draftId) ?? `Draft ${r.draftId}`}: ${r.message}` })),
  };
}
