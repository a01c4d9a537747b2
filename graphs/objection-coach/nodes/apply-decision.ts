import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { db } from "@/db/client";
import { decideDraft, getDraft } from "@/db/queries/drafts";
import { enqueueDraft } from "@/db/queries/outbox";
import { ApprovalResponse } from "@/lib/outreach/approval";
import type { ObjectionCoachStateType } from "../state";

const MAIL_DOMAIN = "mail.sales-console.local";

/**
 * Applies the decision as for every draft: an approval (as written or edited) queues the reply in
 * the outbox once, threaded under the contact's email (In-Reply-To) when it answers one; a
 * rejection records its reason. Sending happens outside the graph, where the gate runs again.
 */
export async function applyDecision(state: ObjectionCoachStateType, config?: LangGraphRunnableConfig): Promise<Partial<ObjectionCoachStateType>> {
  const draftId = state.draftId!;
  const response = ApprovalResponse.parse(Array.isArray(state.response) ? state.response[0] : state.response);
  const database = db();
  if (response.type === "response") throw new Error("apply_decision reached with a revision request (the router sends those to decline_revision)");
  if (response.type === "ignore") {
    await decideDraft(database, draftId, { status: "rejected", decidedBy: response.decidedBy, rejectReason: response.reason || (response.label ? null : "Rejected without a reason."), rejectLabel: response.label });
    return { outcome: { status: "rejected", draftId } };
  }
  const edited = response.type === "edit";
  await decideDraft(database, draftId, { status: "approved", decidedBy: response.decidedBy, ...(edited ? { editedSubject: response.args.subject, editedBody: response.args.body } : {}) });
  const stored = (await getDraft(database, draftId))!;
  if (stored.status === "approved") {
    const { contact, inbound } = state.context!;
    await enqueueDraft(
      database,
      {
        draftId,
        contactId: contact.id,
        toEmail: contact.email,
        subject: stored.editedSubject ?? stored.subject,
        body: stored.editedBody ?? stored.body,
        messageId: `<draft-${draftId}.${Date.now().toString(36)}@${MAIL_DOMAIN}>`,
        inReplyTo: inbound?.messageId ?? null,
        conversationId: inbound?.threadId ?? `draft-${draftId}`,
      },
      { parentRunId: typeof config?.configurable?.run_id === "string" ? config.configurable.run_id : null },
    );
  }
  return { outcome: { status: "approved", draftId, edited } };
}
