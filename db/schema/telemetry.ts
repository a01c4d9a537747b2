import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, flag, timestamp } from "./columns";

/** One row per model call, cached or not, refused or not. */
export const llmCalls = sqliteTable(
  "llm_calls",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    createdAt: createdAt(),
    graph: text("graph").notNull(),
    node: text("node").notNull(),
    feature: text("feature").notNull().default("uncategorized"),
    vertical: text("vertical"),
    model: text("model").notNull(),
    promptVersion: text("prompt_version"),
    tokensIn: integer("tokens_in").notNull().default(0),
    tokensOut: integer("tokens_out").notNull().default(0),
    costUsd: real("cost_usd").notNull().default(0),
    latencyMs: integer("latency_ms").notNull().default(0),
    cacheHit: flag("cache_hit"),
    status: text("status", { enum: ["ok", "error", "refused"] }).notNull().default("ok"),
    error: text("error"),
    threadId: text("thread_id"),
    runId: text("run_id"),
    traceId: text("trace_id"),
  },
  (t) => [
    index("llm_calls_created_idx").on(t.createdAt),
    index("llm_calls_graph_created_idx").on(t.graph, t.createdAt),
    index("llm_calls_run_idx").on(t.runId),
  ],
);

/**
 * Daily spend rolled up from `llm_calls` by every dimension the cost dashboard groups on. Kept by
 * SQLite triggers on llm_calls (migration 0004), so the gateway, the seed and a direct INSERT all
 * keep it exact; the dashboard reads this instead of scanning a month of calls. Never write
 * llm_calls with INSERT OR REPLACE: the replaced row fires no delete trigger, and spend would drift.
 */
export const llmCostDaily = sqliteTable(
  "llm_cost_daily",
  {
    /** UTC day, YYYY-MM-DD. */
    day: text("day").notNull(),
    graph: text("graph").notNull(),
    feature: text("feature").notNull(),
    /** `none` when the call had no vertical. */
    vertical: text("vertical").notNull(),
    model: text("model").notNull(),
    cacheHit: integer("cache_hit").notNull(),
    status: text("status").notNull(),
    calls: integer("calls").notNull().default(0),
    costUsd: real("cost_usd").notNull().default(0),
    tokensIn: integer("tokens_in").notNull().default(0),
    tokensOut: integer("tokens_out").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.graph, t.feature, t.vertical, t.model, t.cacheHit, t.status] })],
);

/** Each run's whole model spend, kept by the same triggers; the source of "most expensive runs". */
export const llmCostRuns = sqliteTable(
  "llm_cost_runs",
  {
    runId: text("run_id").primaryKey(),
    /** The alphabetically first graph among the run's calls (a run belongs to one graph in practice). */
    graph: text("graph").notNull(),
    firstAt: integer("first_at").notNull(),
    lastAt: integer("last_at").notNull(),
    calls: integer("calls").notNull().default(0),
    costUsd: real("cost_usd").notNull().default(0),
    tokens: integer("tokens").notNull().default(0),
  },
  (t) => [index("llm_cost_runs_cost_idx").on(t.costUsd, t.runId), index("llm_cost_runs_last_idx").on(t.lastAt)],
);

export const RUN_STATUSES = ["pending", "running", "success", "error", "interrupted", "timeout", "cancelled"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
/** A threaded run's request as recovery needs it: `input` null carries the thread on from its last checkpoint. */
export type RunKwargs = {
  input: unknown;
  config?: { configurable?: Record<string, unknown>; tags?: string[]; recursion_limit?: number };
};

/** Every graph run, recorded locally whether or not LangSmith is configured. */
export const runs = sqliteTable(
  "runs",
  {
    id: text("id").primaryKey(),
    assistantId: text("assistant_id").notNull(),
    threadId: text("thread_id"),
    status: text("status", { enum: RUN_STATUSES }).notNull(),
    startedAt: timestamp("started_at").notNull(),
    endedAt: timestamp("ended_at"),
    error: text("error"),
    traceId: text("trace_id"),
    runUrl: text("run_url"),
    metadata: text("metadata", { mode: "json" }).$type<Record<string, unknown>>(),
    /**
     * What a threaded run was asked to do (its input, or null to carry on from a checkpoint, and
     * the caller's config), so that a restart can run it again when its process died before the
     * run reached a checkpoint. LangGraph Platform keeps a run's kwargs for the same reason.
     */
    kwargs: text("kwargs", { mode: "json" }).$type<RunKwargs>(),
    /** The run that started this one (a background job's run under the run that enqueued it). */
    parentRunId: text("parent_run_id"),
    /** The process executing the run, and until when its lease holds; renewed while it works. */
    owner: text("owner"),
    leaseUntil: timestamp("lease_until"),
  },
  (t) => [
    index("runs_started_idx").on(t.startedAt),
    index("runs_parent_idx").on(t.parentRunId),
    index("runs_status_lease_idx").on(t.status, t.leaseUntil),
    index("runs_assistant_started_idx").on(t.assistantId, t.startedAt),
    index("runs_thread_idx").on(t.threadId),
    index("runs_status_started_idx").on(t.status, t.startedAt),
  ],
);

export const runSteps = sqliteTable(
  "run_steps",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    runId: text("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    node: text("node").notNull(),
    status: text("status", { enum: ["running", "success", "error", "interrupted"] }).notNull(),
    startedAt: timestamp("started_at").notNull(),
    endedAt: timestamp("ended_at"),
    error: text("error"),
    metadata: text("metadata", { mode: "json" }).$type<Record<string, unknown>>(),
    /** Subgraph path of the node ("compose" for a node of the subgraph run by node compose); null at top level. */
    namespace: text("namespace"),
  },
  (t) => [index("run_steps_run_idx").on(t.runId, t.startedAt)],
);

/**
 * Per-graph daily model spend, reserved before each call and settled after it. A reservation is
 * one conditional UPDATE, so concurrent calls in any number of processes cannot all pass the check.
 */
export const budgetLedger = sqliteTable(
  "budget_ledger",
  {
    graph: text("graph").notNull(),
    /** UTC day, YYYY-MM-DD. */
    day: text("day").notNull(),
    spentUsd: real("spent_usd").notNull().default(0),
    reservedUsd: real("reserved_usd").notNull().default(0),
    /** Set once the 80 % and 100 % alerts for this day have gone out. */
    warnedAt: integer("warned_at"),
    exhaustedAt: integer("exhausted_at"),
  },
  (t) => [primaryKey({ columns: [t.graph, t.day] })],
);
