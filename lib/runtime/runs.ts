import { randomUUID } from "node:crypto";
import { endHeldRun, type RunStart, type StepRecord } from "@/db/queries/runs";
import type { ThreadOutcome } from "@/db/queries/thread-outcome";
import { getThread, releaseThread } from "@/db/queries/threads";
import type { RunKwargs, RunStatus } from "@/db/schema";
import type { ZodType } from "zod";
import { BUDGET_SECONDS, type RunnableGraph } from "@/graphs/spec";
import { env } from "@/lib/env";
import { taskErrorText } from "@/lib/errors";
import { featureOf } from "@/lib/telemetry/feature";
import { startLangsmithRun } from "@/lib/telemetry/langsmith";
import { startRunSpan, type RunSpan } from "@/lib/telemetry/run-span";
import { errorLabel } from "@/lib/telemetry/span";
import { holdThread, prepare } from "./run-admission";
import type { Prepared, RunDeps, RunKind } from "./run-types";
import type { StreamMode } from "./schemas";
import { interruptsByTask, type TaskInterrupts } from "./state";
import type { RuntimeRequest } from "./request";

/** Extra time the runtime allows past a graph's budget before it stops the run itself. */
const SERVER_GRACE_MS = 5_000;

class RunAbort extends Error {
  constructor(readonly kind: "timeout" | "cancelled", message: string) {
    super(message);
  }
}

/** A run that was accepted and recorded as started: its span, and the headers every answer carries. */
export type BegunRun = { run: Prepared; span: RunSpan; headers: Headers };

/**
 * Everything a wait and a stream share before the graph starts. Everything that can be refused
 * is checked before anything is written; then the run row exists and the response headers name
 * it (`Content-Location`, and the trace and LangSmith ids when there are any). When tracing, the
 * run is one span continued from the request's `traceparent`, with the nodes' spans beneath it.
 */
export async function beginRun(deps: RunDeps, request: RuntimeRequest, threadId: string | null, body: unknown, kind: RunKind): Promise<BegunRun> {
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

/** Wakes the runs of this process enqueued on the thread. */
function letGo(deps: RunDeps, threadId: string): void {
  deps.threadDone.get(threadId)?.resolve();
  deps.threadDone.delete(threadId);
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
      // What LangGraph Server files each checkpoint under: the thread's metadata, then the run's.
      metadata: { ...run.threadMetadata, ...run.payload.metadata, graph_id: run.spec.assistantId, assistant_id: run.spec.assistantId, run_id: run.runId },
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

  await record(deps, run, outcome, steps);
  return outcome.body;
}

async function record(deps: RunDeps, run: Prepared, outcome: Outcome, steps: Map<string, StepRecord>): Promise<void> {
  let thread: { threadId: string; outcome: ThreadOutcome } | null = null;
  if (run.threadId) {
    const values = Object.fromEntries(Object.entries(outcome.body).filter(([key]) => key !== "__interrupt__"));
    const ok = outcome.status === "success" || outcome.status === "interrupted";
    const interrupts = outcome.status === "interrupted" ? await pendingInterrupts(run, outcome.body.__interrupt__, steps) : undefined;
    thread = {
      threadId: run.threadId,
      outcome: {
        status: outcome.status === "interrupted" ? "interrupted" : outcome.status === "error" ? "error" : "idle",
        values: ok ? values : undefined,
        error: outcome.error,
        interrupts,
      },
    };
  }
  try {
    const runUrl = run.langsmith?.runUrl;
    const end = { status: outcome.status, endedAt: new Date(), error: outcome.error, ...(runUrl ? { runUrl } : {}) };
    // The run's end and its thread's release are one write: a process killed between the two
    // would leave a thread busy with no running run.
    if (!(await endHeldRun(deps.database, run.runId, deps.owner, end, outcome.steps, thread))) {
      console.error(`[runtime] run ${run.runId} ended after another process had recovered it (this one's lease lapsed); its thread is left as recovered`);
    }
  } catch (e) {
    console.error(`[runtime] could not record the end of run ${run.runId}`, e);
    if (thread) await releaseThread(deps.database, thread.threadId, thread.outcome).catch((f: unknown) => console.error(`[runtime] could not release thread ${thread.threadId}`, f));
  } finally {
    if (run.threadId) letGo(deps, run.threadId);
  }
}

/**
 * The thread's pending interrupts by task id. One paused task (the usual case) is known from
 * the run's own steps; several are told apart by the checkpoint.
 */
async function pendingInterrupts(run: Prepared, raised: unknown, steps: Map<string, StepRecord>): Promise<TaskInterrupts> {
  const paused = [...steps].filter(([, step]) => step.status === "interrupted").map(([taskId]) => taskId);
  if (paused.length === 1 && Array.isArray(raised)) {
    return { [paused[0]!]: raised.map((i: { id?: string; value?: unknown }) => ({ id: i.id, value: i.value })) };
  }
  try {
    return interruptsByTask(await run.graph.getState({ configurable: { thread_id: run.threadId } }));
  } catch (e) {
    console.error(`[runtime] could not read the interrupts of thread ${run.threadId}`, e);
    return {};
  }
}

/** A failed run's body, as LangGraph Server sends it: `{ __error__: { error, message } }`. */
export function errorBody(error: string, message: string) {
  return { __error__: { error, message } };
}

/** POST /threads/:id/runs/:run_id/cancel: stops a run in flight in this process. */
export function cancelRun(deps: RunDeps, runId: string): boolean {
  const controller = deps.active.get(runId);
  if (!controller) return false;
  controller.abort(new RunAbort("cancelled", "The run was cancelled on request."));
  return true;
}

/**
 * The run that carries on a thread whose run was cut off; recovery records it in the write that
 * ends the dead run. From `"checkpoint"` it runs without input (the nodes left at the last
 * checkpoint); from `"input"` it runs the dead run's input again (it never reached a checkpoint).
 * It keeps the caller's config either way.
 */
export function continuationOf(
  deps: RunDeps,
  from: { id: string; assistantId: string; threadId: string; metadata: Record<string, unknown>; kwargs: RunKwargs | null },
  attempt: number,
  carryOnFrom: "checkpoint" | "input",
): RunStart {
  const startedAt = new Date();
  const input = carryOnFrom === "input" ? (from.kwargs?.input ?? null) : null;
  return {
    id: randomUUID(), assistantId: from.assistantId, threadId: from.threadId, startedAt, traceId: null,
    metadata: { ...from.metadata, continues_run: from.id, attempt },
    owner: deps.owner, leaseUntil: new Date(startedAt.getTime() + deps.lease.leaseMs),
    kwargs: { input, config: from.kwargs?.config },
  };
}

/**
 * Carries on a thread whose run was cut off (its process died), as the recorded run `start`
 * owned by this process: from the thread's last checkpoint, or its input again (see
 * `continuationOf`); the graph's nodes re-run, as LangGraph Platform retries a run whose worker
 * died, so they must be idempotent. Runs in the background.
 */
export async function executeContinuation(deps: RunDeps, start: RunStart): Promise<void> {
  const spec = deps.registry.get(start.assistantId)!;
  const loaded = await deps.cache.get(spec.assistantId);
  const threadId = start.threadId!;
  holdThread(deps, threadId);
  const thread = await getThread(deps.database, threadId);
  const given = start.kwargs?.input ?? null;
  const run: Prepared = {
    spec, graph: loaded.persistent!, input: given === null ? null : inputAgain(loaded.inputSchema, given), threadId, runId: start.id, traceId: null,
    payload: { assistant_id: spec.assistantId, metadata: start.metadata, config: start.kwargs?.config }, streamModes: [], threadMetadata: thread?.metadata ?? {},
  };
  void execute(deps, run, { disconnect: null }).catch((e: unknown) => console.error(`[runtime] run ${start.id} (carrying on a thread after a restart) failed`, e));
}

/** A recorded input as the graph takes it: validated again (it was valid when first run), or as stored if the schema changed since. */
function inputAgain(schema: ZodType, input: unknown): unknown {
  const parsed = schema.safeParse(input);
  return parsed.success ? parsed.data : input;
}
