import { and, asc, desc, eq, gte, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { llmCalls, runSteps, runs, type RunStatus } from "../schema";

export type RunStart = {
  id: string;
  assistantId: string;
  threadId: string | null;
  startedAt: Date;
  traceId?: string | null;
  metadata?: Record<string, unknown>;
  /** The process executing the run and until when its lease holds (see `renewRunLeases`). */
  owner?: string | null;
  leaseUntil?: Date | null;
};

export async function insertRun(database: Database, run: RunStart): Promise<void> {
  await database.insert(runs).values({ ...run, status: "running" });
}

/**
 * Ends a run and records its node steps in one write. With `owner`, only while that process
 * still holds the run: false when another process already recovered it (its lease had lapsed).
 */
export async function finishRun(
  database: Database,
  id: string,
  outcome: { status: RunStatus; endedAt: Date; error?: string | null; runUrl?: string | null },
  steps: StepRecord[] = [],
  owner?: string,
): Promise<boolean> {
  const held = owner === undefined ? eq(runs.id, id) : and(eq(runs.id, id), eq(runs.owner, owner), eq(runs.status, "running"));
  const update = database.update(runs).set(outcome).where(held);
  if (steps.length === 0) return (await update).rowsAffected > 0;
  const [updated] = await database.batch([update, database.insert(runSteps).values(steps.map((s) => ({ ...s, runId: id })))]);
  return updated.rowsAffected > 0;
}

/**
 * Sets top-level keys of a run's metadata and keeps every other key, in one UPDATE (no read,
 * so no lost write against another writer). Returns whether the run exists.
 */
export async function mergeRunMetadata(database: Database, id: string, patch: Record<string, unknown>): Promise<boolean> {
  const entries = Object.entries(patch);
  if (entries.length === 0) return (await getRun(database, id)) !== null;
  const pairs = sql.join(entries.map(([key, value]) => sql`${`$.${JSON.stringify(key)}`}, json(${JSON.stringify(value ?? null)})`), sql`, `);
  const result = await database.update(runs).set({ metadata: sql`json_set(coalesce(${runs.metadata}, '{}'), ${pairs})` }).where(eq(runs.id, id));
  return result.rowsAffected > 0;
}

export async function getRun(database: Database, id: string) {
  const [row] = await database.select().from(runs).where(eq(runs.id, id)).limit(1);
  return row ?? null;
}

export type StepRecord = {
  node: string;
  status: "running" | "success" | "error" | "interrupted";
  startedAt: Date;
  endedAt: Date | null;
  error: string | null;
};


/** A run's model calls, in order: what each node asked of which model, and what it cost. */
export async function listRunLlmCalls(database: Database, runId: string) {
  return database
    .select({
      id: llmCalls.id, node: llmCalls.node, model: llmCalls.model, promptVersion: llmCalls.promptVersion, tokensIn: llmCalls.tokensIn,
      tokensOut: llmCalls.tokensOut, costUsd: llmCalls.costUsd, latencyMs: llmCalls.latencyMs, cacheHit: llmCalls.cacheHit,
      status: llmCalls.status, error: llmCalls.error, createdAt: llmCalls.createdAt,
    })
    .from(llmCalls)
    .where(eq(llmCalls.runId, runId))
    .orderBy(asc(llmCalls.id));
}

export type RunListFilter = {
  assistantId?: string;
  status?: RunStatus;
  /** Only runs that took at least this long. */
  slowMs?: number;
  errored?: boolean;
  since?: Date;
  limit: number;
};

/** Runs newest first, for the admin's runs list. */
export async function listRuns(database: Database, filter: RunListFilter) {
  const conditions: SQL[] = [];
  if (filter.assistantId) conditions.push(eq(runs.assistantId, filter.assistantId));
  if (filter.status) conditions.push(eq(runs.status, filter.status));
  if (filter.errored) conditions.push(inArray(runs.status, ["error", "timeout"]));
  if (filter.slowMs !== undefined) conditions.push(sql`${runs.endedAt} - ${runs.startedAt} >= ${filter.slowMs}`);
  if (filter.since) conditions.push(gte(runs.startedAt, filter.since));
  return database
    .select()
    .from(runs)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(runs.startedAt), desc(runs.id))
    .limit(filter.limit);
}

/** A run's node steps in the order they started. */
export async function listRunSteps(database: Database, runId: string) {
  return database.select().from(runSteps).where(eq(runSteps.runId, runId)).orderBy(asc(runSteps.startedAt), asc(runSteps.id));
}

export type RunStepRow = Awaited<ReturnType<typeof listRunSteps>>[number];

/** Extends the lease of this process's runs in flight, all in one UPDATE. */
export async function renewRunLeases(database: Database, owner: string, ids: string[], until: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await database
    .update(runs)
    .set({ leaseUntil: until })
    .where(and(eq(runs.owner, owner), eq(runs.status, "running"), inArray(runs.id, ids)));
  return result.rowsAffected;
}

/** A run in flight as another process holds it: who, and until when. */
export type RunLease = { id: string; assistantId: string; threadId: string | null; owner: string | null; leaseUntil: Date | null; metadata: Record<string, unknown> | null };

const leaseColumns = { id: runs.id, assistantId: runs.assistantId, threadId: runs.threadId, owner: runs.owner, leaseUntil: runs.leaseUntil, metadata: runs.metadata };

/** Runs marked running by any process but `exceptOwner` (rows from before leases have no owner). */
export async function runningRunsElsewhere(database: Database, exceptOwner: string): Promise<RunLease[]> {
  return database
    .select(leaseColumns)
    .from(runs)
    .where(and(eq(runs.status, "running"), or(isNull(runs.owner), ne(runs.owner, exceptOwner))));
}

/** The runs marked running on one thread (normally none or one). */
export async function runningRunsOfThread(database: Database, threadId: string): Promise<RunLease[]> {
  return database.select(leaseColumns).from(runs).where(and(eq(runs.threadId, threadId), eq(runs.status, "running")));
}

/**
 * Ends a run whose owner is gone, only if nobody touched its lease since `seen` was read: of two
 * processes recovering the same run, exactly one wins. True when this call ended it.
 */
export async function endAbandonedRun(
  database: Database,
  seen: Pick<RunLease, "id" | "owner" | "leaseUntil">,
  outcome: { status: RunStatus; error: string; endedAt: Date },
): Promise<boolean> {
  const result = await database
    .update(runs)
    .set(outcome)
    .where(
      and(
        eq(runs.id, seen.id),
        eq(runs.status, "running"),
        seen.owner === null ? isNull(runs.owner) : eq(runs.owner, seen.owner),
        seen.leaseUntil === null ? isNull(runs.leaseUntil) : eq(runs.leaseUntil, seen.leaseUntil),
      ),
    );
  return result.rowsAffected === 1;
}
