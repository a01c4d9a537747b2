import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, timestamp } from "./columns";

export const JOB_STATUSES = ["queued", "running", "done", "failed", "dead"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * Durable background work (outbox delivery, memory reflection, campaign wake-ups…). A worker
 * claims a due job with one conditional UPDATE that sets a lease; a job whose lease expired (its
 * process died) is due again. `failed` is a job waiting for its next attempt after an error;
 * `dead` is one that ran out of attempts and waits for a person.
 */
export const jobs = sqliteTable(
  "jobs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind").notNull(),
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull().default({}),
    status: text("status", { enum: JOB_STATUSES }).notNull().default("queued"),
    /** Not before this time. */
    runAt: timestamp("run_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(5),
    /** The worker holding the job, and until when; both null while the job waits. */
    leaseOwner: text("lease_owner"),
    leaseUntil: timestamp("lease_until"),
    lastError: text("last_error"),
    /** At most one job per key is waiting or running at a time (e.g. `outbox:42`). */
    dedupeKey: text("dedupe_key"),
    /** The graph run that enqueued the job, so its runs nest under it. */
    parentRunId: text("parent_run_id"),
    createdAt: createdAt(),
    updatedAt: createdAt("updated_at"),
    finishedAt: timestamp("finished_at"),
  },
  (t) => [
    index("jobs_due_idx").on(t.status, t.runAt),
    index("jobs_lease_idx").on(t.status, t.leaseUntil),
    index("jobs_kind_created_idx").on(t.kind, t.createdAt),
    uniqueIndex("jobs_dedupe_idx").on(t.dedupeKey).where(sql`${t.status} IN ('queued', 'running', 'failed')`),
  ],
);
