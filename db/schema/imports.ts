import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { createdAt, timestamp } from "./columns";

export const LEAD_IMPORT_STATUSES = ["uploaded", "queued", "running", "done", "failed"] as const;
export type LeadImportStatus = (typeof LEAD_IMPORT_STATUSES)[number];

/**
 * One CSV upload of contacts and their companies, from upload to report. The file itself waits
 * in a temp file (`path`) until the import job has read it. The counters are written in the same
 * batch as the rows they count, so a job that dies resumes after `rows_done` and the report stays
 * exact.
 */
export const leadImports = sqliteTable(
  "lead_imports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    status: text("status", { enum: LEAD_IMPORT_STATUSES }).notNull().default("uploaded"),
    filename: text("filename").notNull(),
    /** Where the upload waits on disk; null once it has been removed. */
    path: text("path"),
    bytes: integer("bytes").notNull(),
    /** The file's column names in order (blank ones named "Column N"), for the refused-rows file. */
    headers: text("headers", { mode: "json" }).$type<string[]>().notNull().default([]),
    /** Field → CSV header, as confirmed when the import was started. */
    mapping: text("mapping", { mode: "json" }).$type<Record<string, string>>(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    /** New contacts are owned by this user (a rep importing their own leads), or nobody. */
    ownerId: text("owner_id").references(() => users.id, { onDelete: "set null" }),
    rowsDone: integer("rows_done").notNull().default(0),
    bytesDone: integer("bytes_done").notNull().default(0),
    contactsCreated: integer("contacts_created").notNull().default(0),
    contactsMerged: integer("contacts_merged").notNull().default(0),
    contactsUnchanged: integer("contacts_unchanged").notNull().default(0),
    companiesCreated: integer("companies_created").notNull().default(0),
    companiesMerged: integer("companies_merged").notNull().default(0),
    refused: integer("refused").notNull().default(0),
    /** Contacts written as never contactable (suppression list, or marked unsubscribed/bounced/do-not-contact). */
    suppressed: integer("suppressed").notNull().default(0),
    /** Companies given a country from their HQ by the offline resolver. */
    countriesResolved: integer("countries_resolved").notNull().default(0),
    /** A value in the file that differed from a non-empty one already stored (the stored one was kept). */
    conflicts: integer("conflicts").notNull().default(0),
    /** The first conflicts, for the report: `{line, email, field, kept, offered}`. */
    conflictSamples: text("conflict_samples", { mode: "json" }).$type<ConflictSample[]>().notNull().default([]),
    error: text("error"),
    createdAt: createdAt(),
    startedAt: timestamp("started_at"),
    finishedAt: timestamp("finished_at"),
  },
  (t) => [index("lead_imports_created_idx").on(t.createdAt)],
);

export type ConflictSample = { line: number; email: string; field: string; kept: string; offered: string };

/** A row the import refused, with every reason, so the refused rows can be downloaded as a CSV. */
export const leadImportRefusals = sqliteTable(
  "lead_import_refusals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    importId: integer("import_id")
      .notNull()
      .references(() => leadImports.id, { onDelete: "cascade" }),
    /** The line of the file (1 = the header row). */
    line: integer("line").notNull(),
    /** `field: message` entries. */
    reasons: text("reasons", { mode: "json" }).$type<string[]>().notNull(),
    /** The row's cells as read, in the file's column order. */
    cells: text("cells", { mode: "json" }).$type<string[]>().notNull(),
  },
  (t) => [index("lead_import_refusals_import_idx").on(t.importId, t.line)],
);
