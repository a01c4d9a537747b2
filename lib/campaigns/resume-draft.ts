import { draftDecider, type Fleet } from "@/graphs/registry";
import { meta as campaign } from "@/graphs/campaign/meta";
import type { ResumeOf } from "@/graphs/spec";
import { AppError } from "@/lib/errors";
import type { GraphClient } from "@/lib/langgraph/client";

/** A person's decision on a waiting draft, as the orchestrator's approval interrupt takes it. */
export type DraftDecisionValue = ResumeOf<Fleet, "email_orchestrator">;

/**
 * Resumes the thread a draft waits in with a person's decision: a campaign touch's thread
 * (campaign graph), an objection rebuttal's (objection_coach) or an outreach draft's
 * (email_orchestrator), by the graph that stored it.
 * `at` is the caller's clock, which a campaign thread schedules its next touch from. A campaign
 * touch is approved, edited or rejected; a redraft request is refused for it.
 */
export function resumeDraftThread(graphs: Pick<GraphClient<Fleet>, "resume">, draft: { graphId: string; threadId: string }, value: DraftDecisionValue, at?: Date) {
  if (draft.graphId !== campaign.assistantId) return graphs.resume(draftDecider(draft.graphId), draft.threadId, value);
  if (value.type === "response") throw new AppError("conflict:drafts", { message: "A campaign touch can be approved, edited or rejected, not redrafted on request." });
  return graphs.resume("campaign", draft.threadId, { ...value, ...(at ? { at: at.toISOString() } : {}) });
}
