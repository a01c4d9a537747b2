import { and, desc, eq, lt, ne, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { threads, type ThreadStatus } from "../schema";
import { insertRunStatement, type RunStart } from "./runs";
import { threadOutcomeColumns, type ThreadOutcome } from "./thread-outcome";

export type ThreadRow = typeof threads.$inferSelect;

export async function insertThread(
  database: Database,
  row: { threadId: string; metadata: Record<string, unknown> },
): Promise<ThreadRow | null> {
  const [created] = await database
    .insert(threads)
    .values({ threadId: row.threadId, metadata: row.metadata, status: "idle" })
    .onConflictDoNothing()
    .returning();
  return created ?? null;
}

export async function getThread(database: Database, threadId: string): Promise<ThreadRow | null> {
  const [row] = await database.select().from(threads).where(eq(threads.threadId, threadId)).limit(1);
  return row ?? null;
}

/**
 * Marks a thread busy unless it already is, and records the run that takes it, in one write:
 * the claim is what makes "a second run on a busy thread gets 422" hold across processes, and
 * the run row is inserted only if the claim succeeded. A resume may only claim a thread that is
 * waiting for input (`requireInterrupted`), so two resumes can never both run. The same write
 * files the thread under its graph in its metadata (`graph_id`, `assistant_id`, as LangGraph
 * Server does). Returns the thread's metadata when claimed, null when not (and no run recorded).
 */
export async function claimThreadForRun(
  database: Database,
  threadId: string,
  run: RunStart,
  { requireInterrupted = false } = {},
): Promise<Record<string, unknown> | null> {
  const [claimed] = await database.batch([
    database
      .update(threads)
      .set({
        status: "busy",
        assistantId: run.assistantId,
        metadata: sql`json_set(coalesce(${threads.metadata}, '{}'), '$.graph_id', ${run.assistantId}, '$.assistant_id', ${run.assistantId})`,
        updatedAt: new Date(),
      })
      .where(and(eq(threads.threadId, threadId), requireInterrupted ? eq(threads.status, "interrupted") : ne(threads.status, "busy")))
      .returning({ metadata: threads.metadata }),
    insertRunStatement(database, run, { onlyIfChanged: true }),
  ]);
  return claimed[0]?.metadata ?? null;
}

/** Records how a run left the thread: its status, latest values, error and pending interrupts. */
export async function releaseThread(database: Database, threadId: string, outcome: ThreadOutcome): Promise<void> {
  await database.update(threads).set(threadOutcomeColumns(outcome)).where(eq(threads.threadId, threadId));
}

export type ThreadSearch = {
  status?: ThreadStatus;
  /** Every key must match exactly (JSON equality on the value). */
  metadata?: Record<string, unknown>;
  limit: number;
  offset: number;
};

export async function searchThreads(database: Database, search: ThreadSearch): Promise<ThreadRow[]> {
  const conditions: SQL[] = [];
  if (search.status) conditions.push(eq(threads.status, search.status));
  for (const [key, value] of Object.entries(search.metadata ?? {})) {
    conditions.push(sql`json_extract(${threads.metadata}, ${`$."${key.replace(/"/g, '""')}"`}) IS json_extract(${JSON.stringify(value)}, '$')`);
  }
  return database
    .select()
    .from(threads)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(threads.updatedAt), desc(threads.threadId))
    .limit(search.limit)
    .offset(search.offset);
}

export async function deleteThreadRow(database: Database, threadId: string): Promise<void> {
  await database.delete(threads).where(eq(threads.threadId, threadId));
}

/**
 * Threads busy for longer than `olderThan` allows with no run marked running on them: left by a
 * process that died in a version without atomic claims, or by a hand edit. Normally none.
 */
export async function strandedThreads(database: Database, olderThan: Date): Promise<ThreadRow[]> {
  return database
    .select()
    .from(threads)
    .where(
      and(
        eq(threads.status, "busy"),
        lt(threads.updatedAt, olderThan),
        sql`NOT EXISTS (SELECT 1 FROM runs WHERE runs.thread_id = ${threads.threadId} AND runs.status = 'running')`,
      ),
    );
}

/** Releases a stranded thread (see `strandedThreads`) unless a run took it meanwhile. */
export async function releaseStrandedThread(database: Database, threadId: string, outcome: ThreadOutcome): Promise<boolean> {
  const result = await database
    .update(threads)
    .set(threadOutcomeColumns(outcome))
    .where(and(eq(threads.threadId, threadId), eq(threads.status, "busy"), sql`NOT EXISTS (SELECT 1 FROM runs WHERE runs.thread_id = ${threadId} AND runs.status = 'running')`));
  return result.rowsAffected === 1;
}
