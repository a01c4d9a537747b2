import { randomUUID } from "node:crypto";
import type { BaseCheckpointSaver } from "@langchain/langgraph-checkpoint";
import type { Database } from "@/db/client";
import { getRun } from "@/db/queries/runs";
import { deleteThreadRow, getThread, insertThread, searchThreads, type ThreadRow } from "@/db/queries/threads";
import type { StateSnapshotLike } from "@/graphs/spec";
import { AppError } from "@/lib/errors";
import { validate } from "@/lib/http/body";
import type { GraphCache } from "./graph-cache";
import { HistoryQuery, ThreadCreate, ThreadId, ThreadSearch } from "./schemas";

export type ThreadDeps = { database: Database; cache: GraphCache; checkpointer: BaseCheckpointSaver };

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** A thread as LangGraph Server shows it. */
export function threadJson(row: ThreadRow) {
  return {
    thread_id: row.threadId,
    created_at: iso(row.createdAt),
    updated_at: iso(row.updatedAt),
    metadata: row.metadata,
    status: row.status,
    config: {},
    values: row.values ?? null,
    interrupts: row.interrupts ?? {},
    ...(row.error ? { error: row.error } : {}),
  };
}

export function parseThreadId(raw: string): string {
  return validate(ThreadId, raw, "threads", "thread_id");
}

export async function requireThread(deps: ThreadDeps, threadId: string): Promise<ThreadRow> {
  const row = await getThread(deps.database, parseThreadId(threadId));
  if (!row) throw new AppError("not_found:threads", { message: `Thread ${threadId} does not exist.` });
  return row;
}

export async function createThread(deps: ThreadDeps, body: unknown) {
  const payload = validate(ThreadCreate, body, "threads");
  const threadId = payload.thread_id ?? randomUUID();
  const created = await insertThread(deps.database, { threadId, metadata: payload.metadata ?? {} });
  if (created) return threadJson(created);
  if (payload.if_exists === "do_nothing") return threadJson((await getThread(deps.database, threadId))!);
  throw new AppError("conflict:threads", { field: "thread_id", message: `Thread ${threadId} already exists.` });
}

export async function findThreads(deps: ThreadDeps, body: unknown) {
  const search = validate(ThreadSearch, body, "threads");
  const rows = await searchThreads(deps.database, { status: search.status, metadata: search.metadata, limit: search.limit, offset: search.offset });
  return rows.map(threadJson);
}

export async function removeThread(deps: ThreadDeps, threadId: string) {
  const row = await requireThread(deps, threadId);
  if (row.status === "busy") throw new AppError("conflict:threads", { message: `Thread ${threadId} is running; cancel its run first.` });
  await deps.checkpointer.deleteThread(row.threadId);
  await deleteThreadRow(deps.database, row.threadId);
}

function checkpointJson(config: StateSnapshotLike["config"] | undefined) {
  const c = config?.configurable;
  if (!c?.checkpoint_id) return null;
  return { thread_id: c.thread_id, checkpoint_ns: c.checkpoint_ns ?? "", checkpoint_id: c.checkpoint_id, checkpoint_map: c.checkpoint_map ?? null };
}

/** A state snapshot as LangGraph Server's ThreadState. */
export function stateJson(snapshot: StateSnapshotLike) {
  const tasks = snapshot.tasks.map((t) => ({
    id: t.id,
    name: t.name,
    path: t.path ?? [],
    error: t.error ? String(t.error) : null,
    interrupts: t.interrupts.map((i) => ({ id: i.id, value: i.value })),
    checkpoint: null,
    state: null,
    result: t.result ?? null,
  }));
  const checkpoint = checkpointJson(snapshot.config);
  const parent = checkpointJson(snapshot.parentConfig);
  return {
    values: snapshot.values ?? {},
    next: [...snapshot.next],
    tasks,
    metadata: snapshot.metadata ?? {},
    created_at: snapshot.createdAt ?? null,
    checkpoint,
    parent_checkpoint: parent,
    checkpoint_id: checkpoint?.checkpoint_id ?? null,
    parent_checkpoint_id: parent?.checkpoint_id ?? null,
    interrupts: tasks.flatMap((t) => t.interrupts),
  };
}

const EMPTY_STATE = {
  values: {}, next: [], tasks: [], metadata: {}, created_at: null, checkpoint: null,
  parent_checkpoint: null, checkpoint_id: null, parent_checkpoint_id: null, interrupts: [],
};

async function threadGraph(deps: ThreadDeps, row: ThreadRow) {
  if (!row.assistantId) return null;
  const loaded = await deps.cache.get(row.assistantId);
  return loaded.persistent;
}

export async function threadState(deps: ThreadDeps, threadId: string) {
  const row = await requireThread(deps, threadId);
  const graph = await threadGraph(deps, row);
  if (!graph) return EMPTY_STATE;
  return stateJson(await graph.getState({ configurable: { thread_id: row.threadId } }));
}

export async function threadHistory(deps: ThreadDeps, threadId: string, query: unknown) {
  const row = await requireThread(deps, threadId);
  const options = validate(HistoryQuery, query, "threads");
  // The path names the thread; a checkpoint (or `before`) naming another would read that thread's history.
  const other = [["checkpoint.thread_id", options.checkpoint?.thread_id], ["before.configurable.thread_id", options.before?.configurable.thread_id]].find(
    ([, id]) => id !== undefined && id !== row.threadId,
  );
  if (other) throw new AppError("unprocessable:threads", { field: other[0] as string, message: `${other[0]} must be this thread's id (${row.threadId}) or left out.` });
  const graph = await threadGraph(deps, row);
  if (!graph) return [];
  const states = [];
  const history = graph.getStateHistory(
    { configurable: { thread_id: row.threadId, ...options.checkpoint } },
    { limit: options.limit, before: options.before, filter: options.metadata },
  );
  for await (const snapshot of history) states.push(stateJson(snapshot));
  return states;
}

export async function runJson(deps: ThreadDeps, threadId: string, runId: string) {
  const run = await getRun(deps.database, runId);
  if (!run || run.threadId !== parseThreadId(threadId)) throw new AppError("not_found:runs", { message: `Run ${runId} does not exist on thread ${threadId}.` });
  return {
    run_id: run.id,
    thread_id: run.threadId,
    assistant_id: run.assistantId,
    status: run.status === "cancelled" ? "interrupted" : run.status,
    created_at: iso(run.startedAt),
    updated_at: iso(run.endedAt ?? run.startedAt),
    metadata: run.metadata ?? {},
    multitask_strategy: "reject",
  };
}
