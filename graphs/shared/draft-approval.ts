import type { Database } from "@/db/client";
import { decideDraft, getDraft } from "@/db/queries/drafts";
import { enqueueDraft } from "@/db/queries/outbox";
import type { RejectLabel } from "@/db/schema";

const MAIL_DOMAIN = "mail.sales-console.local";

/** A person's approval of a waiting draft: as written, or with their edit. */
export type Approval = { decidedBy: string | null; edit?: { subject: string; body: string } };

/** Where the approved message goes and which conversation it continues. */
export type Delivery = { contactId: number; toEmail: string; inReplyTo: string | null; conversationId: string };

/**
 * Applies an approval the way every drafting graph does: records it (only on a draft still
 * waiting), then queues the message and its delivery job in one batch, exactly once per draft
 * (lib/jobs delivers it, re-checking the safety gate at send time). A draft someone else decided
 * meanwhile is left as they decided it. Returns whether this draft is now approved and queued.
 */
export async function queueApprovedDraft(
  database: Database,
  draftId: number,
  approval: Approval,
  delivery: Delivery,
  options: { parentRunId: string | null; deliverAt?: Date },
): Promise<boolean> {
  await decideDraft(database, draftId, {
    status: "approved",
    decidedBy: approval.decidedBy,
    ...(approval.edit ? { editedSubject: approval.edit.subject, editedBody: approval.edit.body } : {}),
  });
  const stored = (await getDraft(database, draftId))!;
  if (stored.status !== "approved") return false;
  await enqueueDraft(
    database,
    {
      draftId,
      contactId: delivery.contactId,
      toEmail: delivery.toEmail,
      subject: stored.editedSubject ?? stored.subject,
      body: stored.editedBody ?? stored.body,
      messageId: `<draft-${draftId}.${Date.now().toString(36)}@${MAIL_DOMAIN}>`,
      inReplyTo: delivery.inReplyTo,
      conversationId: delivery.conversationId,
    },
    { parentRunId: options.parentRunId, deliverAt: options.deliverAt },
  );
  return true;
}

/** Records a person's rejection of a waiting draft, with their reason and preset label. */
export async function recordRejection(database: Database, draftId: number, rejection: { decidedBy: string | null; reason: string; label: RejectLabel | null }): Promise<boolean> {
  return decideDraft(database, draftId, {
    status: "rejected",
    decidedBy: rejection.decidedBy,
    // A preset label is a reason; only a rejection with neither says it had none.
    rejectReason: rejection.reason || (rejection.label ? null : "Rejected without a reason."),
    rejectLabel: rejection.label,
  });
}
