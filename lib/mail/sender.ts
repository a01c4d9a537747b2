import type { Database } from "@/db/client";
import { getDraft } from "@/db/queries/drafts";
import { claimForSending, failAbandonedSends, queuedIds, recordNotSent, recordSent } from "@/db/queries/outbox";
import { loadOutreachContext } from "@/db/queries/outreach";
import { safetyVerdict, GATE_MESSAGES } from "@/lib/safety/gate";
import type { MailTransport } from "./transport";

/** How long one send may hold its outbox row before it counts as abandoned. */
const LEASE_MS = 2 * 60_000;

export type DeliveryReport = { sent: number; blocked: number; failed: number; sentEmails: { contactId: number; emailId: number }[] };

/**
 * Sends queued mail. Each row is claimed by one conditional UPDATE, so concurrent senders never
 * send a row twice; the safety gate runs again right before the send, because a contact may have
 * unsubscribed or bounced since the draft was approved.
 */
export async function deliverQueued(database: Database, transport: MailTransport, from: string): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, blocked: 0, failed: 0, sentEmails: [] };
  await failAbandonedSends(database);
  for (const id of await queuedIds(database)) {
    const entry = await claimForSending(database, id, LEASE_MS);
    if (!entry) continue;
    const draft = await getDraft(database, entry.draftId);
    const context = await loadOutreachContext(database, entry.contactId, draft?.campaignId ?? null);
    const verdict = context
      ? safetyVerdict({ suppressed: context.suppressed, ...context.contact }, { answeringInbound: draft?.action === "reply" })
      : ({ allowed: false, reason: "do_not_contact" } as const);
    if (!verdict.allowed) {
      await recordNotSent(database, entry, "blocked", `Not sent: ${GATE_MESSAGES[verdict.reason]}`);
      report.blocked++;
      continue;
    }
    try {
      await transport.send({ from, to: entry.toEmail, subject: entry.subject, text: entry.body, messageId: entry.messageId, inReplyTo: entry.inReplyTo });
    } catch (e) {
      // The server refused or could not be reached: nothing was accepted, but a person decides
      // whether to try again rather than an automatic retry that might double-send.
      await recordNotSent(database, entry, "failed", `Send failed: ${e instanceof Error ? e.message : String(e)}`);
      report.failed++;
      continue;
    }
    const emailId = await recordSent(database, entry, transport.kind, draft?.campaignId ?? null);
    report.sent++;
    report.sentEmails.push({ contactId: entry.contactId, emailId });
  }
  return report;
}
