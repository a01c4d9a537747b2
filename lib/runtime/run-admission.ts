import { randomUUID } from "node:crypto";
import { Command } from "@langchain/langgraph";
import type { RunStart } from "@/db/queries/runs";
import { insertRun } from "@/db/queries/runs";
import { claimThreadForRun, getThread, insertThread } from "@/db/queries/threads";
import { BUDGET_SECONDS, type GraphSpec, type RunnableGraph } from "@/graphs/spec";
import { AppError } from "@/lib/errors";
import { validate } from "@/lib/http/body";
import type { Prepared, RunDeps, RunKind } from "./run-types";
import { RunCreate, streamModesOf } from "./schemas";
import { traceIdFrom } from "./trace-context";
import type { RuntimeRequest } from "./request";

// Admission of a run: everything checked and refused before anything is written, then the
// thread claimed and the run recorded in one write.

export async function prepare(deps: RunDeps, request: RuntimeRequest, threadId: string | null, body: unknown, spanTraceId: string | null, kind: RunKind): Promise<Prepared> {
  const payload = validate(RunCreate, body, "runs");
  const streamModes = kind === "stream" ? streamModesOf(payload) : [];
  const spec = deps.registry.get(payload.assistant_id);
  if (!spec) {
    throw new AppError("not_found:assistants", { field: "assistant_id", message: `No assistant "${payload.assistant_id}" is registered.` });
  }
  // A resumable graph keeps its state (and whatever it stored for a person to decide) on a thread;
  // run without one, its pause could never be answered.
  if (!threadId && spec.resumable) {
    throw new AppError("unprocessable:runs", { field: "thread_id", message: `Graph "${spec.assistantId}" is resumable: run it on a thread with POST /threads/{thread_id}/runs/${kind}.` });
  }
  const loaded = await deps.cache.get(spec.assistantId);
  let input: unknown;
  if (payload.command) {
    if (!threadId) throw new AppError("unprocessable:runs", { field: "command", message: `A resume command needs a thread: use POST /threads/{thread_id}/runs/${kind}.` });
    if (payload.input != null) throw new AppError("unprocessable:runs", { field: "input", message: "Send either input or command, not both." });
    input = new Command({ resume: payload.command.resume });
  } else if (payload.input == null && threadId && loaded.persistent && (await pendingNodes(loaded.persistent, threadId))) {
    // No input on a thread stopped mid-graph (its run cut off by a restart): carry on from the
    // last checkpoint, as LangGraph does with a null input.
    input = null;
  } else {
    input = validate(loaded.inputSchema, payload.input ?? {}, "runs", "input");
  }
  const runId = randomUUID();
  // Tracing on: the run span's trace (the caller's, continued). Off: the caller's, as it sent it.
  const traceId = spanTraceId ?? traceIdFrom(request.headers.get("traceparent"));
  const startedAt = new Date();
  const start: RunStart = {
    id: runId, assistantId: spec.assistantId, threadId, startedAt, traceId, metadata: payload.metadata,
    parentRunId: payload.metadata?.parent_run_id ?? null, owner: deps.owner, leaseUntil: new Date(startedAt.getTime() + deps.lease.leaseMs),
    // Kept for recovery: a fresh input is run again if the process dies before the run's first checkpoint.
    kwargs: threadId ? { input: input === null || payload.command ? null : (payload.input ?? {}), config: payload.config } : null,
  };
  let graph = loaded.ephemeral;
  let threadMetadata: Record<string, unknown> = {};
  if (threadId) {
    if (!loaded.persistent) {
      throw new AppError("unprocessable:runs", { field: "assistant_id", message: `Graph "${spec.assistantId}" is stateless; run it with POST /runs/${kind}.` });
    }
    graph = loaded.persistent;
    threadMetadata = await claim(deps, threadId, spec, payload, start);
  } else {
    await insertRun(deps.database, start);
  }
  return { spec, graph, input, payload, threadId, runId, traceId, streamModes, threadMetadata };
}

/**
 * Whether the thread's last checkpoint still has tasks to finish without waiting on a person
 * (counting tasks whose writes were saved: `next` leaves them out, but the step was never closed).
 */
async function pendingNodes(graph: RunnableGraph, threadId: string): Promise<boolean> {
  const snapshot = await graph.getState({ configurable: { thread_id: threadId } });
  return snapshot.tasks.length > 0 && snapshot.tasks.every((t) => t.interrupts.length === 0);
}

/**
 * Takes the thread for this run and records the run in the same write, creating the thread only
 * now that the request is known to be valid.
 */
async function claim(deps: RunDeps, threadId: string, spec: GraphSpec, payload: RunCreate, start: RunStart): Promise<Record<string, unknown>> {
  if (!(await getThread(deps.database, threadId))) {
    if (payload.if_not_exists !== "create") throw new AppError("not_found:threads", { message: `Thread ${threadId} does not exist.` });
    await insertThread(deps.database, { threadId, metadata: {} });
  }
  const resuming = payload.command !== undefined;
  const deadline = Date.now() + BUDGET_SECONDS[spec.budget] * 1000;
  let metadata: Record<string, unknown> | null;
  while (!(metadata = await claimThreadForRun(deps.database, threadId, startingNow(deps, start), { requireInterrupted: resuming }))) {
    const status = (await getThread(deps.database, threadId))?.status;
    if (resuming && status !== "busy") {
      throw new AppError("conflict:threads", { field: "command", message: `Thread ${threadId} is not waiting for input (it is ${status}).` });
    }
    if (payload.multitask_strategy !== "enqueue") {
      throw new AppError("unprocessable:threads", {
        message: "Thread is already running a task. Wait for it to finish or choose a different multitask strategy.",
      });
    }
    if (Date.now() > deadline) throw new AppError("timeout:threads", { message: `Thread ${threadId} stayed busy past the ${spec.budget} budget.` });
    // A run in this process wakes us when it ends; one in another process is polled.
    await Promise.race([deps.threadDone.get(threadId)?.done ?? Promise.resolve(), sleep(200)]);
  }
  holdThread(deps, threadId);
  return metadata;
}

/** Marks the thread as held by a run in this process, so enqueued runs here wait on it. */
export function holdThread(deps: RunDeps, threadId: string): void {
  let resolve!: () => void;
  const done = new Promise<void>((r) => (resolve = r));
  deps.threadDone.set(threadId, { done, resolve });
}

function sleep(ms: number) {
  return new Promise<void>((resolve) => setTimeout(resolve, ms));
}

/** The run as it starts now: an enqueued run may have waited, and its lease counts from its start. */
function startingNow(deps: RunDeps, start: RunStart): RunStart {
  const now = Date.now();
  return { ...start, startedAt: new Date(now), leaseUntil: new Date(now + deps.lease.leaseMs) };
}
