import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { createdAt, flag, timestamp } from "./columns";
import { companies, contacts, VERTICALS } from "./crm";

export const CAMPAIGN_STATUSES = ["draft", "active", "paused", "completed"] as const;
export const TONES = ["warm", "direct", "formal", "casual", "consultative"] as const;
export type Tone = (typeof TONES)[number];

/**
 * The coach plan a campaign launched with (seeds, part 7): the angle and tone every touch is
 * written with, the day gaps before each touch, the touch budget and the sentence that says when
 * to stop. `provenance.source` names who made it: the operator's edit, the panel, a model, or the
 * defaults it failed open to. Coerced by lib/campaigns/coach-plan.ts before it is stored.
 */
export type CampaignPlan = {
  angle: string;
  tone: Tone;
  cadenceDays: number[];
  maxTouches: number;
  stopCriteria: string;
  /** Per-touch angles, when the panel proposed them (index 0 is touch 1). */
  touchAngles?: string[];
  provenance: Provenance;
  /** The prompt version of a model plan, the rules version of a coerced or default one. */
  version: string;
};

/** Why a send or an enrollment waits, machine-readable (lib/governor/decide.ts `DeferReason`). */
export type DeferredReason = { kind: string; detail: Record<string, unknown> };

export const emailCampaigns = sqliteTable("email_campaigns", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  description: text("description"),
  /** The campaign's pitch, at most 200 characters. */
  angle: text("angle"),
  tone: text("tone", { enum: TONES }).notNull().default("consultative"),
  vertical: text("vertical", { enum: VERTICALS }),
  status: text("status", { enum: CAMPAIGN_STATUSES }).notNull().default("draft"),
  /** Days between touches, JSON array, e.g. [0,4,7,7,7,7]. */
  cadenceDays: text("cadence_days", { mode: "json" }).$type<number[]>().notNull(),
  maxTouches: integer("max_touches").notNull().default(6),
  ownerId: text("owner_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  /** A reply from anyone at the contact's company stops the contact's enrollment too. */
  stopOnCompanyReply: flag("stop_on_company_reply"),
  /** Contacts may be active in this campaign while active in another. */
  allowOverlap: flag("allow_overlap"),
  /** Days after another campaign finished for a contact before this one may enroll them. */
  cooldownDays: integer("cooldown_days").notNull().default(30),
  /** The coach plan as launched, with provenance; every thread seeds its plan from it. */
  plan: text("plan", { mode: "json" }).$type<CampaignPlan>(),
  /** The campaign_panel's output (each lens's argument and the agreed sequence), as the operator saw it. */
  panel: text("panel", { mode: "json" }).$type<Record<string, unknown>>(),
  launchedAt: timestamp("launched_at"),
  pausedAt: timestamp("paused_at"),
});

/**
 * `active`: the thread works or sleeps until `next_wake_at`; `paused`: by a person or an
 * out-of-office (`paused_until`); `completed`: every touch went; `stopped`: a stop rule or a
 * person ended it (`stop_reason`); `replied`, `bounced`, `unsubscribed`, `meeting`: ended by
 * that event; `removed`: taken out of the campaign by a person.
 */
export const ENROLLMENT_STATUSES = ["active", "paused", "completed", "stopped", "replied", "bounced", "unsubscribed", "meeting", "removed"] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/** One per (campaign, contact); the campaign graph's thread lives here. */
export const campaignEnrollments = sqliteTable(
  "campaign_enrollments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => emailCampaigns.id, { onDelete: "cascade" }),
    contactId: integer("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    threadId: text("thread_id"),
    step: integer("step").notNull().default(0),
    status: text("status", { enum: ENROLLMENT_STATUSES }).notNull().default("active"),
    nextWakeAt: timestamp("next_wake_at"),
    /** Why the enrollment ended or paused, in words a person reads (the status says what). */
    stopReason: text("stop_reason"),
    /** An out-of-office's return date (or the default wait): the enrollment resumes then. */
    pausedUntil: timestamp("paused_until"),
    /** What last happened to the enrollment ("touch 2 sent", "reply received") and when. */
    lastEvent: text("last_event"),
    lastEventAt: timestamp("last_event_at"),
    /** Why the next touch waits (paused, approval pending…), and when it is expected to go. */
    deferredReason: text("deferred_reason", { mode: "json" }).$type<DeferredReason>(),
    predictedSendAt: timestamp("predicted_send_at"),
    enrolledAt: createdAt("enrolled_at"),
    updatedAt: createdAt("updated_at"),
  },
  (t) => [
    uniqueIndex("enrollments_campaign_contact_uq").on(t.campaignId, t.contactId),
    index("enrollments_contact_idx").on(t.contactId, t.campaignId),
    index("enrollments_wake_idx").on(t.status, t.nextWakeAt),
    index("enrollments_campaign_status_idx").on(t.campaignId, t.status),
  ],
);

export const DIRECTIONS = ["outbound", "inbound"] as const;

export const emails = sqliteTable(
  "emails",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contactId: integer("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    campaignId: integer("campaign_id").references(() => emailCampaigns.id, { onDelete: "set null" }),
    direction: text("direction", { enum: DIRECTIONS }).notNull(),
    /** Conversation key shared by a touch and its replies. */
    threadId: text("thread_id").notNull(),
    /** RFC 5322 Message-ID. */
    messageId: text("message_id").notNull().unique(),
    inReplyTo: text("in_reply_to"),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    /** 1-based touch number within a campaign sequence. */
    step: integer("step"),
    sentAt: timestamp("sent_at").notNull(),
    openedAt: timestamp("opened_at"),
    repliedAt: timestamp("replied_at"),
    bouncedAt: timestamp("bounced_at"),
  },
  (t) => [
    index("emails_contact_sent_idx").on(t.contactId, t.sentAt),
    index("emails_campaign_sent_idx").on(t.campaignId, t.sentAt),
    index("emails_thread_idx").on(t.threadId),
    index("emails_sent_idx").on(t.sentAt, t.direction),
    index("emails_bounced_idx").on(t.bouncedAt).where(sql`${t.bouncedAt} IS NOT NULL`),
  ],
);

/**
 * Email counts per contact, kept by SQLite triggers on `emails` (migration 0005), so every writer
 * (the outbox, inbound mail, the seed, a direct INSERT) keeps them exact. Analytics reads these
 * instead of a million email rows; a derived CRM table, readable by analytics queries. Never write
 * `emails` or `campaign_enrollments` with INSERT OR REPLACE / REPLACE: the row it replaces fires
 * no delete trigger (SQLite's recursive_triggers is off), so the counts would drift.
 */
export const contactEmailStats = sqliteTable("contact_email_stats", {
  contactId: integer("contact_id").primaryKey(),
  /** Outbound emails sent. */
  outbound: integer("outbound").notNull().default(0),
  /** Outbound emails with an open tracked. */
  opened: integer("opened").notNull().default(0),
  /** Inbound emails (replies) received. */
  inbound: integer("inbound").notNull().default(0),
  /** Emails that bounced. */
  bounced: integer("bounced").notNull().default(0),
});

/**
 * The same counts per campaign and contact, for emails that belong to a campaign, plus the
 * contact's enrollment in it (kept by triggers on `campaign_enrollments`), so the campaign funnel
 * is one scan of this table. A row exists while the pair has an email or an enrollment.
 */
export const campaignEmailStats = sqliteTable(
  "campaign_email_stats",
  {
    campaignId: integer("campaign_id").notNull(),
    contactId: integer("contact_id").notNull(),
    outbound: integer("outbound").notNull().default(0),
    opened: integer("opened").notNull().default(0),
    inbound: integer("inbound").notNull().default(0),
    bounced: integer("bounced").notNull().default(0),
    /** 1 while the contact is enrolled in the campaign. */
    enrolled: integer("enrolled").notNull().default(0),
    /** 1 while that enrollment's status is `replied`. */
    enrollmentReplied: integer("enrollment_replied").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.contactId] })],
);

/** `withdrawn`: taken out of the queue unsent because its enrollment stopped while it waited. */
export const DRAFT_STATUSES = ["draft", "approved", "rejected", "sent", "failed", "withdrawn"] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/**
 * What a draft is. `email` goes out through the outbox when approved; `proposal` (lead_to_proposal)
 * is a document: approving it marks it approved and exportable, never sends anything.
 */
export const DRAFT_KINDS = ["email", "proposal"] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

export const PROPOSAL_SECTIONS = ["problem", "approach", "value", "next_step"] as const;
export type ProposalSectionKey = (typeof PROPOSAL_SECTIONS)[number];

/** One claim of a proposal, with the facts it cites and the faithfulness check's verdict. */
export type ProposalClaim = {
  text: string;
  factIds: number[];
  /** Marked by its writer (or a rep) as an assumption: shown as one, never as fact. */
  assumption: boolean;
  verdict: "supported" | "assumption" | "unsupported";
  /** Why an unsupported claim failed; null otherwise. */
  reason: string | null;
};

/**
 * A proposal as stored on its draft (`drafts.document`): sections of claims, and the company facts
 * they may cite as they were when it was drafted (so a citation still shows its fact if the fact
 * row changes, and an edit is re-checked against the same facts).
 */
export type ProposalDocument = {
  title: string;
  sections: { key: ProposalSectionKey; claims: ProposalClaim[] }[];
  facts: { id: number; fact: string; source: string; confidence: number }[];
  /** The research findings the draft was written from, each with the facts it cites. */
  findings: { text: string; factIds: number[] }[];
  /** Names a claim may use without citing a fact (the company's, the contact's, the sender's): every re-check uses the same. */
  allowedTerms: string[];
};

/**
 * Why a rep rejected a draft, as a closed set of labels beside the free-text reason: reps'
 * decisions are labels for evaluating drafts, and a label can be counted where prose cannot.
 */
export const REJECT_LABELS = ["wrong_person", "wrong_angle", "factual_error", "tone", "timing", "other"] as const;
export type RejectLabel = (typeof REJECT_LABELS)[number];

/** Why the AI decided what it did; stored on every AI decision. */
export type Provenance = {
  confidence: number;
  reason: string;
  source: string;
  evidence: string[];
};

export const drafts = sqliteTable(
  "drafts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contactId: integer("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    companyId: integer("company_id").references(() => companies.id, { onDelete: "set null" }),
    campaignId: integer("campaign_id").references(() => emailCampaigns.id, { onDelete: "set null" }),
    enrollmentId: integer("enrollment_id").references(() => campaignEnrollments.id, { onDelete: "set null" }),
    assignedRepId: text("assigned_rep_id").references(() => users.id, { onDelete: "set null" }),
    status: text("status", { enum: DRAFT_STATUSES }).notNull().default("draft"),
    kind: text("kind", { enum: DRAFT_KINDS }).notNull().default("email"),
    /** The structured proposal of a `proposal` draft (subject: its title, body: its Markdown); null for emails. */
    document: text("document", { mode: "json" }).$type<ProposalDocument>(),
    /** A/B/C/D lead tier at drafting time, for queue filtering. */
    tier: text("tier"),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    editedSubject: text("edited_subject"),
    editedBody: text("edited_body"),
    provenance: text("provenance", { mode: "json" }).$type<Provenance>().notNull(),
    reviewFlags: text("review_flags", { mode: "json" }).$type<string[]>(),
    promptVersion: text("prompt_version").notNull(),
    /** Model name, or "offline template" for the deterministic path. */
    model: text("model").notNull(),
    graphId: text("graph_id").notNull(),
    runId: text("run_id"),
    threadId: text("thread_id"),
    traceId: text("trace_id"),
    runUrl: text("run_url"),
    /** The action the orchestrator took: initial, followup or reply. */
    action: text("action"),
    /** The touch number (1-based) of a campaign draft; null outside campaigns. */
    step: integer("step"),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at"),
    rejectReason: text("reject_reason"),
    /** The rep's preset reason for a rejection (null for other statuses, and for rejections before labels existed). */
    rejectLabel: text("reject_label", { enum: REJECT_LABELS }),
    /** Revision requests (respond / regenerate) this draft has had; each is a `draft_revisions` row. */
    revisions: integer("revisions").notNull().default(0),
    sentAt: timestamp("sent_at"),
    createdAt: createdAt(),
    updatedAt: createdAt("updated_at"),
  },
  (t) => [
    index("drafts_rep_status_created_idx").on(t.assignedRepId, t.status, t.createdAt),
    index("drafts_status_created_idx").on(t.status, t.createdAt),
    index("drafts_created_idx").on(t.createdAt),
    index("drafts_campaign_idx").on(t.campaignId, t.createdAt),
    index("drafts_contact_idx").on(t.contactId),
    index("drafts_thread_idx").on(t.threadId),
    // A stopped enrollment withdraws its waiting touch; a campaign lists its drafts by step.
    index("drafts_enrollment_idx").on(t.enrollmentId, t.status),
  ],
);

export const REVISION_OUTCOMES = ["revised", "unchanged"] as const;

/**
 * One revision request on a waiting draft (Agent Inbox "respond", or regenerate when
 * `instruction` is null) and the version it replaced, so both versions are kept: the draft row
 * holds the current text, this row the text before the request. `unchanged` (with `note`) when
 * nothing could follow it, such as the offline template given a free-text instruction.
 */
export const draftRevisions = sqliteTable(
  "draft_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    draftId: integer("draft_id")
      .notNull()
      .references(() => drafts.id, { onDelete: "cascade" }),
    /** 1 for the draft's first request; unique per draft, so a re-run step records it once. */
    seq: integer("seq").notNull(),
    instruction: text("instruction"),
    requestedBy: text("requested_by").references(() => users.id, { onDelete: "set null" }),
    outcome: text("outcome", { enum: REVISION_OUTCOMES }).notNull(),
    note: text("note"),
    previousSubject: text("previous_subject").notNull(),
    previousBody: text("previous_body").notNull(),
    previousModel: text("previous_model").notNull(),
    previousPromptVersion: text("previous_prompt_version").notNull(),
    previousProvenance: text("previous_provenance", { mode: "json" }).$type<Provenance>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("draft_revisions_draft_seq_uq").on(t.draftId, t.seq)],
);

export const POLARITIES = ["positive", "negative", "neutral"] as const;

/** A labelled result of a conversation (reply classified, meeting booked…). */
export const outcomes = sqliteTable(
  "outcomes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    threadId: text("thread_id").notNull(),
    contactId: integer("contact_id").references(() => contacts.id, { onDelete: "cascade" }),
    emailId: integer("email_id").references(() => emails.id, { onDelete: "set null" }),
    label: text("label").notNull(),
    polarity: text("polarity", { enum: POLARITIES }).notNull(),
    confidence: real("confidence"),
    at: timestamp("at").notNull(),
  },
  (t) => [
    index("outcomes_thread_idx").on(t.threadId),
    // Covers "has this contact a converting outcome (in this campaign)?" without reading outcome rows.
    index("outcomes_contact_idx").on(t.contactId, t.label, t.emailId),
    index("outcomes_label_at_idx").on(t.label, t.at),
  ],
);
