import type { Callbacks } from "@langchain/core/callbacks/manager";
import { LangChainTracer } from "@langchain/core/tracers/tracer_langchain";
import { Client, RunTree, uuid7 } from "langsmith";
import { getLangchainCallbacks } from "langsmith/langchain";
import type { Env } from "@/lib/env";

export type LangsmithEnv = Pick<Env, "LANGSMITH_API_KEY" | "LANGSMITH_ENDPOINT" | "LANGSMITH_PROJECT">;

/** Longest one LangSmith request may take; tracing must never hold a run or the process's exit. */
export const LANGSMITH_REQUEST_TIMEOUT_MS = 600;
/** After a failure, requests fail at once for this long instead of waiting or retrying. */
export const LANGSMITH_COOLDOWN_MS = 30_000;
/** Between attempts to look up the project, which run URLs need. */
const LOCATE_RETRY_MS = 30_000;

/**
 * A network failure, a timeout or a 5xx from LangSmith. `status` 0 (what a browser reports for a
 * network error) is outside the statuses the SDK retries, so a failure is final at once: the
 * SDK's own retry backoff would otherwise keep the process alive for a minute or more.
 */
export class LangsmithUnreachableError extends Error {
  readonly status = 0;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "LangsmithUnreachableError";
  }
}

/**
 * The LangSmith client's fetch: every request ends within `timeoutMs`, and once one fails,
 * every request fails immediately for `cooldownMs` (logged once), so an endpoint that is slow or
 * down costs at most one timeout, in the background.
 */
export function boundedFetch(options: { timeoutMs: number; cooldownMs: number; log?: (message: string) => void; fetch?: typeof fetch }): typeof fetch {
  const base = options.fetch ?? ((input, init) => fetch(input, init));
  const log = options.log ?? ((message) => console.warn(`[langsmith] ${message}`));
  let downUntil = 0;
  const trip = (why: string, cause?: unknown): never => {
    if (Date.now() >= downUntil) log(`${why}; traces are dropped for the next ${options.cooldownMs / 1000} s`);
    downUntil = Date.now() + options.cooldownMs;
    throw new LangsmithUnreachableError(why, { cause });
  };
  return async (input, init) => {
    if (Date.now() < downUntil) throw new LangsmithUnreachableError("LangSmith failed moments ago; not retrying yet");
    const deadline = AbortSignal.timeout(options.timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    // Raced too, so the bound holds even for a transport that ignores its signal.
    const expired = new Promise<never>((_, reject) => deadline.addEventListener("abort", () => reject(deadline.reason), { once: true }));
    let response: Response;
    try {
      response = await Promise.race([base(input, { ...init, signal }), expired]);
    } catch (e) {
      return trip(signal.aborted ? `no answer within ${options.timeoutMs} ms` : "the endpoint could not be reached", e);
    }
    if (response.status >= 500) {
      await response.body?.cancel().catch(() => undefined);
      return trip(`the endpoint answered ${response.status}`);
    }
    return response;
  };
}

/** The graph run's place in LangSmith: its id, its URL once known, and the callbacks that trace it. */
export type LangsmithRun = {
  /** The LangSmith id of the graph's run (the run tree's root, or its node under the caller's). */
  runId: string;
  /** Null until the project's ids have been looked up once (in the background, never awaited). */
  runUrl: string | null;
  /** Passed to the graph with `runId`, so LangGraph's own run is this run. */
  config: { runId: string; callbacks: Callbacks };
};

type Located = { host: string; tenantId: string; projectId: string };

export type LangsmithTracing = {
  client: Client;
  /** Starts tracing one graph run, under the caller's run when the headers carry one. */
  start(headers: Headers): Promise<LangsmithRun>;
  /** Sends everything queued (tests, benchmarks, a script about to exit). */
  flush(): Promise<void>;
};

/** LangSmith tracing for graph runs, or null when no API key is configured. */
export function createLangsmithTracing(env: LangsmithEnv, options: { fetch?: typeof fetch; log?: (message: string) => void } = {}): LangsmithTracing | null {
  if (!env.LANGSMITH_API_KEY) return null;
  const projectName = env.LANGSMITH_PROJECT;
  const client = new Client({
    apiUrl: env.LANGSMITH_ENDPOINT,
    apiKey: env.LANGSMITH_API_KEY,
    timeout_ms: LANGSMITH_REQUEST_TIMEOUT_MS,
    autoBatchTracing: true,
    // Ending a run never waits for its upload.
    blockOnRootRunFinalization: false,
    callerOptions: { maxRetries: 0 },
    fetchImplementation: boundedFetch({ timeoutMs: LANGSMITH_REQUEST_TIMEOUT_MS, cooldownMs: LANGSMITH_COOLDOWN_MS, ...options }),
  });

  let located: Located | null = null;
  let locating = false;
  let nextLocate = 0;
  /** Looks the project up once, in the background; a run URL needs its tenant and project ids. */
  function locate(): void {
    if (located || locating || Date.now() < nextLocate) return;
    locating = true;
    client
      .readProject({ projectName })
      .then((project) => {
        located = { host: client.getHostUrl(), tenantId: project.tenant_id, projectId: project.id };
      })
      // The project appears with its first run; until then runs link to the console's run page.
      .catch(() => (nextLocate = Date.now() + LOCATE_RETRY_MS))
      .finally(() => (locating = false));
  }
  const urlOf = (runId: string) => (located ? `${located.host}/o/${located.tenantId}/projects/p/${located.projectId}/r/${runId}?poll=true` : null);

  return {
    client,
    async start(headers) {
      locate();
      const runId = uuid7();
      const parent = RunTree.fromHeaders(headers, { client, project_name: projectName, tracingEnabled: true });
      const callbacks = parent ? await getLangchainCallbacks(parent) : [new LangChainTracer({ client, projectName })];
      return { runId, runUrl: urlOf(runId), config: { runId, callbacks: callbacks ?? [] } };
    },
    flush: () => client.awaitPendingTraceBatches(),
  };
}

// One client per process (kept across dev reloads): its batching queue and the project lookup are shared.
const holder = globalThis as unknown as { __salesLangsmith?: LangsmithTracing | null };

/** This process's LangSmith tracing from the environment, or null when LANGSMITH_API_KEY is unset. */
export function langsmithTracing(env: () => LangsmithEnv): LangsmithTracing | null {
  if (holder.__salesLangsmith === undefined) holder.__salesLangsmith = createLangsmithTracing(env());
  return holder.__salesLangsmith;
}

/**
 * Starts LangSmith tracing for one graph run; null when it is off or could not start. Tracing is
 * optional: a fault here is logged and the run goes ahead untraced.
 */
export async function startLangsmithRun(env: () => LangsmithEnv, headers: Headers): Promise<LangsmithRun | null> {
  try {
    return (await langsmithTracing(env)?.start(headers)) ?? null;
  } catch (e) {
    console.warn("[langsmith] could not start tracing this run; it runs untraced", e);
    return null;
  }
}
