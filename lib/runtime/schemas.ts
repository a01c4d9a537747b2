import { z } from "zod";
import { THREAD_STATUSES } from "@/db/schema";
import { AppError } from "@/lib/errors";

const metadata = z.record(z.string(), z.unknown());

/** Thread ids are UUIDs, as on LangGraph Server, so threads move between the two unchanged. */
export const ThreadId = z.uuid("must be a UUID");

/**
 * A run's metadata: anything the caller keeps with the run, and `parent_run_id`, the run that
 * started this one, so the console shows it nested under its parent. The parent is recorded as
 * named, even when this runtime never saw it (it may live on another deployment).
 */
const RunMetadata = z.looseObject({
  parent_run_id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/, "must be a run id (letters, digits, _ . : -, at most 100)").optional(),
});

/**
 * `configurable` keys of the caller's choosing. LangGraph's own (`__pregel_*`: the checkpointer,
 * the task's send and read hooks, resume state) would let a caller reach into the graph's
 * machinery, so each is refused by name.
 */
const Configurable = z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
  for (const key of Object.keys(value)) {
    if (key.startsWith("__pregel_")) ctx.addIssue({ code: "custom", path: [key], message: "is internal to LangGraph and cannot be set by a caller" });
  }
});

const RunConfig = z
  .object({
    tags: z.array(z.string()).optional(),
    recursion_limit: z.number().int().min(1).max(1_000).optional(),
    configurable: Configurable.optional(),
  })
  .strict();

/**
 * A run request: the fields the official SDK sends. Unknown top-level fields are rejected (422
 * naming them); fields this runtime cannot honour are refused rather than silently ignored.
 */
export const RunCreate = z
  .object({
    assistant_id: z.string().min(1, "is required"),
    input: z.unknown().optional(),
    command: z.object({ resume: z.unknown() }).strict().optional(),
    config: RunConfig.optional(),
    context: z.unknown().optional(),
    metadata: RunMetadata.optional(),
    multitask_strategy: z.enum(["reject", "enqueue"], "must be reject or enqueue (interrupt and rollback are not supported)").optional(),
    on_disconnect: z.enum(["cancel", "continue"]).optional(),
    on_completion: z.enum(["delete", "keep"]).optional(),
    if_not_exists: z.enum(["reject", "create"]).optional(),
    stream_mode: z.union([z.string(), z.array(z.string())]).optional(),
    stream_subgraphs: z.boolean().optional(),
    stream_resumable: z.boolean().optional(),
    durability: z.enum(["sync", "async", "exit"]).optional(),
    checkpoint_during: z.boolean().optional(),
    feedback_keys: z.array(z.string()).optional(),
    langsmith_tracer: z.object({ project_name: z.string().optional(), example_id: z.string().optional() }).optional(),
    webhook: z.never("webhooks are not supported by the embedded runtime").optional(),
    interrupt_before: z.never("interrupt_before is not supported by the embedded runtime").optional(),
    interrupt_after: z.never("interrupt_after is not supported by the embedded runtime").optional(),
    after_seconds: z.never("after_seconds is not supported by the embedded runtime").optional(),
    checkpoint: z.never("starting from a checkpoint is not supported by the embedded runtime").optional(),
    checkpoint_id: z.never("starting from a checkpoint is not supported by the embedded runtime").optional(),
  })
  .strict();
export type RunCreate = z.infer<typeof RunCreate>;

/** The stream modes `/runs/stream` passes through from the graph, as LangGraph Server names them. */
export const STREAM_MODES = ["values", "updates", "tasks", "custom"] as const;
export type StreamMode = (typeof STREAM_MODES)[number];

/**
 * What a streamed run sends: the requested modes (default `values`, as on LangGraph Server). A
 * mode, subgraph streaming or a resumable stream this runtime cannot serve is a 422 naming the
 * field, before anything is written.
 */
export function streamModesOf(payload: RunCreate): StreamMode[] {
  const requested = payload.stream_mode === undefined ? [] : [payload.stream_mode].flat();
  const unknown = requested.find((mode) => !(STREAM_MODES as readonly string[]).includes(mode));
  if (unknown !== undefined) {
    throw new AppError("unprocessable:runs", { field: "stream_mode", message: `Stream mode "${unknown}" is not supported by the embedded runtime (use ${STREAM_MODES.join(", ")}).` });
  }
  if (payload.stream_subgraphs) throw new AppError("unprocessable:runs", { field: "stream_subgraphs", message: "Streaming subgraphs is not supported by the embedded runtime." });
  if (payload.stream_resumable) throw new AppError("unprocessable:runs", { field: "stream_resumable", message: "Resumable streams are not supported by the embedded runtime." });
  return requested.length ? [...new Set(requested as StreamMode[])] : ["values"];
}

export const ThreadCreate = z
  .object({
    thread_id: ThreadId.optional(),
    metadata: metadata.optional(),
    if_exists: z.enum(["raise", "do_nothing"]).optional(),
    graph_id: z.string().optional(),
    ttl: z.unknown().optional(),
    supersteps: z.never("supersteps are not supported by the embedded runtime").optional(),
  })
  .strict();

export const ThreadSearch = z
  .object({
    metadata: metadata.optional(),
    status: z.enum(THREAD_STATUSES).optional(),
    limit: z.number().int().min(1).max(1_000).default(10),
    offset: z.number().int().min(0).default(0),
    values: z.record(z.string(), z.unknown()).optional(),
    ids: z.array(ThreadId).optional(),
    sort_by: z.enum(["thread_id", "status", "created_at", "updated_at"]).optional(),
    sort_order: z.enum(["asc", "desc"]).optional(),
    select: z.array(z.string()).optional(),
    extract: z.unknown().optional(),
  })
  .strict();

export const AssistantSearch = z
  .object({
    graph_id: z.string().optional(),
    name: z.string().optional(),
    metadata: metadata.optional(),
    limit: z.number().int().min(1).max(1_000).default(10),
    offset: z.number().int().min(0).default(0),
    sort_by: z.string().optional(),
    sort_order: z.enum(["asc", "desc"]).optional(),
    select: z.array(z.string()).optional(),
  })
  .strict();

export const HistoryQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(1_000).default(10),
    before: z.object({ configurable: Configurable }).optional(),
    metadata: metadata.optional(),
    checkpoint: Configurable.optional(),
  })
  .strict();
