import type { InStatement, InValue } from "@libsql/client";
import { and, asc, desc, eq, gte, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { llmCalls, runSteps, runs, threads, type RunKwargs, type RunStatus } from "../schema";
import { groupedWrite } from "./group-commit";
import { threadOutcomeColumns, type ThreadOutcome } from "./thread-outcome";

export type RunStart = {
  id: string;
  assistantId: string;
  threadId: string | null;
  startedAt: Date;
  traceId?: string | null;
  metadata?: Record<string, unknown>;
  /** The run that started this one, as the caller named it (not checked to exist). */
  parentRunId?: string | null;
  /** The process executing the run and until when its lease holds (see `renewRunLeases`). */
  owner?: string | null;
  leaseUntil?: Date | null;
  /** A threaded run's request, for recovery (see `runs.kwargs`). */
  kwargs?: RunKwargs | null;
};

// Recording a run's start and end is on every run's path, and the local driver blocks the event
// loop while it works: these two are plain SQL (building them with drizzle cost as much as
// running them) and write only the columns they set.

/** Records a run as it starts (stateless runs; a run on a thread is recorded by its claim). */
export async function insertRun(database: Database, run: RunStart): Promise<void> {
  await groupedWrite(database, [{
    sql: `INSERT INTO runs (id, assistant_id, thread_id, status, started_at, trace_id, metadata, owner, lease_until, parent_run_id)
      VALUES (?, ?, ?, 'running', ?, ?, ?, ?, ?, ?)`,
    args: [
      run.id, run.assistantId, run.threadId, run.startedAt.getTime(), run.traceId ?? null, run.metadata === undefined ? null : JSON.stringify(run.metadata),
      run.owner ?? null, run.leaseUntil?.getTime() ?? null, run.parentRunId ?? null,
    ],
  }]);
}

/** Ends a run and records its node steps in one write. */
export async function finishRun(
  database: Database,
  id: string,
  outcome: { status: RunStatus; endedAt: Date; error?: string | null; runUrl?: string | null },
  steps: StepRecord[] = [],
): Promise<void> {
  const update = database.update(runs).set(outcome).where(eq(runs.id, id));
  if (steps.length === 0) {
    await update;
    return;
  }
  await database.batch([update, database.insert(runSteps).values(steps.map((s) => ({ ...s, runId: id })))]);
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
  /** A subgraph node's path of node names ("compose"); null for the run's own nodes. */
  namespace?: string | null;
  /** `task_id`, and for a subgraph node the `parent_task_id` of the node that ran its subgraph. */
  metadata?: StepMetadata;
};

export type StepMetadata = { task_id?: string; parent_task_id?: string };


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

/** Runs started by this run (it is their `parent_run_id`), oldest first. */
export async function listChildRuns(database: Database, runId: string, limit = 200) {
  return database.select().from(runs).where(eq(runs.parentRunId, runId)).orderBy(asc(runs.startedAt), asc(runs.id)).limit(limit);
}

/** How far a run tree is read: levels below the root, and runs in all (the root included). */
export const RUN_TREE_LIMITS = { depth: 5, runs: 200 } as const;

export type RunRow = typeof runs.$inferSelect;

/**
 * A run and the runs beneath it, level by level (one query per level), parents before their
 * children and each level oldest first. Bounded by depth and count, so a deep or wide tree (or a
 * loop of parent ids written by hand) still answers quickly; `truncated` says something was left out.
 */
export async function listRunTree(database: Database, rootId: string, limits: { depth: number; runs: number } = RUN_TREE_LIMITS) {
  const root = await getRun(database, rootId);
  if (!root) return null;
  const found: { run: RunRow; depth: number }[] = [{ run: root, depth: 0 }];
  const seen = new Set([root.id]);
  let level = [root.id];
  let truncated = false;
  for (let depth = 1; level.length > 0; depth++) {
    const room = limits.runs - found.length;
    if (depth > limits.depth || room <= 0) {
      truncated = (await database.select({ id: runs.id }).from(runs).where(inArray(runs.parentRunId, level)).limit(1)).length > 0;
      break;
    }
    const children = await database
      .select()
      .from(runs)
      .where(inArray(runs.parentRunId, level))
      .orderBy(asc(runs.startedAt), asc(runs.id))
      .limit(room + 1);
    if (children.length > room) truncated = true;
    level = [];
    for (const child of children.slice(0, room)) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      found.push({ run: child, depth });
      level.push(child.id);
    }
  }
  return { runs: found, truncated };
}

/** The node steps of several runs (a tree), each run's in the order they started. */
export async function listStepsOfRuns(database: Database, runIds: string[]) {
  if (runIds.length === 0) return [];
  return database.select().from(runSteps).where(inArray(runSteps.runId, runIds)).orderBy(asc(runSteps.startedAt), asc(runSteps.id));
}

/** The model calls of several runs (a tree), in the order they were made. */
export async function listLlmCallsOfRuns(database: Database, runIds: string[]) {
  if (runIds.length === 0) return [];
  return database
    .select({
      id: llmCalls.id, runId: llmCalls.runId, node: llmCalls.node, model: llmCalls.model, promptVersion: llmCalls.promptVersion,
      tokensIn: llmCalls.tokensIn, tokensOut: llmCalls.tokensOut, costUsd: llmCalls.costUsd, latencyMs: llmCalls.latencyMs,
      cacheHit: llmCalls.cacheHit, status: llmCalls.status, error: llmCalls.error, createdAt: llmCalls.createdAt,
    })
    .from(llmCalls)
    .where(inArray(llmCalls.runId, runIds))
    .orderBy(asc(llmCalls.id));
}

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
export type RunLease = {
  id: string;
  assistantId: string;
  threadId: string | null;
  owner: string | null;
  leaseUntil: Date | null;
  metadata: Record<string, unknown> | null;
  kwargs: RunKwargs | null;
};

const leaseColumns = {
  id: runs.id, assistantId: runs.assistantId, threadId: runs.threadId, owner: runs.owner, leaseUntil: runs.leaseUntil, metadata: runs.metadata, kwargs: runs.kwargs,
};

/** Every run marked running, by any process (rows from before leases have no owner). */
export async function runningRuns(database: Database): Promise<RunLease[]> {
  return database.select(leaseColumns).from(runs).where(eq(runs.status, "running"));
}

/** The runs marked running on one thread (normally none or one). */
export async function runningRunsOfThread(database: Database, threadId: string): Promise<RunLease[]> {
  return database.select(leaseColumns).from(runs).where(and(eq(runs.threadId, threadId), eq(runs.status, "running")));
}

/**
 * The INSERT of a run row; with `onlyIfChanged`, it inserts only when the statement just before it
 * in the same batch changed a row (SQLite's `changes()`), which makes "claim, then record the
 * run" and "end one run, then start the next" single atomic writes: a process killed between the
 * two can never leave a thread busy with no run to recover.
 */
export function insertRunStatement(database: Database, run: RunStart, { onlyIfChanged = false } = {}) {
  const metadata = run.metadata === undefined ? null : JSON.stringify(run.metadata);
  const kwargs = run.kwargs == null ? null : JSON.stringify(run.kwargs);
  return database.run(sql`INSERT INTO runs (id, assistant_id, thread_id, status, started_at, trace_id, metadata, owner, lease_until, parent_run_id, kwargs)
    SELECT ${run.id}, ${run.assistantId}, ${run.threadId}, 'running', ${run.startedAt.getTime()}, ${run.traceId ?? null}, ${metadata},
      ${run.owner ?? null}, ${run.leaseUntil?.getTime() ?? null}, ${run.parentRunId ?? null}, ${kwargs}
    WHERE ${onlyIfChanged ? sql`changes() = 1` : sql`1`}`);
}

/**
 * Ends a run while `owner` still holds it, records its node steps and, in the same write, how
 * it left its thread. False (and the thread untouched) when another process had already
 * recovered the run because this one's lease lapsed.
 */
export async function endHeldRun(
  database: Database,
  id: string,
  owner: string,
  outcome: { status: RunStatus; endedAt: Date; error?: string | null; runUrl?: string | null },
  steps: StepRecord[],
  thread: { threadId: string; outcome: ThreadOutcome } | null,
): Promise<boolean> {
  const statements: InStatement[] = [
    {
      sql: "UPDATE runs SET status = ?, ended_at = ?, error = ?, run_url = coalesce(?, run_url) WHERE id = ? AND owner = ? AND status = 'running'",
      args: [outcome.status, outcome.endedAt.getTime(), outcome.error ?? null, outcome.runUrl ?? null, id, owner],
    },
  ];
  if (thread) {
    const release = database.update(threads).set(threadOutcomeColumns(thread.outcome)).where(and(eq(threads.threadId, thread.threadId), sql`changes() = 1`));
    const { sql: text, params } = release.toSQL();
    statements.push({ sql: text, args: params as InValue[] });
  }
  statements.push(...insertStepsStatements(id, steps));
  const [ended] = await groupedWrite(database, statements);
  return ended!.rowsAffected > 0;
}

/** Rows per INSERT of steps: far below SQLite's limit of bound parameters, whatever the run's size. */
const STEPS_PER_INSERT = 500;

function insertStepsStatements(runId: string, steps: StepRecord[]): InStatement[] {
  const statements: InStatement[] = [];
  for (let from = 0; from < steps.length; from += STEPS_PER_INSERT) {
    const chunk = steps.slice(from, from + STEPS_PER_INSERT);
    statements.push({
      sql: `INSERT INTO run_steps (run_id, node, status, started_at, ended_at, error, namespace, metadata) VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
      args: chunk.flatMap((s) => [
        runId, s.node, s.status, s.startedAt.getTime(), s.endedAt?.getTime() ?? null, s.error, s.namespace ?? null, s.metadata === undefined ? null : JSON.stringify(s.metadata),
      ]),
    });
  }
  return statements;
}

/**
 * Ends a run whose owner is gone, only if nobody touched its lease since `seen` was read: of two
 * processes recovering the same run, exactly one wins. In the same write, the winner releases
 * the run's thread (if still busy) or hands it to the run that carries it on. True when this
 * call ended it.
 */
export async function endAbandonedRun(
  database: Database,
  seen: Pick<RunLease, "id" | "owner" | "leaseUntil" | "threadId">,
  outcome: { status: RunStatus; error: string; endedAt: Date },
  next: { release: ThreadOutcome } | { continueWith: RunStart } | null = null,
): Promise<boolean> {
  const end = database
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
  if (!next || !seen.threadId) return (await end).rowsAffected === 1;
  const then =
    "release" in next
      ? database
          .update(threads)
          .set(threadOutcomeColumns(next.release))
          .where(and(eq(threads.threadId, seen.threadId), eq(threads.status, "busy"), sql`changes() = 1`))
      : insertRunStatement(database, next.continueWith, { onlyIfChanged: true });
  const [ended] = await database.batch([end, then]);
  return ended.rowsAffected === 1;
}
