import type { BaseCheckpointSaver } from "@langchain/langgraph-checkpoint";
import type { Database } from "@/db/client";
import type { GraphSpec, Registry } from "@/graphs/spec";
import { AppError, errorResponse } from "@/lib/errors";
import { bearerVerifier } from "@/lib/http/auth";
import { validate } from "@/lib/http/body";
import { GraphCache, GraphLoadError } from "./graph-cache";
import { streamRun } from "./run-stream";
import { waitRun } from "./run-wait";
import { getRun } from "@/db/queries/runs";
import { DEFAULT_LEASE, newOwner, retireOwner, type LeaseTiming } from "./leases";
import { cancelAbandoned, recoverAbandoned, releaseAbandonedRuns, renewLeases, type RecoveryReport } from "./recovery";
import { fromWebRequest, plainResponse, toWebResponse, type RuntimeRequest } from "./request";
import { RunMetadataSaver } from "./run-metadata-saver";
import type { RunDeps } from "./run-types";
import { cancelRun } from "./runs";
import { AssistantSearch } from "./schemas";
import {
  createThread, findThreads, parseThreadId, removeThread, requireThread, runJson, threadHistory, threadJson, threadState,
  type ThreadDeps,
} from "./threads";

export type RuntimeOptions = {
  database: Database;
  registry: Registry;
  checkpointer: BaseCheckpointSaver;
  /** Bearer tokens accepted on every route but /ok, /info and /health. */
  tokens: readonly string[];
  /** Run leases (default 30 s, renewed every 10 s); tests shorten them. */
  lease?: LeaseTiming;
  /** Whether LangSmith traces runs here, as `/info` reports it. */
  langsmith?: boolean;
};

export type Runtime = {
  /** Serves one LangGraph Server API request; `path` is the part after the runtime's mount point. */
  handle(request: Request, path: string): Promise<Response>;
  /** `handle` for a caller that has read the request itself (the Node server). */
  serve(request: RuntimeRequest, path: string): Promise<Response>;
  health(): { status: "ok"; graphs: number; compiled: number; failed: string[] };
  /** This runtime's owner id on the runs it executes. */
  owner: string;
  /**
   * Settles runs whose process is gone (start-up calls it once; a timer also sweeps every lease
   * renewal). Safe to run in several processes at once.
   */
  recover(): Promise<RecoveryReport>;
  /** Stops renewing leases and sweeping; runs still in flight here are then recovered elsewhere. */
  close(): void;
};

type Route = { method: string; pattern: RegExp; open?: boolean; run: (request: RuntimeRequest, params: string[]) => Promise<Response> };

const json = (value: unknown, status = 200) => plainResponse(JSON.stringify(value), status, new Headers({ "content-type": "application/json" }));
const BOOTED_AT = new Date().toISOString();

function assistantJson(spec: GraphSpec) {
  return {
    assistant_id: spec.assistantId,
    graph_id: spec.assistantId,
    name: spec.assistantId,
    description: spec.description,
    config: {},
    context: {},
    metadata: { created_by: "system", feature: spec.feature, budget: spec.budget, resumable: spec.resumable },
    version: 1,
    created_at: BOOTED_AT,
    updated_at: BOOTED_AT,
  };
}

/** The embedded LangGraph-compatible runtime: the subset of the LangGraph Server API the SDK uses. */
export function createRuntime(options: RuntimeOptions): Runtime {
  const cache = new GraphCache(options.registry, new RunMetadataSaver(options.checkpointer));
  const owner = newOwner();
  const runDeps: RunDeps = {
    database: options.database, registry: options.registry, cache, active: new Map(), threadDone: new Map(), owner, lease: options.lease ?? DEFAULT_LEASE,
  };
  const threadDeps: ThreadDeps = { database: options.database, cache, checkpointer: options.checkpointer };
  const authorized = bearerVerifier(options.tokens);

  const health = () => ({ status: "ok" as const, graphs: options.registry.ids.length, compiled: cache.compiled().length, failed: cache.failed() });

  const routes: Route[] = [
    { method: "GET", pattern: /^\/ok$/, open: true, run: async () => json({ ok: true }) },
    { method: "GET", pattern: /^\/health$/, open: true, run: async () => json(health()) },
    { method: "GET", pattern: /^\/info$/, open: true, run: async () => json({ version: "embedded", flags: { assistants: true, crons: false, langsmith: options.langsmith ?? false } }) },
    {
      method: "POST",
      pattern: /^\/assistants\/search$/,
      run: async (request) => {
        const search = validate(AssistantSearch, await request.json("assistants"), "assistants");
        const matches = options.registry.specs.filter((s) => !search.graph_id || s.assistantId === search.graph_id);
        return json(matches.slice(search.offset, search.offset + search.limit).map(assistantJson));
      },
    },
    {
      method: "GET",
      pattern: /^\/assistants\/([^/]+)$/,
      run: async (_request, [id]) => {
        const spec = options.registry.get(id!);
        if (!spec) throw new AppError("not_found:assistants", { message: `No assistant "${id}" is registered.` });
        return json(assistantJson(spec));
      },
    },
    { method: "POST", pattern: /^\/runs\/wait$/, run: async (request) => waitRun(runDeps, request, null, await request.json("runs")) },
    { method: "POST", pattern: /^\/runs\/stream$/, run: async (request) => streamRun(runDeps, request, null, await request.json("runs")) },
    { method: "POST", pattern: /^\/threads$/, run: async (request) => json(await createThread(threadDeps, await request.json("threads"))) },
    { method: "POST", pattern: /^\/threads\/search$/, run: async (request) => json(await findThreads(threadDeps, await request.json("threads"))) },
    { method: "GET", pattern: /^\/threads\/([^/]+)$/, run: async (_request, [id]) => json(threadJson(await requireThread(threadDeps, id!))) },
    {
      method: "DELETE",
      pattern: /^\/threads\/([^/]+)$/,
      run: async (_request, [id]) => {
        // A thread left busy by a process that is gone can be deleted: its run is cancelled first.
        const row = await requireThread(threadDeps, id!);
        if (row.status === "busy") await releaseAbandonedRuns(runDeps, row.threadId);
        await removeThread(threadDeps, id!);
        return new Response(null, { status: 204 });
      },
    },
    { method: "GET", pattern: /^\/threads\/([^/]+)\/state$/, run: async (_request, [id]) => json(await threadState(threadDeps, id!)) },
    {
      method: "GET",
      pattern: /^\/threads\/([^/]+)\/history$/,
      run: async (request, [id]) => json(await threadHistory(threadDeps, id!, Object.fromEntries(new URL(request.url).searchParams))),
    },
    { method: "POST", pattern: /^\/threads\/([^/]+)\/history$/, run: async (request, [id]) => json(await threadHistory(threadDeps, id!, await request.json("threads"))) },
    {
      method: "POST",
      pattern: /^\/threads\/([^/]+)\/runs\/wait$/,
      run: async (request, [id]) => waitRun(runDeps, request, parseThreadId(id!), await request.json("runs")),
    },
    {
      method: "POST",
      pattern: /^\/threads\/([^/]+)\/runs\/stream$/,
      run: async (request, [id]) => streamRun(runDeps, request, parseThreadId(id!), await request.json("runs")),
    },
    { method: "GET", pattern: /^\/threads\/([^/]+)\/runs\/([^/]+)$/, run: async (_request, [id, runId]) => json(await runJson(threadDeps, id!, runId!)) },
    {
      method: "POST",
      pattern: /^\/threads\/([^/]+)\/runs\/([^/]+)\/cancel$/,
      run: async (_request, [id, runId]) => {
        const run = await runJson(threadDeps, id!, runId!);
        if (cancelRun(runDeps, run.run_id)) return new Response(null, { status: 202 });
        const row = await getRun(options.database, run.run_id);
        if (row?.status !== "running") throw new AppError("conflict:runs", { message: `Run ${runId} is not running (it is ${run.status}).` });
        // Running in another process: cancelled here only if that process is gone.
        if ((await cancelAbandoned(runDeps, row)) === "live") {
          throw new AppError("conflict:runs", { message: `Run ${runId} is running in another process, which still holds it; cancel it there.` });
        }
        return new Response(null, { status: 202 });
      },
    },
  ];

  async function serve(request: RuntimeRequest, path: string): Promise<Response> {
    const clean = "/" + path.replace(/^\/+|\/+$/g, "");
    const candidates = routes.filter((r) => r.pattern.test(clean));
    const route = candidates.find((r) => r.method === request.method);
    try {
      if (!route) {
        if (candidates.length) throw new AppError("bad_request:runtime", { message: `${request.method} is not allowed on ${clean}.` });
        throw new AppError("not_found:runtime", { message: `No route ${request.method} ${clean}.` });
      }
      if (!route.open && !authorized(request.headers.get("authorization"))) {
        throw new AppError("unauthorized:runtime", { message: "A valid bearer token is required." });
      }
      const params = (clean.match(route.pattern) ?? []).slice(1).map(decodeURIComponent);
      return await route.run(request, params);
    } catch (e) {
      if (e instanceof GraphLoadError) {
        console.error(`[runtime] ${e.message}`, e.cause);
        return json({ error: { code: "internal:runtime", message: e.message, assistant_id: e.assistantId } }, 500);
      }
      return errorResponse(e, "runtime");
    }
  }

  let sweeping = false;
  /** One tick: renew this process's leases, then settle runs whose process is gone. */
  const tick = async () => {
    if (sweeping) return;
    sweeping = true;
    try {
      if (runDeps.active.size) await renewLeases(runDeps);
      await recoverAbandoned(runDeps);
    } catch (e) {
      console.error("[runtime] lease renewal or recovery failed; retrying next tick", e);
    } finally {
      sweeping = false;
    }
  };
  const timer = setInterval(() => void tick(), runDeps.lease.renewMs);
  timer.unref();

  return {
    handle: async (request, path) => toWebResponse(await serve(fromWebRequest(request), path)),
    serve,
    health,
    owner,
    recover: () => recoverAbandoned(runDeps),
    close: () => {
      clearInterval(timer);
      retireOwner(owner);
    },
  };
}
