import type { InStatement, InValue, Row, Value } from "@libsql/client";
import type { Database } from "../client";

// Raw parameterised SQL rather than the query builder: every statement here runs on each graph
// superstep, and each has one fixed text, so libSQL prepares a handful of distinct statements.

/** Where a checkpoint lives: thread, namespace (`""` for the root graph) and id. */
export type CheckpointKey = { threadId: string; checkpointNs: string; checkpointId: string };

/** A stored checkpoint; `checkpoint` is serialized without its channel values. */
export type CheckpointRow = CheckpointKey & {
  parentCheckpointId: string | null;
  /** Serializer type tag shared by `checkpoint` and `metadata`. */
  type: string;
  checkpoint: Uint8Array;
  metadata: Uint8Array;
};

/** One channel's value at one version; `type` is `"empty"` (and `blob` null) once the channel was cleared. */
export type ChannelBlob = {
  threadId: string;
  checkpointNs: string;
  channel: string;
  version: string;
  type: string;
  blob: Uint8Array | null;
};

export type ChannelBlobRef = Omit<ChannelBlob, "type" | "blob">;

/** A pending write as stored against a checkpoint. */
export type CheckpointWrite = CheckpointKey & { taskId: string; channel: string; type: string; blob: Uint8Array | null };

/** A write to store: `idx` is negative for the special channels that replace rather than add. */
export type NewCheckpointWrite = {
  taskId: string;
  idx: number;
  channel: string;
  type: string;
  blob: Uint8Array;
  taskPath: string;
};

export type CheckpointSearch = {
  threadId?: string;
  checkpointNs?: string;
  checkpointId?: string;
  /** Only checkpoints with an id lower than this one. */
  before?: string;
  /** Top-level metadata keys that must equal these JSON values. */
  metadata?: Record<string, unknown>;
  /** The last row of the previous page, to continue after it. */
  after?: CheckpointKey;
  limit: number;
};

const CHECKPOINT_COLUMNS =
  "thread_id, checkpoint_ns, checkpoint_id, parent_checkpoint_id, type, checkpoint, metadata";

function text(value: Value | undefined): string {
  if (typeof value !== "string") throw new TypeError(`checkpoints: expected text, got ${typeof value}`);
  return value;
}

function bytes(value: Value | undefined): Uint8Array | null {
  if (value === null || value === undefined) return null;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  // A value written as TEXT by hand still decodes: serializers accept the UTF-8 bytes.
  if (typeof value === "string") return new TextEncoder().encode(value);
  throw new TypeError(`checkpoints: expected a blob, got ${typeof value}`);
}

function toCheckpointRow(row: Row): CheckpointRow {
  return {
    threadId: text(row.thread_id),
    checkpointNs: text(row.checkpoint_ns),
    checkpointId: text(row.checkpoint_id),
    parentCheckpointId: row.parent_checkpoint_id === null ? null : text(row.parent_checkpoint_id),
    type: text(row.type),
    checkpoint: bytes(row.checkpoint) ?? new Uint8Array(),
    metadata: bytes(row.metadata) ?? new Uint8Array(),
  };
}

/** One checkpoint by id, or the thread's newest in that namespace when no id is given. */
export async function selectCheckpoint(
  database: Database,
  key: Omit<CheckpointKey, "checkpointId"> & { checkpointId?: string },
): Promise<CheckpointRow | undefined> {
  const { rows } = await database.$client.execute(
    key.checkpointId
      ? {
          sql: `SELECT ${CHECKPOINT_COLUMNS} FROM checkpoints WHERE thread_id = ? AND checkpoint_ns = ? AND checkpoint_id = ?`,
          args: [key.threadId, key.checkpointNs, key.checkpointId],
        }
      : {
          sql: `SELECT ${CHECKPOINT_COLUMNS} FROM checkpoints WHERE thread_id = ? AND checkpoint_ns = ? ORDER BY checkpoint_id DESC LIMIT 1`,
          args: [key.threadId, key.checkpointNs],
        },
  );
  return rows[0] ? toCheckpointRow(rows[0]) : undefined;
}

/** JSON path of a top-level key; SQLite paths cannot quote a `"`, so such keys are refused. */
function metadataPath(key: string): string {
  if (/["\\]/.test(key)) throw new RangeError(`checkpoints: metadata filter key ${JSON.stringify(key)} is not supported`);
  return `$."${key}"`;
}

/**
 * One page of checkpoints, newest id first. Ties on id (copied threads) are broken by thread and
 * namespace so that `after` continues exactly where the previous page stopped.
 */
export async function selectCheckpoints(database: Database, search: CheckpointSearch): Promise<CheckpointRow[]> {
  const where: string[] = [];
  const args: InValue[] = [];
  if (search.threadId !== undefined) {
    where.push("thread_id = ?");
    args.push(search.threadId);
  }
  if (search.checkpointNs !== undefined) {
    where.push("checkpoint_ns = ?");
    args.push(search.checkpointNs);
  }
  if (search.checkpointId !== undefined) {
    where.push("checkpoint_id = ?");
    args.push(search.checkpointId);
  }
  if (search.before !== undefined) {
    where.push("checkpoint_id < ?");
    args.push(search.before);
  }
  for (const [key, value] of Object.entries(search.metadata ?? {})) {
    // Metadata is the serializer's JSON, stored as a BLOB: SQLite reads a BLOB as JSONB, hence the CAST.
    where.push("(CAST(metadata AS TEXT) -> ?) = json(?)");
    args.push(metadataPath(key), JSON.stringify(value));
  }
  if (search.after) {
    // Within one thread and namespace the id alone is the cursor, which keeps the primary-key range scan.
    if (search.threadId !== undefined && search.checkpointNs !== undefined) {
      where.push("checkpoint_id < ?");
      args.push(search.after.checkpointId);
    } else {
      where.push("(checkpoint_id, thread_id, checkpoint_ns) < (?, ?, ?)");
      args.push(search.after.checkpointId, search.after.threadId, search.after.checkpointNs);
    }
  }
  args.push(search.limit);
  const { rows } = await database.$client.execute({
    sql:
      `SELECT ${CHECKPOINT_COLUMNS} FROM checkpoints` +
      (where.length ? ` WHERE ${where.join(" AND ")}` : "") +
      " ORDER BY checkpoint_id DESC, thread_id DESC, checkpoint_ns DESC LIMIT ?",
    args,
  });
  return rows.map(toCheckpointRow);
}

/**
 * Channel values at the given versions. Refs travel as one JSON parameter so the statement text
 * never depends on how many channels a graph has; each ref is a primary-key lookup.
 */
export async function selectChannelBlobs(database: Database, refs: readonly ChannelBlobRef[]): Promise<ChannelBlob[]> {
  if (refs.length === 0) return [];
  const { rows } = await database.$client.execute({
    sql: `SELECT b.thread_id, b.checkpoint_ns, b.channel, b.version, b.type, b.blob
      FROM json_each(?) AS r
      CROSS JOIN checkpoint_blobs AS b
      WHERE b.thread_id = r.value ->> 0 AND b.checkpoint_ns = r.value ->> 1
        AND b.channel = r.value ->> 2 AND b.version = r.value ->> 3`,
    args: [JSON.stringify(refs.map((r) => [r.threadId, r.checkpointNs, r.channel, r.version]))],
  });
  return rows.map((row) => ({
    threadId: text(row.thread_id),
    checkpointNs: text(row.checkpoint_ns),
    channel: text(row.channel),
    version: text(row.version),
    type: text(row.type),
    blob: bytes(row.blob),
  }));
}

/**
 * Pending writes of the given checkpoints, each checkpoint's in the order live execution applies
 * them: (task_path, task_id, idx). SQLite's binary collation compares UTF-8 bytes, which is the
 * code-point order `compareWritesSortKeys` asks for.
 */
export async function selectCheckpointWrites(database: Database, keys: readonly CheckpointKey[]): Promise<CheckpointWrite[]> {
  if (keys.length === 0) return [];
  const { rows } = await database.$client.execute({
    sql: `SELECT w.thread_id, w.checkpoint_ns, w.checkpoint_id, w.task_id, w.channel, w.type, w.blob
      FROM json_each(?) AS k
      CROSS JOIN checkpoint_writes AS w
      WHERE w.thread_id = k.value ->> 0 AND w.checkpoint_ns = k.value ->> 1 AND w.checkpoint_id = k.value ->> 2
      ORDER BY k.key, w.task_path, w.task_id, w.idx`,
    args: [JSON.stringify(keys.map((k) => [k.threadId, k.checkpointNs, k.checkpointId]))],
  });
  return rows.map((row) => ({
    threadId: text(row.thread_id),
    checkpointNs: text(row.checkpoint_ns),
    checkpointId: text(row.checkpoint_id),
    taskId: text(row.task_id),
    channel: text(row.channel),
    type: text(row.type),
    blob: bytes(row.blob),
  }));
}

/**
 * Stores a checkpoint and the channel values that changed with it, in one transaction. A blob
 * already stored at a version is kept: a version names one value.
 */
export async function insertCheckpoint(
  database: Database,
  row: CheckpointRow,
  blobs: readonly ChannelBlob[],
): Promise<void> {
  const statements: InStatement[] = blobs.map((b) => ({
    sql: `INSERT INTO checkpoint_blobs (thread_id, checkpoint_ns, channel, version, type, blob)
      VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    args: [b.threadId, b.checkpointNs, b.channel, b.version, b.type, b.blob],
  }));
  statements.push({
    sql: `INSERT INTO checkpoints (${CHECKPOINT_COLUMNS}, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (thread_id, checkpoint_ns, checkpoint_id)
      DO UPDATE SET type = excluded.type, checkpoint = excluded.checkpoint, metadata = excluded.metadata`,
    args: [
      row.threadId,
      row.checkpointNs,
      row.checkpointId,
      row.parentCheckpointId,
      row.type,
      row.checkpoint,
      row.metadata,
      Date.now(),
    ],
  });
  await database.$client.batch(statements, "write");
}

/**
 * Stores one task's writes against a checkpoint, in one transaction. A regular write that is
 * already stored is kept (a retried task must not change history); the special channels (error,
 * interrupt, resume, scheduled) use negative indexes and replace what was there.
 */
export async function upsertCheckpointWrites(
  database: Database,
  key: CheckpointKey,
  writes: readonly NewCheckpointWrite[],
): Promise<void> {
  if (writes.length === 0) return;
  await database.$client.batch(
    writes.map((w) => ({
      sql: `INSERT INTO checkpoint_writes
        (thread_id, checkpoint_ns, checkpoint_id, task_id, idx, channel, type, blob, task_path)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (thread_id, checkpoint_ns, checkpoint_id, task_id, idx) DO UPDATE SET
          channel = excluded.channel, type = excluded.type, blob = excluded.blob, task_path = excluded.task_path
        WHERE excluded.idx < 0`,
      args: [key.threadId, key.checkpointNs, key.checkpointId, w.taskId, w.idx, w.channel, w.type, w.blob, w.taskPath],
    })),
    "write",
  );
}

/** Removes every checkpoint, channel value and pending write of a thread, in all namespaces. */
export async function deleteThreadCheckpoints(database: Database, threadId: string): Promise<void> {
  await database.$client.batch(
    ["checkpoint_writes", "checkpoint_blobs", "checkpoints"].map((table) => ({
      sql: `DELETE FROM ${table} WHERE thread_id = ?`,
      args: [threadId],
    })),
    "write",
  );
}
