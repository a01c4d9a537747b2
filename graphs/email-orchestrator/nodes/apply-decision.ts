import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { db } from "@/db/client";
import { decideDraft, getDraft } from "@/db/queries/drafts";
import { enqueueDraft } from "@/db/queries/outbox";
import { ApprovalResponse, type OrchestratorStateType } from "../state";

const MAIL_DOMAIN = "mail.sales-console.local";

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
    await decideDraft(database, draftId, {
      status: "rejected",
      decidedBy: response.decidedBy,
      // A preset label is a reason; only a rejection with neither says it had none.
      rejectReason: response.reason || (response.label ? null : "Rejected without a reason."),
      rejectLabel: response.label,
    });
    return { outcome: { status: "rejected", draftId, reason: response.reason } };
  }
  const edited = response.type === "edit";
  await decideDraft(database, draftId, {
    status: "approved",
    decidedBy: response.decidedBy,
    ...(edited ? { editedSubject: response.args.subject, editedBody: response.args.body } : {}),
  });
  const stored = (await getDraft(database, draftId))!;
  if (stored.status === "approved") {
    const { contact } = state.snapshot!;
    const inbound = state.action?.kind === "reply" ? state.history?.unansweredInbound : null;
    await enqueueDraft(database, {
      draftId,
      contactId: contact.id,
      toEmail: contact.email,
      subject: stored.editedSubject ?? stored.subject,
      body: stored.editedBody ?? stored.body,
      messageId: `<draft-${draftId}.${Date.now().toString(36)}@${MAIL_DOMAIN}>`,
      inReplyTo: inbound?.messageId ?? null,
      conversationId: inbound?.threadId ?? `draft-${draftId}`,
    }, { parentRunId: typeof config?.configurable?.run_id === "string" ? config.configurable.run_id : null });
  }
  return { outcome: { status: "approved", draftId, edited } };
}
