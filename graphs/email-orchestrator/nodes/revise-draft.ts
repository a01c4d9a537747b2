import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { db } from "@/db/client";
import { getDraft, reviseDraft as recordRevision } from "@/db/queries/drafts";
import { graph as composeGraph } from "@/graphs/email-compose/graph";
import { versionOf } from "@/graphs/shared/provenance";
import { checkDraft } from "../rules";
import { ApprovalResponse, type OrchestratorStateType } from "../state";

/** Why a request was not followed, in words the rep reads. */
function unchangedNote(instruction: string | null, why: string): string {
  return instruction
    ? `The draft is unchanged: following an instruction needs a model (${why}); the offline template cannot rewrite to one.`
    : `The draft is unchanged: regenerating needs a model (${why}); the offline template would write the same email again.`;
}

/**
 * The rep asked for a new version (Agent Inbox "respond"; an empty instruction regenerates).
 * The compose subgraph redrafts from the same brief plus the instruction and the current
 * version; the new version replaces it only when a model wrote it and it passes the
 * deterministic review, and the old one is kept either way. Offline nothing can follow free text,
 * so the draft stays as it was and the request is recorded as unchanged, with why. Then the
 * thread pauses again for a decision.
 */
export async function reviseDraft(state: OrchestratorStateType, config?: LangGraphRunnableConfig): Promise<Partial<OrchestratorStateType>> {
  const response = ApprovalResponse.parse(Array.isArray(state.response) ? state.response[0] : state.response);
  if (response.type !== "response") throw new Error(`revise_draft reached with a ${response.type} response`);
  const draftId = state.draftId!;
  const instruction = response.args || null;
  const seq = (state.revisions ?? 0) + 1;
  const current = state.draft!;
  const brief = { ...state.brief!, instruction: { text: instruction, previous: { subject: current.subject, body: current.body } } };
  const result = await composeGraph.invoke({ brief }, config);
  const proposed = result.draft!;
  const path = proposed.provenance.path;
  const review = checkDraft(proposed);

  let next: Parameters<typeof recordRevision>[1]["next"] = null;
  let note: string | null = null;
  if (path.path === "fallback") note = unchangedNote(instruction, path.why);
  else if (!review.passed) note = `The draft is unchanged: the new version failed review (${review.flags.join(", ")}).`;
  else next = { subject: proposed.subject, body: proposed.body, model: proposed.model, promptVersion: versionOf(path), provenance: proposed.provenance, reviewFlags: review.flags };

  const database = db();
  await recordRevision(database, { draftId, seq, instruction, requestedBy: response.decidedBy, next, note });
  // What the rep decides on next is what the draft row holds (a re-run step finds the first attempt's version).
  const stored = (await getDraft(database, draftId))!;
  const draft = next && stored.subject === next.subject && stored.body === next.body ? proposed : { ...current, subject: stored.subject, body: stored.body };
  return {
    draft,
    ...(next ? { review } : {}),
    revisions: seq,
    outcome: { status: "revised", draftId, changed: next !== null, note },
    calls: result.calls,
  };
}
