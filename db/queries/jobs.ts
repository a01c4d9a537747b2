import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import { jobs, type JobStatus } from "../schema";

export type JobRow = typeof jobs.$inferSelect;

/** What a worker holds while it runs a job: the row as claimed, fenced by owner and attempt. */
export type ClaimedJob = JobRow & { leaseOwner: string; leaseUntil: Date };

export type NewJob = {
  kind: string;
  payload: Record<string, unknown>;
  runAt: Date;
  maxAttempts: number;
  dedupeKey?: string | null;
  parentRunId?: string | null;
  /** The queue's clock: when the job was made. */
  now: Date;
};

/**
 * Queues one job. With a dedupe key, a second job for the same key is not queued while the first
 * waits or runs (the partial unique index): the existing one's id is returned instead.
 */
export async function insertJob(database: Database, job: NewJob): Promise<{ id: number; created: boolean }> {
  const { now, ...values } = job;
  const [row] = await database
    .insert(jobs)
    .values({ ...values, dedupeKey: job.dedupeKey ?? null, parentRunId: job.parentRunId ?? null, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  if (row) return { id: row.id, created: true };
  const [existing] = await database
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.dedupeKey, job.dedupeKey!), inArray(jobs.status, ["queued", "running", "failed"])))
    .limit(1);
  // The holder finished between the two statements: the key is free again, so try once more.
  return existing ? { id: existing.id, created: false } : insertJob(database, job);
}

/**
 * Due now: waiting and past its time, or running under a lease that expired (its worker died).
 * The unary `+` keeps SQLite from answering this through an index: as the re-check of rows
 * already picked by id, it must not turn into a scan of the whole backlog.
 */
const due = (now: number) => sql`(
  (+status IN ('queued', 'failed') AND +run_at <= ${now})
  OR (+status = 'running' AND +lease_until < ${now} AND attempts < max_attempts)
)`;

/**
 * Claims up to `limit` due jobs of the given kinds for `owner`, in one conditional UPDATE: SQLite
 * (and a libSQL server) runs it as one write, and the outer WHERE repeats the due test, so two
 * workers can never both take a job. Each claim counts an attempt and sets a lease.
 */
export async function claimJobs(
  database: Database,
  options: { owner: string; kinds: string[]; limit: number; now: Date; leaseMs: (kind: string) => number },
): Promise<ClaimedJob[]> {
  if (options.kinds.length === 0 || options.limit <= 0) return [];
  const now = options.now.getTime();
  // One lease per kind: a CASE keeps the claim a single statement.
  const leaseUntil = sql.join(
    [sql`CASE ${jobs.kind}`, ...options.kinds.map((k) => sql`WHEN ${k} THEN ${now + options.leaseMs(k)}`), sql`END`],
    sql` `,
  );
  const kinds = sql.join(options.kinds.map((k) => sql`${k}`), sql`, `);
  const limit = options.limit;
  // One index range per way of being due, each already in run_at order, merged: a claim never
  // sorts the whole backlog.
  const rows = await database.all<Record<string, unknown>>(sql`
    UPDATE jobs SET status = 'running', lease_owner = ${options.owner}, lease_until = ${leaseUntil},
      attempts = attempts + 1, updated_at = ${now}
    WHERE id IN (
      SELECT id FROM (
        SELECT id, run_at FROM (SELECT id, run_at FROM jobs WHERE status = 'queued' AND run_at <= ${now} AND kind IN (${kinds}) ORDER BY run_at LIMIT ${limit})
        UNION ALL
        SELECT id, run_at FROM (SELECT id, run_at FROM jobs WHERE status = 'failed' AND run_at <= ${now} AND kind IN (${kinds}) ORDER BY run_at LIMIT ${limit})
        UNION ALL
        SELECT id, run_at FROM (SELECT id, run_at FROM jobs WHERE status = 'running' AND lease_until < ${now} AND attempts < max_attempts AND kind IN (${kinds}) LIMIT ${limit})
      ) ORDER BY run_at, id LIMIT ${limit}
    ) AND ${due(now)}
    RETURNING *`);
  return rows.map(fromRaw) as ClaimedJob[];
}

/** A raw RETURNING row in the table's TypeScript shape. */
function fromRaw(r: Record<string, unknown>): JobRow {
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(Number(v)));
  return {
    id: Number(r.id),
    kind: String(r.kind),
    payload: JSON.parse(String(r.payload)) as Record<string, unknown>,
    status: r.status as JobStatus,
    runAt: date(r.run_at)!,
    attempts: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
    leaseOwner: (r.lease_owner as string | null) ?? null,
    leaseUntil: date(r.lease_until),
    lastError: (r.last_error as string | null) ?? null,
    dedupeKey: (r.dedupe_key as string | null) ?? null,
    parentRunId: (r.parent_run_id as string | null) ?? null,
    createdAt: date(r.created_at)!,
    updatedAt: date(r.updated_at)!,
    finishedAt: date(r.finished_at),
  };
}

/** Only the holder of this attempt may settle or extend the job; a lost lease changes nothing. */
const heldBy = (job: Pick<ClaimedJob, "id" | "leaseOwner" | "attempts">) =>
  and(eq(jobs.id, job.id), eq(jobs.status, "running"), eq(jobs.leaseOwner, job.leaseOwner), eq(jobs.attempts, job.attempts));

/** Pushes the lease out while the handler still runs; false when the lease was lost. */
export async function extendLease(database: Database, job: ClaimedJob, until: Date): Promise<boolean> {
  const result = await database.update(jobs).set({ leaseUntil: until }).where(heldBy(job));
  return result.rowsAffected === 1;
}

export async function completeJob(database: Database, job: ClaimedJob, now: Date): Promise<boolean> {
  const result = await completeJobStatement(database, job, now);
  return result.rowsAffected === 1;
}

/** The completion as a statement, for a handler to commit in the same batch as its work. */
export function completeJobStatement(database: Database, job: ClaimedJob, now: Date) {
  return database
    .update(jobs)
    .set({ status: "done", leaseOwner: null, leaseUntil: null, lastError: null, finishedAt: now, updatedAt: now })
    .where(heldBy(job));
}

/**
 * Puts the job back to wait until `runAt` without spending an attempt: the work was not tried,
 * only postponed (the send governor's deferral). As a statement, for the handler's own batch.
 */
export function deferJobStatement(database: Database, job: ClaimedJob, runAt: Date, now: Date) {
  return database
    .update(jobs)
    .set({ status: "queued", runAt, attempts: sql`max(${jobs.attempts} - 1, 0)`, leaseOwner: null, leaseUntil: null, lastError: null, updatedAt: now })
    .where(heldBy(job));
}

/**
 * Records a failed attempt: waits until `retryAt` for the next one, or is dead-lettered (for a
 * person, from the admin's jobs page) when it was the last attempt or the failure is permanent.
 */
export async function failJob(
  database: Database,
  job: ClaimedJob,
  failure: { error: string; retryAt: Date; permanent: boolean; now: Date },
): Promise<"failed" | "dead" | "lost"> {
  const dead = failure.permanent || job.attempts >= job.maxAttempts;
  const result = await database
    .update(jobs)
    .set({
      status: dead ? "dead" : "failed",
      runAt: dead ? job.runAt : failure.retryAt,
      lastError: failure.error.slice(0, 2_000),
      leaseOwner: null,
      leaseUntil: null,
      finishedAt: dead ? failure.now : null,
      updatedAt: failure.now,
    })
    .where(heldBy(job));
  if (result.rowsAffected !== 1) return "lost";
  return dead ? "dead" : "failed";
}

/** Jobs whose last attempt's worker died (lease expired, no attempt left): dead, for a person. */
export async function deadLetterExpired(database: Database, now: Date): Promise<number> {
  const result = await database
    .update(jobs)
    .set({
      status: "dead",
      lastError: sql`coalesce(${jobs.lastError} || ' · ', '') || 'The worker running the last attempt stopped (its lease expired).'`,
      leaseOwner: null,
      leaseUntil: null,
      finishedAt: now,
      updatedAt: now,
    })
    .where(and(eq(jobs.status, "running"), sql`${jobs.leaseUntil} < ${now.getTime()}`, sql`${jobs.attempts} >= ${jobs.maxAttempts}`));
  return result.rowsAffected;
}

/**
 * A person's retry of a dead or waiting job: due now, with a fresh set of attempts. Refused
 * (null) when another job with the same dedupe key already waits or runs.
 */
export async function retryJob(database: Database, id: number, now: Date): Promise<JobRow | null> {
  try {
    const [row] = await database
      .update(jobs)
      .set({ status: "queued", runAt: now, attempts: 0, leaseOwner: null, leaseUntil: null, finishedAt: null, updatedAt: now })
      .where(and(eq(jobs.id, id), inArray(jobs.status, ["dead", "failed"])))
      .returning();
    return row ?? null;
  } catch (e) {
    if (String((e as { cause?: unknown }).cause ?? e).includes("UNIQUE")) return null;
    throw e;
  }
}

export async function getJob(database: Database, id: number): Promise<JobRow | null> {
  const [row] = await database.select().from(jobs).where(eq(jobs.id, id)).limit(1);
  return row ?? null;
}

/** The newest jobs in the given states (the admin's list). */
export async function listJobs(database: Database, filter: { statuses: JobStatus[]; kind?: string; limit: number }): Promise<JobRow[]> {
  return database
    .select()
    .from(jobs)
    .where(and(inArray(jobs.status, filter.statuses), filter.kind ? eq(jobs.kind, filter.kind) : undefined))
    .orderBy(desc(jobs.updatedAt), desc(jobs.id))
    .limit(filter.limit);
}

/** How many jobs wait, run or are dead, per kind (done ones are history, not counted here). */
export async function countOpenJobs(database: Database): Promise<{ kind: string; status: JobStatus; n: number }[]> {
  return database
    .select({ kind: jobs.kind, status: jobs.status, n: sql<number>`count(*)` })
    .from(jobs)
    .where(inArray(jobs.status, ["queued", "running", "failed", "dead"]))
    .groupBy(jobs.kind, jobs.status);
}

/** Withdraws a job that still waits (its work was done another way); false when none waits under the key. */
export async function cancelWaitingJob(database: Database, dedupeKey: string): Promise<boolean> {
  const removed = await database.delete(jobs).where(and(eq(jobs.dedupeKey, dedupeKey), eq(jobs.status, "queued"))).returning({ id: jobs.id });
  return removed.length > 0;
}
