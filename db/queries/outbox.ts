import { and, eq, lt, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import { contacts, drafts, emails, outbox } from "../schema";

export type OutboxEntry = typeof outbox.$inferSelect;

/**
 * Queues an approved draft. The unique key on the draft makes this idempotent: a second call
 * (double click, retry, second tab) finds the existing row and queues nothing.
 */
export async function enqueueDraft(
  database: Database,
  entry: { draftId: number; contactId: number; toEmail: string; subject: string; body: string; messageId: string; inReplyTo: string | null; conversationId: string },
): Promise<OutboxEntry> {
  await database
    .insert(outbox)
    .values({ ...entry, idempotencyKey: `draft:${entry.draftId}` })
    .onConflictDoNothing();
  const [row] = await database.select().from(outbox).where(eq(outbox.draftId, entry.draftId)).limit(1);
  return row!;
}

/**
 * Takes one queued row for sending. Only one caller can win: the status moves from queued to
 * sending in a single conditional UPDATE.
 */
export async function claimForSending(database: Database, id: number, leaseMs: number): Promise<OutboxEntry | null> {
  const now = Date.now();
  const [row] = await database
    .update(outbox)
    .set({ status: "sending", attempts: sql`${outbox.attempts} + 1`, leaseUntil: new Date(now + leaseMs) })
    .where(and(eq(outbox.id, id), eq(outbox.status, "queued")))
    .returning();
  return row ?? null;
}

export async function queuedIds(database: Database, limit = 100): Promise<number[]> {
  const rows = await database.select({ id: outbox.id }).from(outbox).where(eq(outbox.status, "queued")).orderBy(outbox.id).limit(limit);
  return rows.map((r) => r.id);
}

export async function outboxForDraft(database: Database, draftId: number): Promise<OutboxEntry | null> {
  const [row] = await database.select().from(outbox).where(eq(outbox.draftId, draftId)).limit(1);
  return row ?? null;
}

/**
 * Records a delivered message atomically (one batch): the outbox row, the draft, the email in the
 * contact's timeline (with its Message-ID, so replies match) and the contact's last touch.
 */
/** Returns the id of the email now in the contact's timeline. */
export async function recordSent(database: Database, entry: OutboxEntry, transport: "smtp" | "local", campaignId: number | null): Promise<number> {
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
      sentAt: now,
    }).returning({ id: emails.id }),
    database.update(contacts).set({ lastContactedAt: now }).where(eq(contacts.id, entry.contactId)),
  ]);
  return inserted[0]!.id;
}

/** A send that was refused (safety gate at send time) or failed for good. */
export async function recordNotSent(database: Database, entry: OutboxEntry, status: "blocked" | "failed", reason: string): Promise<void> {
  await database.batch([
    database.update(outbox).set({ status, lastError: reason, leaseUntil: null }).where(eq(outbox.id, entry.id)),
    database.update(drafts).set({ status: "failed", rejectReason: reason, updatedAt: new Date() }).where(eq(drafts.id, entry.draftId)),
  ]);
}

/**
 * Rows left in "sending" by a crashed sender. Whether the mail left is unknown, so they are marked
 * failed for a person to check — never resent, which could send twice.
 */
export async function failAbandonedSends(database: Database): Promise<number> {
  const result = await database
    .update(outbox)
    .set({ status: "failed", lastError: "Delivery uncertain: the sender stopped mid-send. Check the mailbox before sending again." })
    .where(and(eq(outbox.status, "sending"), or(lt(outbox.leaseUntil, new Date()), sql`${outbox.leaseUntil} IS NULL`)));
  return result.rowsAffected;
}
