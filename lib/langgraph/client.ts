import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { Client } from "@langchain/langgraph-sdk";
import {
  BUDGET_SECONDS, type AssistantIdOf, type GraphSpec, type InputOf, type OutputOf, type Registry, type ResumeOf,
} from "@/graphs/spec";
import { AppError, isAppError } from "@/lib/errors";
import { fromHttpError, GraphRunError, GraphTimeoutError } from "./errors";
import { Semaphore } from "./semaphore";
import { StreamFold, type GraphStreamEvent } from "./stream-fold";
import { recordRunOnSpan, startClientSpan, traceHeaders, withClientSpan, type ClientSpan } from "./trace-headers";

export type { GraphStep, GraphStreamEvent, StepStatus } from "./stream-fold";

export type Interrupt = { id: string; value: unknown };

export type GraphRunResult<Output> = {
  /** Final state values (without `__interrupt__`). */
  values: Output;
  /** Non-empty when the graph paused for a person; resume with `resume()`. */
  interrupts: Interrupt[];
  runId: string;
  threadId: string | null;
  /** The runtime's trace id for this run, when it traced one. */
  traceId: string | null;
  /** Where to see the run: the LangSmith run URL when LangSmith traced it. */
  runUrl: string | null;
};

export type RunOptions = {
  /** Resumable graphs run on this thread (created if missing); default: a new thread. */
  threadId?: string;
  metadata?: Record<string, unknown>;
  /**
   * The run this one works for (a node's `config.configurable.run_id`, or the run a job came
   * from): the new run is recorded as its child and shown nested under it.
   */
  parentRunId?: string;
  /** Stops waiting when aborted (the runtime is told to cancel the run). */
  signal?: AbortSignal;
  /** A tighter deadline than the graph's budget; never a looser one. */
  timeoutMs?: number;
};

export type GraphClientOptions = {
  apiUrl: string;
  /** Bearer token for the embedded runtime (or another console's). */
  token?: string | null;
  /** `x-api-key` for LangGraph Platform. */
  apiKey?: string | null;
  maxConcurrency: number;
  /** Transport; the embedded default dispatches in-process instead of over the network. */
  fetch?: typeof fetch;
};

type CallState = { headers: Record<string, string>; response?: Response };

/** The run metadata a call sends: the caller's, plus `parent_run_id` when the run has a parent. */
function metadataOf(opts: RunOptions): Record<string, unknown> | undefined {
  return opts.parentRunId === undefined ? opts.metadata : { ...opts.metadata, parent_run_id: opts.parentRunId };
}

/**
 * One typed client for the whole fleet: one shared SDK Client (no retries), bounded concurrency,
 * each graph's timeout budget from the registry, trace headers injected per request and the run's
 * identity read back. `run("echo", { wrong: 1 })` does not compile.
 */
export function createGraphClient<R extends Registry>(registry: R, options: GraphClientOptions) {
  const calls = new AsyncLocalStorage<CallState>();
  const baseFetch = options.fetch ?? fetch;
  const sdk = new Client({
    apiUrl: options.apiUrl,
    apiKey: options.apiKey ?? null,
    defaultHeaders: options.token ? { Authorization: `Bearer ${options.token}` } : {},
    callerOptions: {
      maxRetries: 0,
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        const state = calls.getStore();
        const headers = new Headers(init?.headers);
        for (const [key, value] of Object.entries(state?.headers ?? {})) headers.set(key, value);
        const response = await baseFetch(input, { ...init, headers });
        if (state) state.response = response;
        return response;
      },
    },
  });
  const limiter = new Semaphore(options.maxConcurrency);

  function specOf(assistantId: string): GraphSpec {
    const spec = registry.get(assistantId);
    if (!spec) throw new AppError("not_found:assistants", { message: `No graph "${assistantId}" is registered.` });
    return spec;
  }

  /** The deadline for one call: the graph's budget, or the caller's tighter one, and the caller's own signal. */
  function deadlineOf(spec: GraphSpec, opts: RunOptions) {
    const budgetMs = BUDGET_SECONDS[spec.budget] * 1000;
    const timeoutMs = Math.min(budgetMs, opts.timeoutMs ?? budgetMs);
    const deadline = AbortSignal.timeout(timeoutMs);
    return { timeoutMs, deadline, signal: opts.signal ? AbortSignal.any([deadline, opts.signal]) : deadline };
  }

  /** Why a call failed, in the console's vocabulary: its deadline, the caller's cancel, or what the runtime said. */
  function callFailure(spec: GraphSpec, e: unknown, limits: ReturnType<typeof deadlineOf>, opts: RunOptions): AppError {
    if (limits.deadline.aborted) return new GraphTimeoutError(spec.assistantId, spec.budget, limits.timeoutMs);
    if (opts.signal?.aborted) return new AppError("unavailable:runs", { message: `The run of "${spec.assistantId}" was cancelled by the caller.`, cause: e });
    return fromHttpError(e) ?? (isAppError(e) ? e : new AppError("unavailable:runs", { message: `The graph runtime could not be reached for "${spec.assistantId}".`, cause: e }));
  }

  /** A run's answer (a wait's body, or what a stream folded into one) as a typed result, or its error thrown. */
  async function finish<Output>(spec: GraphSpec, threadId: string | null, body: Record<string, unknown>, runId: string, response: Response | undefined, timeoutMs: number): Promise<GraphRunResult<Output>> {
    const error = body.__error__ as { error?: string; message?: string } | undefined;
    if (error) {
      if (error.error === "TimeoutError") throw new GraphTimeoutError(spec.assistantId, spec.budget, timeoutMs);
      throw new GraphRunError(spec.assistantId, error.error ?? "Error", error.message ?? "unknown error");
    }
    const { __interrupt__: interrupts, ...returned } = body;
    const paused = Array.isArray(interrupts) && interrupts.length > 0;
    // LangGraph Server answers an interrupted wait with the interrupt alone; the state is on the thread.
    const values = paused && threadId && Object.keys(returned).length === 0 ? ((await sdk.threads.getState(threadId)).values as Record<string, unknown>) : returned;
    const headers = response?.headers;
    return {
      values: values as Output,
      interrupts: paused ? (interrupts as Interrupt[]) : [],
      runId,
      threadId,
      traceId: headers?.get("x-trace-id") ?? null,
      runUrl: headers?.get("x-langsmith-run-url") ?? null,
    };
  }

  type Payload = { input?: Record<string, unknown>; command?: { resume: unknown } };

  async function wait<Output>(spec: GraphSpec, threadId: string | null, payload: Payload, opts: RunOptions): Promise<GraphRunResult<Output>> {
    const limits = deadlineOf(spec, opts);
    const state: CallState = { headers: traceHeaders() };
    let created: { run_id: string; thread_id?: string | null } | undefined;
    let body: Record<string, unknown>;
    try {
      body = (await limiter.use(() =>
        calls.run(state, () => {
          const common = { ...payload, metadata: metadataOf(opts), signal: limits.signal, onDisconnect: "cancel" as const, raiseError: false, onRunCreated: (meta: { run_id: string; thread_id?: string | null }) => (created = meta) };
          return threadId ? sdk.runs.wait(threadId, spec.assistantId, { ...common, ifNotExists: "create" }) : sdk.runs.wait(null, spec.assistantId, common);
        }),
      )) as Record<string, unknown>;
    } catch (e) {
      throw callFailure(spec, e, limits, opts);
    }
    const result = await finish<Output>(spec, threadId, body, created?.run_id ?? "", state.response, limits.timeoutMs);
    recordRunOnSpan({ assistantId: spec.assistantId, runId: result.runId, threadId, peerTraceId: result.traceId, runUrl: result.runUrl });
    return result;
  }

  /**
   * A run streamed as it happens: `started` with the run id, a `step` as each node starts and
   * ends, then `done` with what `run()` would have returned. Failures throw as they do from
   * `run()`. Stopping early (or aborting `signal`) cancels the run in the runtime.
   */
  async function* stream<Output>(spec: GraphSpec, threadId: string | null, payload: Payload, opts: RunOptions, span: ClientSpan): AsyncGenerator<GraphStreamEvent<GraphRunResult<Output>>> {
    const limits = deadlineOf(spec, opts);
    const state: CallState = { headers: span.headers };
    const fold = new StreamFold();
    // Aborting the request is how the runtime hears that a caller stopped early: it cancels the run.
    const stop = new AbortController();
    const release = await limiter.acquire();
    let failure: unknown;
    let finished = false;
    try {
      const signal = AbortSignal.any([limits.signal, stop.signal]);
      const common = { ...payload, metadata: metadataOf(opts), signal, onDisconnect: "cancel" as const, streamMode: ["tasks", "values"] as ("tasks" | "values")[] };
      const events = threadId ? sdk.runs.stream(threadId, spec.assistantId, { ...common, ifNotExists: "create" }) : sdk.runs.stream(null, spec.assistantId, common);
      for (;;) {
        // The SDK sends its request inside next(): run each in the call's state, for its headers.
        let next: IteratorResult<{ event: string; data: unknown }>;
        try {
          next = await calls.run(state, () => events.next());
        } catch (e) {
          throw callFailure(spec, e, limits, opts);
        }
        if (next.done) break;
        yield* fold.take(next.value.event, next.value.data);
      }
      // The SDK ends quietly when its signal aborts; a stream cut short is never an answer.
      if (limits.signal.aborted) throw callFailure(spec, limits.signal.reason, limits, opts);
      const result = await finish<Output>(spec, threadId, fold.body(), fold.runId ?? "", state.response, limits.timeoutMs);
      span.record({ assistantId: spec.assistantId, runId: result.runId, threadId, peerTraceId: result.traceId, runUrl: result.runUrl });
      finished = true;
      yield { type: "done", result };
    } catch (e) {
      failure = e;
      throw e;
    } finally {
      if (!finished) stop.abort();
      release();
      span.end(failure);
    }
  }

  return {
    registry,

    /** Runs a graph to its end or its first interrupt. Resumable graphs run on a thread. */
    run<Id extends AssistantIdOf<R>>(assistantId: Id, input: InputOf<R, Id>, opts: RunOptions = {}) {
      const spec = specOf(assistantId);
      const threadId = spec.resumable ? (opts.threadId ?? randomUUID()) : null;
      return withClientSpan(spec, threadId, () => wait<OutputOf<R, Id>>(spec, threadId, { input: input as Record<string, unknown> }, opts));
    },

    /**
     * Runs a graph like `run()`, yielding its steps as they start and end, then the same result.
     * Request and trace headers are fixed when this is called, in the caller's context.
     */
    stream<Id extends AssistantIdOf<R>>(assistantId: Id, input: InputOf<R, Id>, opts: RunOptions = {}) {
      const spec = specOf(assistantId);
      const threadId = spec.resumable ? (opts.threadId ?? randomUUID()) : null;
      return stream<OutputOf<R, Id>>(spec, threadId, { input: input as Record<string, unknown> }, opts, startClientSpan(spec, threadId));
    },

    /** Answers a paused thread's interrupt (approve, edit, reject…). */
    resume<Id extends AssistantIdOf<R>>(assistantId: Id, threadId: string, value: ResumeOf<R, Id>, opts: Omit<RunOptions, "threadId"> = {}) {
      const spec = specOf(assistantId);
      return withClientSpan(spec, threadId, () => wait<OutputOf<R, Id>>(spec, threadId, { command: { resume: value } }, opts));
    },

    /** The thread's current state, including pending interrupts. */
    getState(threadId: string) {
      return sdk.threads.getState(threadId).catch((e: unknown) => {
        throw fromHttpError(e) ?? e;
      });
    },

    threads: {
      /**
       * Creates a thread with this id before its first run, or leaves an existing one as it is
       * (`if_exists: "do_nothing"`, as LangGraph Platform's POST /threads has it), so calling it
       * again, or racing the thread's first run, is harmless. `graphId` is recorded in its metadata.
       */
      create(threadId: string, opts: { metadata?: Record<string, unknown>; graphId?: AssistantIdOf<R> } = {}) {
        return sdk.threads.create({ threadId, metadata: opts.metadata, graphId: opts.graphId, ifExists: "do_nothing" }).catch((e: unknown) => {
          throw fromHttpError(e) ?? e;
        });
      },
    },

    /** Threads waiting on a person, newest first. */
    interruptedThreads(metadata: Record<string, unknown> = {}, limit = 50) {
      return sdk.threads.search({ status: "interrupted", metadata, limit });
    },
  };
}

export type GraphClient<R extends Registry> = ReturnType<typeof createGraphClient<R>>;
