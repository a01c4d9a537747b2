import { randomUUID } from "node:crypto";
import { Command } from "@langchain/langgraph";
import type { Database } from "@/db/client";
import { finishRun, insertRun, type StepRecord } from "@/db/queries/runs";
import { claimThread, getThread, insertThread, releaseThread } from "@/db/queries/threads";
import type { RunStatus } from "@/db/schema";
import { BUDGET_SECONDS, type GraphSpec, type Registry, type RunnableGraph } from "@/graphs/spec";
import { env } from "@/lib/env";
import { AppError, taskErrorText } from "@/lib/errors";
import { featureOf } from "@/lib/telemetry/feature";
import { startLangsmithRun, type LangsmithRun } from "@/lib/telemetry/langsmith";
import { startRunSpan, type RunSpan } from "@/lib/telemetry/run-span";
import { errorLabel } from "@/lib/telemetry/span";
import { validate } from "@/lib/http/body";
import type { GraphCache } from "./graph-cache";
import { RunCreate, streamModesOf, type StreamMode } from "./schemas";
import { traceIdFrom } from "./trace-context";

/** Extra time the runtime allows past a graph's budget before it stops the run itself. */
const SERVER_GRACE_MS = 5_000;

class RunAbort extends Error {
  constructor(readonly kind: "timeout" | "cancelled", message: string) {
    super(message);
  }
}

export type RunDeps = {
  database: Database;
  registry: Registry;
  cache: GraphCache;
  /** Runs in flight in this process, for cancellation. */
  active: Map<string, AbortController>;
  /** Threads with a run in flight here; enqueued runs wait on `done`. */
  threadDone: Map<string, { done: Promise<void>; resolve: () => void }>;
};

/** How the caller takes the result: one body at the end (`/runs/wait`) or a stream of events (`/runs/stream`). */
export type RunKind = "wait" | "stream";

export type Prepared = {
  spec: GraphSpec;
  graph: RunnableGraph;
  input: unknown;
  payload: RunCreate;
  threadId: string | null;
  runId: string;
  traceId: string | null;
  /** What a streamed run sends, in LangGraph's stream modes; empty for a wait. */
  streamModes: StreamMode[];
  /** Set when LangSmith traces this run. */
  langsmith?: LangsmithRun | null;
};

/** A run that was accepted and recorded as started: its span, and the headers every answer carries. */
export type BegunRun = { run: Prepared; span: RunSpan; headers: Headers };

/**
 * Everything a wait and a stream share before the graph starts. Everything that can be refused
 * is checked before anything is written; then the run row exists and the response headers name
 * it (`Content-Location`, and the trace and LangSmith ids when there are any). When tracing, the
 * run is one span continued from the request's `traceparent`, with the nodes' spans beneath it.
 */
export async function beginRun(deps: RunDeps, request: Request, threadId: string | null, body: unknown, kind: RunKind): Promise<BegunRun> {
  const span = startRunSpan(request.headers);
  let run: Prepared;
  try {
    run = await span.within(() => prepare(deps, request, threadId, body, span.traceId, kind));
  } catch (e) {
    span.end(errorLabel(e));
    throw e;
  }
  run.langsmith = await startLangsmithRun(env, request.headers);
  span.identify({
    assistantId: run.spec.assistantId,
    graph: run.spec.assistantId,
    feature: featureOf(run.spec.feature),
    runId: run.runId,
    threadId: run.threadId,
    langsmithRunId: run.langsmith?.runId ?? null,
    runUrl: run.langsmith?.runUrl ?? null,
  });
  const headers = new Headers({ "content-location": threadId ? `/threads/${threadId}/runs/${run.runId}` : `/runs/${run.runId}` });
  if (run.traceId) headers.set("x-trace-id", run.traceId);
  if (run.langsmith) headers.set("x-langsmith-run-id", run.langsmith.runId);
  if (run.langsmith?.runUrl) headers.set("x-langsmith-run-url", run.langsmith.runUrl);
  return { run, span, headers };
}

/** Runs a begun run inside its span and ends the span with the run's outcome. */
export function executeTraced(deps: RunDeps, begun: BegunRun, options: ExecuteOptions): Promise<Record<string, unknown>> {
  const { span } = begun;
  return span.within(() => execute(deps, begun.run, options)).then(
    (values) => {
      span.end(failureOf(values));
      return values;
    },
    (e: unknown) => {
      span.end(errorLabel(e));
      throw e;
    },
  );
}

/** The span status of a run's result: the error class of `__error__`, or null for a run that ended well. */
function failureOf(values: Record<string, unknown>): string | null {
  const error = values.__error__ as { error?: string } | undefined;
  return error ? (error.error ?? "Error") : null;
}

async function prepare(deps: RunDeps, request: Request, threadId: string | null, body: unknown, spanTraceId: string | null, kind: RunKind): Promise<Prepared> {
  const payload = validate(RunCreate, body, "runs");
  const streamModes = kind === "stream" ? streamModesOf(payload) : [];
  const spec = deps.registry.get(payload.assistant_id);
  if (!spec) {
    throw new AppError("not_found:assistants", { field: "assistant_id", message: `No assistant "${payload.assistant_id}" is registered.` });
  }
  const loaded = await deps.cache.get(spec.assistantId);
  let input: unknown;
  if (payload.command) {
    if (!threadId) throw new AppError("unprocessable:runs", { field: "command", message: `A resume command needs a thread: use POST /threads/{thread_id}/runs/${kind}.` });
    if (payload.input != null) throw new AppError("unprocessable:runs", { field: "input", message: "Send either input or command, not both." });
    input = new Command({ resume: payload.command.resume });
  } else {
    input = validate(loaded.inputSchema, payload.input ?? {}, "runs", "input");
  }
  let graph = loaded.ephemeral;
  if (threadId) {
    if (!loaded.persistent) {
      throw new AppError("unprocessable:runs", { field: "assistant_id", message: `Graph "${spec.assistantId}" is stateless; run it with POST /runs/${kind}.` });
    }
    graph = loaded.persistent;
    await claim(deps, threadId, spec, payload);
  }
  const runId = randomUUID();
  // Tracing on: the run span's trace (the caller's, continued). Off: the caller's, as it sent it.
  const traceId = spanTraceId ?? traceIdFrom(request.headers.get("traceparent"));
  try {
    await insertRun(deps.database, { id: runId, assistantId: spec.assistantId, threadId, startedAt: new Date(), traceId, metadata: payload.metadata, parentRunId: payload.metadata?.parent_run_id ?? null });
  } catch (e) {
    if (threadId) await release(deps, threadId, { status: "idle" });
    throw e;
  }
  return { spec, graph, input, payload, threadId, runId, traceId, streamModes };
}

/** Takes the thread for this run, creating it only now that the request is known to be valid. */
async function claim(deps: RunDeps, threadId: string, spec: GraphSpec, payload: RunCreate): Promise<void> {
  if (!(await getThread(deps.database, threadId))) {
    if (payload.if_not_exists !== "create") throw new AppError("not_found:threads", { message: `Thread ${threadId} does not exist.` });
    await insertThread(deps.database, { threadId, metadata: {} });
  }
  const resuming = payload.command !== undefined;
  const deadline = Date.now() + BUDGET_SECONDS[spec.budget] * 1000;
  while (!(await claimThread(deps.database, threadId, spec.assistantId, { requireInterrupted: resuming }))) {
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
  let resolve!: () => void;
  const done = new Promise<void>((r) => (resolve = r));
  deps.threadDone.set(threadId, { done, resolve });
}

async function release(
  deps: RunDeps,
  threadId: string,
  outcome: Parameters<typeof releaseThread>[2],
): Promise<void> {
  try {
    await releaseThread(deps.database, threadId, outcome);
  } finally {
    deps.threadDone.get(threadId)?.resolve();
    deps.threadDone.delete(threadId);
  }
}

type Outcome = { status: RunStatus; body: Record<string, unknown>; error: string | null; steps: StepRecord[] };

type TaskEvent = { id: string; name: string; input?: unknown; error?: unknown; interrupts?: unknown[] };

/** Where an event came from: `[]` for the run's own graph, `["compose:<task id>", …]` inside subgraphs. */
type Namespace = string[];

/** What the caller of `execute` wants besides the final values. */
export type ExecuteOptions = {
  /** Aborts when the caller goes away, which stops the run; null lets the run finish regardless. */
  disconnect: AbortSignal | null;
  /** Stream modes to pass on, each chunk as the graph produces it. */
  streamModes?: readonly StreamMode[];
  emit?: (mode: StreamMode, chunk: unknown) => void;
};

/** The modes the runtime itself reads: task starts and ends become steps, values the result. */
const RECORDED_MODES = ["tasks", "values"] as const;

/**
 * Runs the graph as a stream of task and values events (plus whatever the caller streams): the
 * final values are what `invoke()` returns (state plus `__interrupt__` when paused), and each
 * task's start and end become a step. Subgraphs stream too, so their nodes become steps under the
 * node that ran them; the result and what callers receive stay those of the run's own graph.
 */
async function runGraph(graph: RunnableGraph, input: unknown, config: Record<string, unknown>, steps: Map<string, StepRecord>, options: ExecuteOptions) {
  const passOn = new Set(options.emit ? options.streamModes : []);
  const streamMode = passOn.size ? [...new Set([...RECORDED_MODES, ...passOn])] : [...RECORDED_MODES];
  let values: Record<string, unknown> = {};
  let interrupts: unknown = undefined;
  for await (const event of await graph.stream(input, { ...config, streamMode, subgraphs: true })) {
    const [namespace, mode, chunk] = event as [Namespace, StreamMode, Record<string, unknown>];
    const root = namespace.length === 0;
    // Without subgraph streaming LangGraph still surfaces a subgraph's custom events; callers keep getting them.
    if (passOn.has(mode) && (root || mode === "custom")) options.emit!(mode, chunk);
    if (mode === "values") {
      if (!root) continue;
      if ("__interrupt__" in chunk) interrupts = chunk.__interrupt__;
      else values = chunk;
      continue;
    }
    if (mode === "tasks") recordTask(steps, namespace, chunk as TaskEvent);
  }
  return interrupts ? { ...values, __interrupt__: interrupts } : values;
}

/**
 * A task event as a step. A subgraph's node keeps its path of node names ("compose", or
 * "compose|refine" deeper down) and the task id of the node that ran the subgraph, which the
 * namespace carries after the colon, so the run page nests it exactly even when a node ran twice.
 */
function recordTask(steps: Map<string, StepRecord>, namespace: Namespace, task: TaskEvent): void {
  // Task ids are unique per graph, not across a parent and its subgraphs.
  const key = [...namespace, task.id].join("|");
  if ("input" in task) {
    const parent = namespace.at(-1);
    steps.set(key, {
      node: task.name,
      status: "running",
      startedAt: new Date(),
      endedAt: null,
      error: null,
      namespace: parent === undefined ? null : namespace.map(nodeOf).join("|"),
      metadata: parent === undefined ? { task_id: task.id } : { task_id: task.id, parent_task_id: parent.slice(parent.indexOf(":") + 1) },
    });
    return;
  }
  const step = steps.get(key);
  if (!step) return;
  step.endedAt = new Date();
  step.status = task.error ? "error" : task.interrupts?.length ? "interrupted" : "success";
  step.error = task.error ? taskErrorText(task.error) : null;
}

/** "compose:1ef…" → "compose": a namespace element is the node's name and its task id. */
const nodeOf = (element: string) => element.slice(0, element.includes(":") ? element.indexOf(":") : undefined);

async function execute(deps: RunDeps, run: Prepared, options: ExecuteOptions): Promise<Record<string, unknown>> {
  const controller = new AbortController();
  deps.active.set(run.runId, controller);
  const budgetMs = BUDGET_SECONDS[run.spec.budget] * 1000;
  const timer = setTimeout(
    () => controller.abort(new RunAbort("timeout", `Run exceeded the ${run.spec.budget} budget of ${budgetMs / 1000} s for "${run.spec.assistantId}".`)),
    budgetMs + SERVER_GRACE_MS,
  );
  const onDisconnect = () => controller.abort(new RunAbort("cancelled", "The caller disconnected before the run finished."));
  if (options.disconnect?.aborted) onDisconnect();
  else options.disconnect?.addEventListener("abort", onDisconnect, { once: true });

  let outcome: Outcome;
  const steps = new Map<string, StepRecord>();
  try {
    const config = {
      configurable: {
        ...run.payload.config?.configurable,
        thread_id: run.threadId ?? randomUUID(),
        run_id: run.runId,
        assistant_id: run.spec.assistantId,
        // Model calls record it (graphs/shared/call-context.ts), so llm_calls rows join their trace.
        ...(run.traceId ? { trace_id: run.traceId } : {}),
      },
      metadata: { ...run.payload.metadata, assistant_id: run.spec.assistantId, run_id: run.runId },
      tags: run.payload.config?.tags,
      recursionLimit: run.payload.config?.recursion_limit,
      signal: controller.signal,
      // LangSmith: the graph's own run takes the id announced in x-langsmith-run-id.
      ...run.langsmith?.config,
    };
    const values = await runGraph(run.graph, run.input, config, steps, options);
    const interrupted = Array.isArray(values.__interrupt__) && values.__interrupt__.length > 0;
    outcome = { status: interrupted ? "interrupted" : "success", body: values, error: null, steps: [] };
  } catch (e) {
    const reason: unknown = controller.signal.aborted ? controller.signal.reason : null;
    if (reason instanceof RunAbort) {
      outcome = { status: reason.kind, body: errorBody(reason.kind === "timeout" ? "TimeoutError" : "CancelledError", reason.message), error: reason.message, steps: [] };
    } else {
      const error = e instanceof Error ? e : new Error(String(e));
      outcome = { status: "error", body: errorBody(error.name, error.message), error: error.message, steps: [] };
    }
  } finally {
    // A step still open when the run stopped ended with it.
    for (const step of steps.values()) {
      if (step.status !== "running") continue;
      step.status = "error";
      step.endedAt = new Date();
      step.error ??= "The run stopped before this step finished.";
    }
    outcome!.steps = [...steps.values()];
    clearTimeout(timer);
    options.disconnect?.removeEventListener("abort", onDisconnect);
    deps.active.delete(run.runId);
  }

  await record(deps, run, outcome);
  return outcome.body;
}

async function record(deps: RunDeps, run: Prepared, outcome: Outcome): Promise<void> {
  try {
    const runUrl = run.langsmith?.runUrl;
    await finishRun(deps.database, run.runId, { status: outcome.status, endedAt: new Date(), error: outcome.error, ...(runUrl ? { runUrl } : {}) }, outcome.steps);
  } catch (e) {
    console.error(`[runtime] could not record the end of run ${run.runId}`, e);
  }
  if (!run.threadId) return;
  const values = Object.fromEntries(Object.entries(outcome.body).filter(([key]) => key !== "__interrupt__"));
  const ok = outcome.status === "success" || outcome.status === "interrupted";
  await release(deps, run.threadId, {
    status: outcome.status === "interrupted" ? "interrupted" : outcome.status === "error" ? "error" : "idle",
    values: ok ? values : undefined,
    error: outcome.error,
  }).catch((e: unknown) => console.error(`[runtime] could not release thread ${run.threadId}`, e));
}

/** A failed run's body, as LangGraph Server sends it: `{ __error__: { error, message } }`. */
export function errorBody(error: string, message: string) {
  return { __error__: { error, message } };
}

function sleep(ms: number) {
  return new Promise<void>((resolve) => setTimeout(resolve, ms));
}

/** POST /threads/:id/runs/:run_id/cancel: stops a run in flight in this process. */
export function cancelRun(deps: RunDeps, runId: string): boolean {
  const controller = deps.active.get(runId);
  if (!controller) return false;
  controller.abort(new RunAbort("cancelled", "The run was cancelled on request."));
  return true;
}
