import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../client";
import { contacts, drafts, emails, jobs, outbox } from "../schema";
import { withinLimits, type ClaimLimits } from "./governor";
import { isSuppressed } from "./suppression";

export type OutboxEntry = typeof outbox.$inferSelect;

/** The job kind that delivers one outbox row (its handler lives in lib/jobs). */
export const OUTBOX_DELIVERY_KIND = "outbox_deliver";
/** At most one delivery job per outbox row waits or runs at a time. */
export const outboxDedupeKey = (outboxId: number) => `outbox:${outboxId}`;
/** Attempts a delivery job gets (the outbox kind's policy in lib/jobs matches it). */
export const OUTBOX_DELIVERY_ATTEMPTS = 5;

/**
 * Queues an approved draft and its delivery job in one batch, so a queued message always has a
 * job that will send it, whoever approved it (console, SDK, Agent Inbox). The unique key on the
 * draft makes this idempotent: a second call (double click, retry, second tab) queues nothing.
 * `deliverAt` is when the job may run (an undo window delays it).
 */
export async function enqueueDraft(
  database: Database,
  entry: { draftId: number; contactId: number; toEmail: string; subject: string; body: string; messageId: string; inReplyTo: string | null; conversationId: string },
  options: { deliverAt?: Date; parentRunId?: string | null } = {},
): Promise<OutboxEntry> {
  const deliverAt = (options.deliverAt ?? new Date()).getTime();
  await database.batch([
    database.insert(outbox).values({ ...entry, idempotencyKey: `draft:${entry.draftId}` }).onConflictDoNothing(),
    // The job is made from the row itself, so it names the row whichever insert won.
    database.run(sql`
      INSERT INTO jobs (kind, payload, run_at, max_attempts, dedupe_key, parent_run_id)
      SELECT ${OUTBOX_DELIVERY_KIND}, json_object('outboxId', id), ${deliverAt}, ${OUTBOX_DELIVERY_ATTEMPTS}, 'outbox:' || id, ${options.parentRunId ?? null}
      FROM outbox WHERE draft_id = ${entry.draftId} AND status = 'queued'
      ON CONFLICT DO NOTHING`),
  ]);
  const [row] = await database.select().from(outbox).where(eq(outbox.draftId, entry.draftId)).limit(1);
  return row!;
}

/**
 * Takes one queued row for sending. Only one caller can win: the status moves from queued to
 * sending in a single conditional UPDATE. The attempt count it sets is the claim's fencing token.
 * The same UPDATE re-counts the send governor's caps and gap (`limits`) and records the claim
 * time they count by, so counting and taking a slot are one write: of two senders racing for a
 * mailbox's last slot, whichever writes second finds it taken and gets null.
 */
export async function claimForSending(database: Database, id: number, leaseUntil: Date, limits: ClaimLimits): Promise<OutboxEntry | null> {
  const [row] = await database
    .update(outbox)
    .set({
      status: "sending",
      attempts: sql`${outbox.attempts} + 1`,
      leaseUntil,
      transport: null,
      mailboxId: limits.mailboxId,
      recipientDomain: limits.domain,
      claimedAt: limits.at,
      notBefore: null,
      deferredReason: null,
      predictedSendAt: null,
    })
    .where(and(eq(outbox.id, id), eq(outbox.status, "queued"), withinLimits(limits)))
    .returning();
  return row ?? null;
}

/** Only the claim that set this attempt may move the row on. */
const stillHeld = (entry: Pick<OutboxEntry, "id" | "attempts">) =>
  and(eq(outbox.id, entry.id), eq(outbox.status, "sending"), eq(outbox.attempts, entry.attempts));

/**
 * Marks the moment the message is handed to a mail server. From here a crash leaves the outcome
 * unknown; before it, nothing can have left. False when this claim was lost (the row was taken
 * back from a sender presumed dead): then the caller must not send.
 */
export async function markHandedOver(database: Database, entry: OutboxEntry, transport: "smtp"): Promise<boolean> {
  const result = await database.update(outbox).set({ transport }).where(and(stillHeld(entry), isNull(outbox.transport)));
  return result.rowsAffected === 1;
}

/** The server refused the message before taking it: queued again for the next attempt. */
export async function releaseForRetry(database: Database, entry: OutboxEntry, reason: string): Promise<void> {
  await database.update(outbox).set({ status: "queued", transport: null, lastError: reason, leaseUntil: null }).where(stillHeld(entry));
}

/**
 * A row left in "sending" by a sender that stopped (its job's lease expired). Never handed to a
 * mail server (no transport recorded): nothing left, so it is queued again. Handed over: whether
 * the mail left is unknown, so it is failed for a person to check, never resent (which could send
 * twice). Returns what the row became.
 */
export async function resolveAbandoned(database: Database, entry: OutboxEntry): Promise<"queued" | "failed" | "changed"> {
  if (entry.transport === null) {
    const requeued = await database.update(outbox).set({ status: "queued", leaseUntil: null }).where(and(stillHeld(entry), isNull(outbox.transport)));
    return requeued.rowsAffected === 1 ? "queued" : "changed";
  }
  const reason = "Delivery uncertain: the sender stopped while handing the message to the mail server. Check the mailbox before sending again.";
  const [failed] = await database.batch([
    database.update(outbox).set({ status: "failed", leaseUntil: null, lastError: reason }).where(stillHeld(entry)).returning({ id: outbox.id }),
    database
      .update(drafts)
      .set({ status: "failed", rejectReason: reason, updatedAt: new Date() })
      .where(and(eq(drafts.id, entry.draftId), sql`EXISTS (SELECT 1 FROM ${outbox} WHERE ${outbox.id} = ${entry.id} AND ${outbox.status} = 'failed')`)),
  ]);
  return failed.length === 1 ? "failed" : "changed";
}

export async function getOutbox(database: Database, id: number): Promise<OutboxEntry | null> {
  const [row] = await database.select().from(outbox).where(eq(outbox.id, id)).limit(1);
  return row ?? null;
}

export async function outboxForDraft(database: Database, draftId: number): Promise<OutboxEntry | null> {
  const [row] = await database.select().from(outbox).where(eq(outbox.draftId, draftId)).limit(1);
  return row ?? null;
}

export async function outboxForDrafts(database: Database, draftIds: number[]): Promise<OutboxEntry[]> {
  if (draftIds.length === 0) return [];
  return database.select().from(outbox).where(inArray(outbox.draftId, draftIds));
}

/** What the safety gate needs at send time: the contact's flags, suppression, and the draft's action. */
export async function sendCheckFor(database: Database, entry: OutboxEntry) {
  const [row] = await database
    .select({
      email: contacts.email,
      doNotContact: contacts.doNotContact,
      bounced: contacts.bounced,
      unsubscribed: contacts.unsubscribed,
      replied: contacts.replied,
      action: drafts.action,
      campaignId: drafts.campaignId,
    })
    .from(contacts)
    .leftJoin(drafts, eq(drafts.id, entry.draftId))
    .where(eq(contacts.id, entry.contactId))
    .limit(1);
  if (!row) return null;
  return { ...row, suppressed: await isSuppressed(database, row.email) };
}

/**
 * Outbox rows that need a delivery job and have none: queued (or left sending) with no job for
 * them waiting, running or dead. The backstop behind enqueueDraft, for rows queued another way.
 */
export async function outboxRowsWithoutJob(database: Database, limit: number): Promise<number[]> {
  const rows = await database
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        inArray(outbox.status, ["queued", "sending"]),
        // The first test matches the partial unique index over live jobs; dead ones are few.
        sql`NOT EXISTS (SELECT 1 FROM ${jobs} WHERE ${jobs.dedupeKey} = 'outbox:' || ${outbox.id} AND ${jobs.status} IN ('queued', 'running', 'failed'))`,
        sql`NOT EXISTS (SELECT 1 FROM ${jobs} WHERE ${jobs.status} = 'dead' AND ${jobs.dedupeKey} = 'outbox:' || ${outbox.id})`,
      ),
    )
    .orderBy(outbox.id)
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * A job queued in the batch that records a send, about the email it put in the timeline: its
 * payload is `{contactId, emailId}` plus `extra`; its key is `dedupePrefix` and the email's id (or
 * the contact's, with `keyBy: "contact"`); its runs nest under `parentRunId` when set.
 */
export type AfterSendJob = {
  kind: string;
  maxAttempts: number;
  runAt: Date;
  dedupePrefix: string;
  keyBy?: "email" | "contact";
  extra?: Record<string, unknown>;
  parentRunId?: string | null;
};

/**
 * Records a delivered message atomically (one batch): the outbox row, the draft, the email in the
 * contact's timeline (with its Message-ID, so replies match), the contact's last touch and, when
 * given, jobs about the email (see AfterSendJob) and any
 * statements of the caller's (its job's completion). The timeline's unique Message-ID makes a
 * second record of the same row fail as a whole. Returns the id of the email now in the timeline.
 */
export async function recordSent(
  database: Database,
  entry: OutboxEntry,
  transport: "smtp" | "local",
  campaignId: number | null,
  also: { afterSend?: readonly AfterSendJob[]; statements?: BatchItem<"sqlite">[] } = {},
): Promise<number> {
  const afterSend = also.afterSend ?? [];
  const now = new Date();
  const [, , inserted] = await database.batch([
    database.update(outbox).set({ status: "sent", transport, sentAt: now, lastError: null, leaseUntil: null }).where(eq(outbox.id, entry.id)),
    database.update(drafts).set({ status: "sent", sentAt: now, updatedAt: now }).where(eq(drafts.id, entry.draftId)),
    database.insert(emails).values({
      contactId: entry.contactId,
      campaignId,
      direction: "outbound",
      threadId: entry.conversationId,
      messageId: entry.messageId,
      inReplyTo: entry.inReplyTo,
      subject: entry.subject,
      body: entry.body,
      // A campaign touch's number, so the campaign funnel counts per step.
      step: sql`(SELECT ${drafts.step} FROM ${drafts} WHERE ${drafts.id} = ${entry.draftId})`,
      sentAt: now,
    }).returning({ id: emails.id }),
    database.update(contacts).set({ lastContactedAt: now }).where(eq(contacts.id, entry.contactId)),
    ...afterSend.map((job) =>
      database.run(sql`
        INSERT INTO jobs (kind, payload, run_at, max_attempts, dedupe_key, parent_run_id)
        SELECT ${job.kind}, json_patch(json_object('contactId', contact_id, 'emailId', id), ${JSON.stringify(job.extra ?? {})}), ${job.runAt.getTime()}, ${job.maxAttempts},
          ${job.dedupePrefix} || ${job.keyBy === "contact" ? sql`contact_id` : sql`id`}, ${job.parentRunId ?? null}
        FROM emails WHERE message_id = ${entry.messageId}
        ON CONFLICT DO NOTHING`),
    ),
    ...(also.statements ?? []),
  ]);
  return inserted[0]!.id;
}

/**
 * A queued row a campaign stop rule ended before it was claimed: blocked with the reason, its draft
 * failed with it. Only a row still queued (no sender holds it); false otherwise.
 */
export async function recordStopped(database: Database, entry: OutboxEntry, reason: string): Promise<boolean> {
  const [blocked] = await database.batch([
    database.update(outbox).set({ status: "blocked", lastError: reason, leaseUntil: null }).where(and(eq(outbox.id, entry.id), eq(outbox.status, "queued"))).returning({ id: outbox.id }),
    database
      .update(drafts)
      .set({ status: "failed", rejectReason: reason, updatedAt: new Date() })
      .where(and(eq(drafts.id, entry.draftId), sql`EXISTS (SELECT 1 FROM ${outbox} WHERE ${outbox.id} = ${entry.id} AND ${outbox.status} = 'blocked')`)),
  ]);
  return blocked.length === 1;
}

/** A send that was refused (safety gate at send time) or failed for good. */
export async function recordNotSent(database: Database, entry: OutboxEntry, status: "blocked" | "failed", reason: string): Promise<void> {
  await database.batch([
    database.update(outbox).set({ status, lastError: reason, leaseUntil: null }).where(eq(outbox.id, entry.id)),
    database.update(drafts).set({ status: "failed", rejectReason: reason, updatedAt: new Date() }).where(eq(drafts.id, entry.draftId)),
  ]);
}
