import type { Database } from "@/db/client";
import type { GraphSpec, Registry, RunnableGraph } from "@/graphs/spec";
import type { LangsmithRun } from "@/lib/telemetry/langsmith";
import type { GraphCache } from "./graph-cache";
import type { LeaseTiming } from "./leases";
import type { RunCreate, StreamMode } from "./schemas";

// What a run's admission (run-admission.ts) and its execution (runs.ts) share: the runtime's
// dependencies and a run as admitted.

export type RunDeps = {
  database: Database;
  registry: Registry;
  cache: GraphCache;
  /** Runs in flight in this process, for cancellation. */
  active: Map<string, AbortController>;
  /** Threads with a run in flight here; enqueued runs wait on `done`. */
  threadDone: Map<string, { done: Promise<void>; resolve: () => void }>;
  /** This process's id on the runs it executes, and how long each run's lease lasts. */
  owner: string;
  lease: LeaseTiming;
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
  /** The thread's metadata as the run claimed it, which its checkpoints also carry. */
  threadMetadata: Record<string, unknown>;
};
