import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { db } from "@/db/client";
import { queueApprovedDraft, recordRejection } from "@/graphs/shared/draft-approval";
import { ApprovalResponse, type OrchestratorStateType } from "../state";

/**
 * Applies the decision: an approval (as written or edited) queues the message in the outbox,
 * exactly once per draft; a rejection records its reason. Sending happens outside the graph,
 * where suppression and the contact's flags are checked again.
 */
export async function applyDecision(state: OrchestratorStateType, config?: LangGraphRunnableConfig): Promise<Partial<OrchestratorStateType>> {
  const draftId = state.draftId!;
  const response = ApprovalResponse.parse(Array.isArray(state.response) ? state.response[0] : state.response);
  const database = db();
  if (response.type === "response") throw new Error("apply_decision reached with a revision request (the router sends those to revise_draft)");
  if (response.type === "ignore") {
    await recordRejection(database, draftId, response);
    return { outcome: { status: "rejected", draftId, reason: response.reason } };
  }
  const edited = response.type === "edit";
  const { contact } = state.snapshot!;
  const inbound = state.action?.kind === "reply" ? state.history?.unansweredInbound : null;
  await queueApprovedDraft(
    database,
    draftId,
    { decidedBy: response.decidedBy, ...(edited ? { edit: response.args } : {}) },
    { contactId: contact.id, toEmail: contact.email, inReplyTo: inbound?.messageId ?? null, conversationId: inbound?.threadId ?? `draft-${draftId}` },
    { parentRunId: typeof config?.configurable?.run_id === "string" ? config.configurable.run_id : null },
  );
  return { outcome: { status: "approved", draftId, edited } };
}
