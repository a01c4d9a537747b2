import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { Client } from "@langchain/langgraph-sdk";
import {
  BUDGET_SECONDS, type AssistantIdOf, type GraphSpec, type InputOf, type OutputOf, type Registry, type ResumeOf,
} from "@/graphs/spec";
import { AppError, isAppError } from "@/lib/errors";
import { fromHttpError, GraphRunError, GraphTimeoutError } from "./errors";
import { Semaphore } from "./semaphore";
import { recordRunOnSpan, traceHeaders, withClientSpan } from "./trace-headers";

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

  async function wait<Output>(spec: GraphSpec, threadId: string | null, payload: { input?: Record<string, unknown>; command?: { resume: unknown } }, opts: RunOptions): Promise<GraphRunResult<Output>> {
    const budgetMs = BUDGET_SECONDS[spec.budget] * 1000;
    const timeoutMs = Math.min(budgetMs, opts.timeoutMs ?? budgetMs);
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = opts.signal ? AbortSignal.any([deadline, opts.signal]) : deadline;
    const state: CallState = { headers: traceHeaders() };
    let created: { run_id: string; thread_id?: string | null } | undefined;
    let body: Record<string, unknown>;
    try {
      body = (await limiter.use(() =>
        calls.run(state, () => {
          const common = { ...payload, metadata: opts.metadata, signal, onDisconnect: "cancel" as const, raiseError: false, onRunCreated: (meta: { run_id: string; thread_id?: string | null }) => (created = meta) };
          return threadId ? sdk.runs.wait(threadId, spec.assistantId, { ...common, ifNotExists: "create" }) : sdk.runs.wait(null, spec.assistantId, common);
        }),
      )) as Record<string, unknown>;
    } catch (e) {
      if (deadline.aborted) throw new GraphTimeoutError(spec.assistantId, spec.budget, timeoutMs);
      if (opts.signal?.aborted) throw new AppError("unavailable:runs", { message: `The run of "${spec.assistantId}" was cancelled by the caller.`, cause: e });
      throw fromHttpError(e) ?? (isAppError(e) ? e : new AppError("unavailable:runs", { message: `The graph runtime could not be reached for "${spec.assistantId}".`, cause: e }));
    }
    const error = body.__error__ as { error?: string; message?: string } | undefined;
    if (error) {
      if (error.error === "TimeoutError") throw new GraphTimeoutError(spec.assistantId, spec.budget, timeoutMs);
      throw new GraphRunError(spec.assistantId, error.error ?? "Error", error.message ?? "unknown error");
    }
    const { __interrupt__: interrupts, ...returned } = body;
    const paused = Array.isArray(interrupts) && interrupts.length > 0;
    // LangGraph Server answers an interrupted wait with the interrupt alone; the state is on the thread.
    const values = paused && threadId && Object.keys(returned).length === 0 ? ((await sdk.threads.getState(threadId)).values as Record<string, unknown>) : returned;
    const headers = state.response?.headers;
    const result: GraphRunResult<Output> = {
      values: values as Output,
      interrupts: paused ? (interrupts as Interrupt[]) : [],
      runId: created?.run_id ?? "",
      threadId,
      traceId: headers?.get("x-trace-id") ?? null,
      runUrl: headers?.get("x-langsmith-run-url") ?? null,
    };
    recordRunOnSpan({ assistantId: spec.assistantId, runId: result.runId, threadId, peerTraceId: result.traceId, runUrl: result.runUrl });
    return result;
  }

  return {
    registry,

    /** Runs a graph to its end or its first interrupt. Resumable graphs run on a thread. */
    run<Id extends AssistantIdOf<R>>(assistantId: Id, input: InputOf<R, Id>, opts: RunOptions = {}) {
      const spec = specOf(assistantId);
      const threadId = spec.resumable ? (opts.threadId ?? randomUUID()) : null;
      return withClientSpan(spec, threadId, () => wait<OutputOf<R, Id>>(spec, threadId, { input: input as Record<string, unknown> }, opts));
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

    /** Threads waiting on a person, newest first. */
    interruptedThreads(metadata: Record<string, unknown> = {}, limit = 50) {
      return sdk.threads.search({ status: "interrupted", metadata, limit });
    },
  };
}

export type GraphClient<R extends Registry> = ReturnType<typeof createGraphClient<R>>;
