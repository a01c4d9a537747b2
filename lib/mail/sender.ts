import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "@/db/client";
import {
  getOutbox, markHandedOver, recordNotSent, recordSent, releaseForRetry, resolveAbandoned, sendCheckFor, type AfterSendJob, type OutboxEntry,
} from "@/db/queries/outbox";
import type { DeferReason } from "@/lib/governor/decide";
import { GATE_MESSAGES, safetyVerdict } from "@/lib/safety/gate";
import { claimUnderGovernor, type Governance } from "./governor-claim";
import { classifySendFailure } from "./send-failure";
import type { MailTransport } from "./transport";

/** What one delivery attempt did with its outbox row. */
export type DeliveryOutcome =
  | { status: "sent"; contactId: number; emailId: number }
  /** The safety gate refused it at send time (the contact unsubscribed, bounced… since approval). */
  | { status: "blocked"; reason: string }
  /** The send governor postponed it (window, holiday, cap, gap, pause): the row waits, queued, until `notBefore`. */
  | { status: "deferred"; reason: DeferReason; notBefore: Date }
  /** Not waiting to be sent (already sent, failed or blocked, or taken by another sender). */
  | { status: "not_queued"; current: OutboxEntry["status"] | "missing"; lastError: string | null }
  /** The mail server did not take it and may later: the row is queued again. Safe to retry. */
  | { status: "refused"; error: string }
  /** The mail server refused it for good: failed, for a person. */
  | { status: "rejected"; error: string }
  /** It may have been accepted: failed, for a person to check, never resent. */
  | { status: "uncertain"; error: string };

/**
 * The delivering job's attempt: its lease, which attempt of how many this is, jobs to queue
 * atomically with a successful send (memory_reflect on the email, a rescore of its contact), and
 * the job's own completion, committed with the record of the send.
 */
export type DeliveryAttempt = {
  leaseUntil: Date;
  attempt: number;
  maxAttempts: number;
  afterSend?: readonly AfterSendJob[];
  completeInBatch?: () => BatchItem<"sqlite">;
  /** The job's reschedule to a time, committed with the record of a deferral. */
  deferInBatch?: (runAt: Date) => BatchItem<"sqlite">;
};

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Delivers one outbox row, exactly once whichever process runs it:
 * 0. The send governor (lib/governor) decides whether it may go now: the recipient's window and
 *    holidays, the mailbox's and the domain's daily caps, the mailbox's gap, a pause. If not, the
 *    row stays queued with the reason and the predicted time, and the job waits until then.
 * 1. The row is claimed by one conditional UPDATE (queued → sending) that re-checks the caps and
 *    the gap; only one caller wins, and two senders never both take a cap's last slot.
 *    A row found in "sending" was left by a sender that stopped (only a delivery job sends, at
 *    most one job per row is alive, and this one holds it now): see resolveAbandoned.
 * 2. The safety gate runs again, because the contact may have unsubscribed since approval.
 * 3. For SMTP, the hand-over is recorded first (fenced by the claim), so a crash after it is
 *    known to be uncertain and a crash before it is known to be safe to repeat. The local outbox
 *    needs no mark: its "send" is the database batch that records it, all or nothing.
 * 4. A failure is classified (send-failure.ts): refused → queued again for the job's next
 *    attempt; rejected → failed; uncertain → failed and never resent.
 */
export async function deliverOutboxEntry(
  database: Database,
  mail: { transport: MailTransport; from: string },
  outboxId: number,
  job: DeliveryAttempt,
  governance: Governance,
): Promise<DeliveryOutcome> {
  const { transport } = mail;
  const claimOnce = () => claimUnderGovernor(database, outboxId, job.leaseUntil, mail, governance, job.deferInBatch);
  let claim = await claimOnce();
  if (claim.kind === "not_queued") {
    const current = await getOutbox(database, outboxId);
    if (current?.status !== "sending") return { status: "not_queued", current: current?.status ?? "missing", lastError: current?.lastError ?? null };
    const resolved = await resolveAbandoned(database, current);
    if (resolved === "failed") return { status: "uncertain", error: "The previous sender stopped after handing the message over." };
    if (resolved !== "queued") return { status: "not_queued", current: "sending", lastError: null };
    claim = await claimOnce();
    if (claim.kind === "not_queued") return { status: "not_queued", current: "sending", lastError: null };
  }
  if (claim.kind === "deferred") return { status: "deferred", reason: claim.reason, notBefore: claim.notBefore };
  if (claim.kind === "stopped") return { status: "blocked", reason: claim.message };
  const { entry, mailbox } = claim;

  const check = await sendCheckFor(database, entry);
  const verdict = check ? safetyVerdict(check, { answeringInbound: check.action === "reply" }) : ({ allowed: false, reason: "do_not_contact" } as const);
  if (!verdict.allowed) {
    const reason = `Not sent: ${GATE_MESSAGES[verdict.reason]}`;
    await recordNotSent(database, entry, "blocked", reason);
    return { status: "blocked", reason };
  }

  if (transport.kind === "smtp" && !(await markHandedOver(database, entry, "smtp"))) {
    return { status: "not_queued", current: "sending", lastError: null };
  }
  try {
    await transport.send({ from: mailbox.from, to: entry.toEmail, subject: entry.subject, text: entry.body, messageId: entry.messageId, inReplyTo: entry.inReplyTo });
  } catch (e) {
    return recordFailure(database, entry, e, job);
  }
  try {
    const emailId = await recordSent(database, entry, transport.kind, check?.campaignId ?? null, {
      afterSend: job.afterSend,
      statements: job.completeInBatch ? [job.completeInBatch()] : [],
    });
    return { status: "sent", contactId: entry.contactId, emailId };
  } catch (e) {
    // A sender presumed dead came back and recorded this very message first (unique Message-ID).
    const current = await getOutbox(database, outboxId);
    if (current?.status === "sent") return { status: "not_queued", current: "sent", lastError: null };
    throw e;
  }
}

async function recordFailure(database: Database, entry: OutboxEntry, e: unknown, job: DeliveryAttempt): Promise<DeliveryOutcome> {
  const error = messageOf(e);
  switch (classifySendFailure(e)) {
    case "refused":
      // Still queued after the last attempt: the job is dead-lettered, the row waits for a person.
      await releaseForRetry(
        database,
        entry,
        job.attempt >= job.maxAttempts
          ? `Not sent after ${job.attempt} attempts: ${error}. Nothing was delivered; an admin can retry it from Admin → Jobs.`
          : `Not sent yet (attempt ${job.attempt} of ${job.maxAttempts}, trying again): ${error}`,
      );
      return { status: "refused", error };
    case "rejected":
      await recordNotSent(database, entry, "failed", `The mail server refused the message: ${error}`);
      return { status: "rejected", error };
    case "uncertain":
      await recordNotSent(database, entry, "failed", `Delivery uncertain: ${error}. Check the mailbox before sending again.`);
      return { status: "uncertain", error };
  }
}
