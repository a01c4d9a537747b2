import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, timestamp } from "./columns";
import { contacts } from "./crm";
import { drafts } from "./outreach";

/**
 * A deferral's reason as stored: lib/governor's DeferReason (the full union; db/ imports nothing
 * above it) plus the recipient's zone, so the queue can tell the time in the recipient's own.
 */
export type StoredDeferReason = { kind: string; detail: Record<string, unknown>; recipientZone?: string };

export const OUTBOX_STATUSES = ["queued", "sending", "sent", "failed", "blocked"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * Approved mail waiting to go out. One row per draft, enforced by a unique key, so double clicks,
 * two tabs and retries can never queue (or send) a draft twice.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    draftId: integer("draft_id")
      .notNull()
      .references(() => drafts.id, { onDelete: "cascade" }),
    /** `draft:<id>`: the idempotency key. */
    idempotencyKey: text("idempotency_key").notNull(),
    contactId: integer("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    toEmail: text("to_email").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    /** RFC 5322 Message-ID, fixed before the first attempt so a retry reuses it. */
    messageId: text("message_id").notNull(),
    inReplyTo: text("in_reply_to"),
    conversationId: text("conversation_id").notNull(),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("queued"),
    /** "smtp" or "local" (the embedded default: delivered to the console's own outbox). */
    transport: text("transport"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** A sender holds the row until this time; a crashed sender's claim expires. */
    leaseUntil: timestamp("lease_until"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at"),
    /**
     * The sending mailbox (its lower-cased address), fixed when the governor first looks at the
     * row, so the mailbox's daily cap and gap count it.
     */
    mailboxId: text("mailbox_id"),
    /** The recipient's domain, lower-cased: what the per-domain daily cap counts. */
    recipientDomain: text("recipient_domain"),
    /**
     * When the governor let this row be claimed for sending: the instant its caps and gap count.
     * Kept on a row that was sent (or handed over); cleared never, reset by the next claim.
     */
    claimedAt: timestamp("claimed_at"),
    /** The governor deferred it: not to be claimed before this time (its delivery job waits until then too). */
    notBefore: timestamp("not_before"),
    /** The governor's machine-readable reason for the last deferral (lib/governor DeferReason), null once it may go. */
    deferredReason: text("deferred_reason", { mode: "json" }).$type<StoredDeferReason>(),
    /** When the governor expects it to go, shown beside the deferred send. */
    predictedSendAt: timestamp("predicted_send_at"),
  },
  (t) => [
    uniqueIndex("outbox_draft_uq").on(t.draftId),
    uniqueIndex("outbox_idempotency_uq").on(t.idempotencyKey),
    uniqueIndex("outbox_message_id_uq").on(t.messageId),
    index("outbox_status_idx").on(t.status, t.createdAt),
    // The governor's counts: a mailbox's sends in its local day and its last send; a domain's in a day.
    // Covering (status last), so each claim's counts read the index alone: a count of sends in a day
    // otherwise looks up every row it passes to check its status (the caps' worst case: thousands).
    index("outbox_mailbox_claimed_idx").on(t.mailboxId, t.claimedAt, t.status),
    index("outbox_domain_claimed_idx").on(t.recipientDomain, t.claimedAt, t.status),
    // The contact's gap: its latest email, counted at every claim.
    index("outbox_contact_claimed_idx").on(t.contactId, t.claimedAt, t.status),
  ],
);

/** Inbound mail that could not be parsed or matched: kept, never dropped silently. */
export const deadLetters = sqliteTable(
  "dead_letters",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    receivedAt: createdAt("received_at"),
    reason: text("reason").notNull(),
    contentType: text("content_type"),
    raw: text("raw").notNull(),
  },
  (t) => [index("dead_letters_received_idx").on(t.receivedAt)],
);
