import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../client";
import { contacts, deadLetters, drafts, emails, memories, outbox, outcomes, suppression } from "../schema";
import { normalizeEmail } from "./suppression";

/** A conversation of ours that an inbound message belongs to. */
export type ConversationMatch = {
  contactId: number;
  contactEmail: string;
  /** The conversation key; null when the contact has no mail yet (the caller starts one). */
  threadId: string | null;
  campaignId: number | null;
  /** Our message it answers, when matched by Message-ID and already in the timeline. */
  parentEmailId: number | null;
};

/**
 * The first of `messageIds`, in the order given, that is a message we stored: in the contact
 * timeline (`emails`), else in the outbox (queued or sent). Callers pass In-Reply-To first, then
 * References newest first, so the closest ancestor wins.
 */
export async function findConversationByMessageIds(database: Database, messageIds: readonly string[]): Promise<(ConversationMatch & { messageId: string }) | null> {
  const ids = [...new Set(messageIds)].slice(0, 50);
  if (!ids.length) return null;
  const [timeline, queued] = await Promise.all([
    database
      .select({ messageId: emails.messageId, emailId: emails.id, contactId: emails.contactId, contactEmail: contacts.email, threadId: emails.threadId, campaignId: emails.campaignId })
      .from(emails)
      .innerJoin(contacts, eq(contacts.id, emails.contactId))
      .where(inArray(emails.messageId, ids)),
    database
      .select({ messageId: outbox.messageId, contactId: outbox.contactId, contactEmail: contacts.email, threadId: outbox.conversationId, campaignId: drafts.campaignId })
      .from(outbox)
      .innerJoin(contacts, eq(contacts.id, outbox.contactId))
      .leftJoin(drafts, eq(drafts.id, outbox.draftId))
      .where(inArray(outbox.messageId, ids)),
  ]);
  for (const id of ids) {
    const email = timeline.find((r) => r.messageId === id);
    if (email) return { messageId: id, contactId: email.contactId, contactEmail: email.contactEmail, threadId: email.threadId, campaignId: email.campaignId, parentEmailId: email.emailId };
    const entry = queued.find((r) => r.messageId === id);
    if (entry) return { messageId: id, contactId: entry.contactId, contactEmail: entry.contactEmail, threadId: entry.threadId, campaignId: entry.campaignId ?? null, parentEmailId: null };
  }
  return null;
}

/** The contact with this address (compared trimmed and lower-cased) and its most recent conversation. */
export async function findContactBySender(database: Database, address: string): Promise<ConversationMatch | null> {
  const normalized = normalizeEmail(address);
  const columns = { id: contacts.id, email: contacts.email };
  // Addresses are stored lower-cased, so the indexed lookup almost always answers; the scan covers rows written otherwise.
  const [exact] = await database.select(columns).from(contacts).where(eq(contacts.email, normalized)).limit(1);
  const contact = exact ?? (await database.select(columns).from(contacts).where(sql`lower(trim(${contacts.email})) = ${normalized}`).orderBy(contacts.id).limit(1))[0];
  if (!contact) return null;
  const [latest] = await database
    .select({ threadId: emails.threadId, campaignId: emails.campaignId })
    .from(emails)
    .where(eq(emails.contactId, contact.id))
    .orderBy(desc(emails.sentAt), desc(emails.id))
    .limit(1);
  return { contactId: contact.id, contactEmail: contact.email, threadId: latest?.threadId ?? null, campaignId: latest?.campaignId ?? null, parentEmailId: null };
}

export async function findEmailByMessageId(database: Database, messageId: string) {
  const [row] = await database
    .select({ id: emails.id, contactId: emails.contactId, direction: emails.direction, threadId: emails.threadId })
    .from(emails)
    .where(eq(emails.messageId, messageId))
    .limit(1);
  return row ?? null;
}

/** One email of the timeline with the latest outcome recorded for it (its label), if any. */
export async function getEmailWithOutcome(database: Database, emailId: number) {
  const [row] = await database
    .select({
      id: emails.id,
      contactId: emails.contactId,
      campaignId: emails.campaignId,
      direction: emails.direction,
      threadId: emails.threadId,
      messageId: emails.messageId,
      subject: emails.subject,
      body: emails.body,
      sentAt: emails.sentAt,
      label: outcomes.label,
      polarity: outcomes.polarity,
      confidence: outcomes.confidence,
    })
    .from(emails)
    .leftJoin(outcomes, eq(outcomes.emailId, emails.id))
    .where(eq(emails.id, emailId))
    .orderBy(desc(outcomes.id))
    .limit(1);
  return row ?? null;
}
export type EmailWithOutcome = NonNullable<Awaited<ReturnType<typeof getEmailWithOutcome>>>;

type SuppressionReason = (typeof suppression.$inferInsert)["reason"];
type ContactFlags = Partial<Pick<typeof contacts.$inferInsert, "replied" | "bounced" | "unsubscribed">>;

/** Everything one inbound message changes, written together. */
export type InboundRecord = {
  contactId: number;
  campaignId: number | null;
  threadId: string;
  messageId: string;
  inReplyTo: string | null;
  subject: string;
  body: string;
  receivedAt: Date;
  outcome: { label: string; polarity: "positive" | "negative" | "neutral"; confidence: number | null };
  /** The message text kept as an `inbound_unverified` memory. */
  memory: string;
  flags: ContactFlags;
  /** Address hashes to add to the suppression list (kept if already there for another reason). */
  suppress: { hashes: string[]; reason: SuppressionReason } | null;
  /** Our message it answers: stamped replied or bounced. */
  parent: { emailId: number; mark: "replied" | "bounced" } | null;
  /**
   * Jobs about the new email, queued in the same write so that none is lost to a crash after it:
   * each payload gets the email's id as `emailId`, and a key ending in ":" is completed with it.
   */
  jobs?: InboundJob[];
};

export type InboundJob = { kind: string; payload: Record<string, unknown>; runAt: Date; maxAttempts: number; dedupeKey: string };

/**
 * Records an inbound message atomically (one batch): the email in the contact's timeline, its
 * outcome, its text as an unverified memory, the contact's flags, the suppression list and the
 * answered message's replied/bounced stamp. Returns the new email's id. A second message with the
 * same Message-ID fails on the unique key and writes nothing.
 */
export async function recordInbound(database: Database, record: InboundRecord): Promise<number> {
  const { contactId, threadId, receivedAt } = record;
  const statements: BatchItem<"sqlite">[] = [
    database.insert(emails).values({
      contactId,
      campaignId: record.campaignId,
      direction: "inbound",
      threadId,
      messageId: record.messageId,
      inReplyTo: record.inReplyTo,
      subject: record.subject,
      body: record.body,
      sentAt: receivedAt,
    }),
    database.insert(outcomes).values({
      threadId,
      contactId,
      emailId: sql`(SELECT ${emails.id} FROM ${emails} WHERE ${emails.messageId} = ${record.messageId})`,
      label: record.outcome.label,
      polarity: record.outcome.polarity,
      confidence: record.outcome.confidence,
      at: receivedAt,
    }),
    database.insert(memories).values({ contactId, source: "inbound_unverified", content: record.memory, threadId, createdAt: receivedAt }),
  ];
  if (Object.keys(record.flags).length) statements.push(database.update(contacts).set(record.flags).where(eq(contacts.id, contactId)));
  for (const emailHash of record.suppress?.hashes ?? []) {
    statements.push(database.insert(suppression).values({ emailHash, reason: record.suppress!.reason, source: "inbound" }).onConflictDoNothing());
  }
  if (record.parent) {
    const { emailId, mark } = record.parent;
    statements.push(
      mark === "replied"
        ? database.update(emails).set({ repliedAt: receivedAt }).where(and(eq(emails.id, emailId), isNull(emails.repliedAt)))
        : database.update(emails).set({ bouncedAt: receivedAt }).where(and(eq(emails.id, emailId), isNull(emails.bouncedAt))),
    );
  }
  for (const job of record.jobs ?? []) {
    const key = job.dedupeKey.endsWith(":") ? sql`${job.dedupeKey} || id` : sql`${job.dedupeKey}`;
    statements.push(
      database.run(sql`
        INSERT INTO jobs (kind, payload, run_at, max_attempts, dedupe_key)
        SELECT ${job.kind}, json_set(${JSON.stringify(job.payload)}, '$.emailId', id), ${job.runAt.getTime()}, ${job.maxAttempts}, ${key}
        FROM emails WHERE message_id = ${record.messageId}
        ON CONFLICT DO NOTHING`),
    );
  }
  await database.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  const stored = await findEmailByMessageId(database, record.messageId);
  return stored!.id;
}

/** Keeps inbound mail that could not be parsed, validated or matched, with why. */
export async function insertDeadLetter(database: Database, letter: { reason: string; contentType: string | null; raw: string }): Promise<number> {
  const [row] = await database.insert(deadLetters).values(letter).returning({ id: deadLetters.id });
  return row!.id;
}
