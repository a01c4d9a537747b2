import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { createdAt } from "./columns";
import { contacts, VERTICALS } from "./crm";
import { drafts, emails, type Provenance } from "./outreach";

/** One objection's approved answer: what a rep may say, and the proof points that back it. */
export type PlaybookEntryData = { objection: string; response: string; proofPoints: string[] };

/**
 * A vertical's objection playbook, one row per version: an edit writes a new version and the
 * previous ones stay, so a draft can always name the exact text it was grounded in. The current
 * playbook is the highest version; with no row, the shipped default (version 0) applies.
 */
export const objectionPlaybooks = sqliteTable(
  "objection_playbooks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    vertical: text("vertical", { enum: VERTICALS }).notNull(),
    version: integer("version").notNull(),
    entries: text("entries", { mode: "json" }).$type<PlaybookEntryData[]>().notNull(),
    /** The editor's note on what changed and why. */
    note: text("note"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("objection_playbooks_vertical_version_uq").on(t.vertical, t.version)],
);

/** What the coach removed or flagged in a draft, and why (the faithfulness gate's verdict on one sentence). */
export type CoachedSentence = { sentence: string; action: "removed" | "flagged"; reason: string };

/**
 * The objection coach's reasoning for one handled objection: the class it settled on and how,
 * the playbook entry and version it drew from, and what the faithfulness gate took out. Shown
 * beside the draft in the queue; a "none" class has no draft.
 */
export const objectionCoachings = sqliteTable(
  "objection_coachings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contactId: integer("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    emailId: integer("email_id").references(() => emails.id, { onDelete: "set null" }),
    /** The rep's note, when the objection came from a call or a meeting rather than an email. */
    note: text("note"),
    draftId: integer("draft_id").references(() => drafts.id, { onDelete: "set null" }),
    objection: text("objection").notNull(),
    confidence: real("confidence").notNull(),
    vertical: text("vertical", { enum: VERTICALS }).notNull(),
    playbookVersion: integer("playbook_version").notNull(),
    sentences: text("sentences", { mode: "json" }).$type<CoachedSentence[]>().notNull(),
    provenance: text("provenance", { mode: "json" }).$type<Provenance>().notNull(),
    promptVersion: text("prompt_version").notNull(),
    runId: text("run_id"),
    threadId: text("thread_id"),
    requestedBy: text("requested_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("objection_coachings_draft_idx").on(t.draftId), index("objection_coachings_contact_idx").on(t.contactId, t.createdAt)],
);
