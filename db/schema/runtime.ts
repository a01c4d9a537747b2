import { blob, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";

export const THREAD_STATUSES = ["idle", "busy", "interrupted", "error"] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

/** Threads of resumable graphs, as the LangGraph Server API exposes them. */
export const threads = sqliteTable(
  "threads",
  {
    threadId: text("thread_id").primaryKey(),
    /** The graph that last ran on this thread. */
    assistantId: text("assistant_id"),
    status: text("status", { enum: THREAD_STATUSES }).notNull().default("idle"),
    metadata: text("metadata", { mode: "json" }).$type<Record<string, unknown>>().notNull().default({}),
    /** The state values after the thread's last run, so listing threads never reads checkpoints. */
    values: text("values", { mode: "json" }).$type<Record<string, unknown>>(),
    /** Pending interrupts by task id (`{[taskId]: [{id, value}]}`), as LangGraph Server reports them. */
    interrupts: text("interrupts", { mode: "json" }).$type<Record<string, unknown[]>>().notNull().default({}),
    /** The last run's error message when status is "error". */
    error: text("error"),
    createdAt: createdAt(),
    updatedAt: createdAt("updated_at"),
  },
  (t) => [index("threads_status_updated_idx").on(t.status, t.updatedAt)],
);

// Checkpointer tables. Channel values live in checkpoint_blobs keyed by their version, so a
// checkpoint stores only the channels that changed since its parent.
export const checkpoints = sqliteTable(
  "checkpoints",
  {
    threadId: text("thread_id").notNull(),
    checkpointNs: text("checkpoint_ns").notNull().default(""),
    checkpointId: text("checkpoint_id").notNull(),
    parentCheckpointId: text("parent_checkpoint_id"),
    /** Serializer type tag for `checkpoint` and `metadata`. */
    type: text("type"),
    /** The checkpoint without channel_values. */
    checkpoint: blob("checkpoint", { mode: "buffer" }).notNull(),
    metadata: blob("metadata", { mode: "buffer" }).notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.checkpointNs, t.checkpointId] })],
);

export const checkpointBlobs = sqliteTable(
  "checkpoint_blobs",
  {
    threadId: text("thread_id").notNull(),
    checkpointNs: text("checkpoint_ns").notNull().default(""),
    channel: text("channel").notNull(),
    version: text("version").notNull(),
    type: text("type").notNull(),
    blob: blob("blob", { mode: "buffer" }),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.checkpointNs, t.channel, t.version] })],
);

export const checkpointWrites = sqliteTable(
  "checkpoint_writes",
  {
    threadId: text("thread_id").notNull(),
    checkpointNs: text("checkpoint_ns").notNull().default(""),
    checkpointId: text("checkpoint_id").notNull(),
    taskId: text("task_id").notNull(),
    idx: integer("idx").notNull(),
    channel: text("channel").notNull(),
    type: text("type"),
    blob: blob("blob", { mode: "buffer" }),
    taskPath: text("task_path").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.checkpointNs, t.checkpointId, t.taskId, t.idx] })],
);
