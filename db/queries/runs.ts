import { and, asc, desc, eq, gte, inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { llmCalls, runSteps, runs, type RunStatus } from "../schema";

export type RunStart = {
  id: string;
  assistantId: string;
  threadId: string | null;
  startedAt: Date;
  traceId?: string | null;
  metadata?: Record<string, unknown>;
  /** The run that started this one, as the caller named it (not checked to exist). */
  parentRunId?: string | null;
};

export async function insertRun(database: Database, run: RunStart): Promise<void> {
  await database.insert(runs).values({ ...run, status: "running" });
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
