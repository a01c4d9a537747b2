import type { RunnableConfig } from "@langchain/core/runnables";
import {
  BaseCheckpointSaver,
  TASKS,
  WRITES_IDX_MAP,
  getCheckpointId,
  maxChannelVersion,
  type ChannelVersions,
  type Checkpoint,
  type CheckpointListOptions,
  type CheckpointMetadata,
  type CheckpointPendingWrite,
  type CheckpointTuple,
  type PendingWrite,
  type SerializerProtocol,
} from "@langchain/langgraph-checkpoint";
import type { Database } from "@/db/client";
import {
  deleteThreadCheckpoints,
  insertCheckpoint,
  selectChannelBlobs,
  selectCheckpoint,
  selectCheckpointWrites,
  selectCheckpoints,
  upsertCheckpointWrites,
  type ChannelBlob,
  type ChannelBlobRef,
  type CheckpointKey,
  type CheckpointRow,
  type CheckpointWrite,
} from "@/db/queries/checkpoints";
import { AppError } from "@/lib/errors";

/** Rows fetched per round trip by `list`; each page costs three queries. */
const LIST_PAGE_SIZE = 100;

/** Type tag of a channel that was cleared at a version (no blob stored). */
const EMPTY = "empty";

type StoredCheckpoint = Omit<Checkpoint, "channel_values">;

const keyOf = (...parts: string[]): string => JSON.stringify(parts);
const checkpointKeyOf = (k: CheckpointKey): string => keyOf(k.threadId, k.checkpointNs, k.checkpointId);
const blobKeyOf = (r: ChannelBlobRef): string => keyOf(r.threadId, r.checkpointNs, r.channel, r.version);

function keyAt(row: CheckpointKey, checkpointId: string): CheckpointKey {
  return { threadId: row.threadId, checkpointNs: row.checkpointNs, checkpointId };
}

function configFor(key: CheckpointKey): RunnableConfig {
  return { configurable: { thread_id: key.threadId, checkpoint_ns: key.checkpointNs, checkpoint_id: key.checkpointId } };
}

/** A configurable id as a string; numbers are accepted because callers often pass numeric thread ids. */
function idFrom(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

function required(value: unknown, field: string, action: string): string {
  const id = idFrom(value);
  if (id === undefined) {
    throw new AppError("bad_request:runtime", {
      message: `Cannot ${action}: config.configurable.${field} is missing.`,
      field: `configurable.${field}`,
    });
  }
  return id;
}

/**
 * LangGraph checkpointer over libSQL. Channel values are stored once per version in
 * `checkpoint_blobs`, so a checkpoint only adds the channels that changed since its parent;
 * reading one costs three queries (checkpoint, its channel values, its pending writes).
 */
export class LibsqlSaver extends BaseCheckpointSaver {
  constructor(
    private readonly database: Database,
    serde?: SerializerProtocol,
  ) {
    super(serde);
  }

  /** The checkpoint named by `config`, or the thread's newest in its namespace when no id is given. */
  async getTuple(config: RunnableConfig): Promise<CheckpointTuple | undefined> {
    const threadId = idFrom(config.configurable?.thread_id);
    if (threadId === undefined) return undefined;
    const row = await selectCheckpoint(this.database, {
      threadId,
      checkpointNs: config.configurable?.checkpoint_ns ?? "",
      checkpointId: getCheckpointId(config) || undefined,
    });
    if (!row) return undefined;
    const [tuple] = await this.loadTuples([row]);
    return tuple;
  }

  /**
   * Checkpoints newest first, optionally narrowed to a thread, namespace or id, to those older
   * than `before`, and to metadata whose top-level keys equal `filter`'s values.
   */
  async *list(config: RunnableConfig, options: CheckpointListOptions = {}): AsyncGenerator<CheckpointTuple> {
    const { before, filter } = options;
    const configurable = config.configurable ?? {};
    const ns: unknown = configurable.checkpoint_ns;
    let remaining = options.limit === undefined ? Infinity : Math.max(0, Math.floor(options.limit));
    let after: CheckpointKey | undefined;
    while (remaining > 0) {
      const pageSize = Math.min(remaining, LIST_PAGE_SIZE);
      const rows = await selectCheckpoints(this.database, {
        threadId: idFrom(configurable.thread_id),
        checkpointNs: typeof ns === "string" ? ns : undefined,
        checkpointId: getCheckpointId(config) || undefined,
        before: before ? getCheckpointId(before) || undefined : undefined,
        // An undefined filter value would serialize to nothing; it constrains nothing.
        metadata: filter && Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)),
        after,
        limit: pageSize,
      });
      yield* await this.loadTuples(rows);
      if (rows.length < pageSize) return;
      remaining -= rows.length;
      after = rows.at(-1);
    }
  }

  /** Stores a checkpoint and, of its channel values, only those whose version is in `newVersions`. */
  async put(
    config: RunnableConfig,
    checkpoint: Checkpoint,
    metadata: CheckpointMetadata,
    newVersions: ChannelVersions,
  ): Promise<RunnableConfig> {
    if (!config.configurable) {
      throw new AppError("bad_request:runtime", { message: "Cannot save a checkpoint: config.configurable is missing." });
    }
    const threadId = required(config.configurable.thread_id, "thread_id", "save a checkpoint");
    const checkpointNs: string = config.configurable.checkpoint_ns ?? "";
    const { channel_values: values, ...stored } = checkpoint;
    const [[type, serialized], [metadataType, serializedMetadata]] = await Promise.all([
      this.serde.dumpsTyped(stored satisfies StoredCheckpoint),
      this.serde.dumpsTyped(metadata),
    ]);
    // One `type` column serves both blobs; a serializer that tags them differently cannot round-trip.
    if (metadataType !== type) {
      throw new AppError("internal:runtime", {
        message: `Checkpoint serializer tagged the checkpoint "${type}" but its metadata "${metadataType}".`,
      });
    }
    const blobs = await Promise.all(
      Object.entries(newVersions).map(async ([channel, version]): Promise<ChannelBlob> => {
        const value: unknown = values[channel];
        const [blobType, blob] = value === undefined ? [EMPTY, null] : await this.serde.dumpsTyped(value);
        return { threadId, checkpointNs, channel, version: String(version), type: blobType, blob };
      }),
    );
    const key: CheckpointKey = { threadId, checkpointNs, checkpointId: checkpoint.id };
    await insertCheckpoint(
      this.database,
      {
        ...key,
        parentCheckpointId: getCheckpointId(config) || null,
        type,
        checkpoint: serialized,
        metadata: serializedMetadata,
      },
      blobs,
    );
    return configFor(key);
  }

  /** Stores a task's writes against the checkpoint in `config`; `taskPath` orders them on read. */
  async putWrites(config: RunnableConfig, writes: PendingWrite[], taskId: string, taskPath = ""): Promise<void> {
    const key: CheckpointKey = {
      threadId: required(config.configurable?.thread_id, "thread_id", "save writes"),
      checkpointNs: config.configurable?.checkpoint_ns ?? "",
      checkpointId: required(config.configurable?.checkpoint_id, "checkpoint_id", "save writes"),
    };
    const rows = await Promise.all(
      writes.map(async ([channel, value], idx) => {
        const [type, blob] = await this.serde.dumpsTyped(value);
        return { taskId, idx: WRITES_IDX_MAP[channel] ?? idx, channel, type, blob, taskPath };
      }),
    );
    await upsertCheckpointWrites(this.database, key, rows);
  }

  /** Deletes everything stored for a thread, in every namespace. */
  async deleteThread(threadId: string): Promise<void> {
    await deleteThreadCheckpoints(this.database, threadId);
  }

  /**
   * Versions carry a random fraction above the step counter. Channel values are stored by
   * version, and a run forked from an older checkpoint would otherwise mint the same integer
   * versions as the original branch and read the original branch's values back.
   */
  override getNextVersion(current: number | undefined): number {
    // Older rows may hold string versions ("0042.…" from other savers); their counter still counts.
    const counter = Math.floor(Number.parseFloat(String(current ?? 0))) || 0;
    return counter + 1 + Math.random();
  }

  /** Rebuilds tuples for checkpoint rows with one query for their channel values and one for writes. */
  private async loadTuples(rows: readonly CheckpointRow[]): Promise<CheckpointTuple[]> {
    if (rows.length === 0) return [];
    const decoded = await Promise.all(
      rows.map(async (row) => {
        const [checkpoint, metadata] = await Promise.all([
          this.serde.loadsTyped(row.type, row.checkpoint) as Promise<StoredCheckpoint>,
          this.serde.loadsTyped(row.type, row.metadata) as Promise<CheckpointMetadata>,
        ]);
        // Checkpoints before format v4 kept pending sends on the checkpoint; they now come from
        // the parent's TASKS writes, so the parent's writes are read alongside.
        const legacyParent: CheckpointKey | undefined =
          checkpoint.v < 4 && row.parentCheckpointId ? keyAt(row, row.parentCheckpointId) : undefined;
        return { row, checkpoint, metadata, legacyParent };
      }),
    );

    const refs = new Map<string, ChannelBlobRef>();
    for (const { row, checkpoint } of decoded) {
      for (const [channel, version] of Object.entries(checkpoint.channel_versions ?? {})) {
        const ref = { threadId: row.threadId, checkpointNs: row.checkpointNs, channel, version: String(version) };
        refs.set(blobKeyOf(ref), ref);
      }
    }
    const writeKeys = new Map<string, CheckpointKey>();
    for (const { row, legacyParent } of decoded) {
      for (const key of legacyParent ? [keyAt(row, row.checkpointId), legacyParent] : [keyAt(row, row.checkpointId)]) {
        writeKeys.set(checkpointKeyOf(key), key);
      }
    }
    const [blobRows, writeRows] = await Promise.all([
      selectChannelBlobs(this.database, [...refs.values()]),
      selectCheckpointWrites(this.database, [...writeKeys.values()]),
    ]);

    const blobs = new Map(blobRows.map((b) => [blobKeyOf(b), b]));
    const writesByCheckpoint = new Map<string, CheckpointWrite[]>();
    for (const w of writeRows) {
      const key = checkpointKeyOf(w);
      const list = writesByCheckpoint.get(key);
      if (list) list.push(w);
      else writesByCheckpoint.set(key, [w]);
    }

    return Promise.all(
      decoded.map(async ({ row, checkpoint, metadata, legacyParent }): Promise<CheckpointTuple> => {
        const channelValues: Record<string, unknown> = {};
        // Each tuple decodes its own copy: graphs may mutate restored values in place.
        for (const [channel, version] of Object.entries(checkpoint.channel_versions ?? {})) {
          const blob = blobs.get(keyOf(row.threadId, row.checkpointNs, channel, String(version)));
          if (blob && blob.type !== EMPTY && blob.blob) channelValues[channel] = await this.serde.loadsTyped(blob.type, blob.blob);
        }
        const restored: Checkpoint = { ...checkpoint, channel_values: channelValues };
        if (legacyParent) await this.migratePendingSends(restored, writesByCheckpoint.get(checkpointKeyOf(legacyParent)) ?? []);
        return {
          config: configFor(row),
          checkpoint: restored,
          metadata,
          parentConfig: row.parentCheckpointId ? configFor(keyAt(row, row.parentCheckpointId)) : undefined,
          pendingWrites: await this.decodeWrites(writesByCheckpoint.get(checkpointKeyOf(row)) ?? []),
        };
      }),
    );
  }

  private decodeWrites(writes: readonly CheckpointWrite[]): Promise<CheckpointPendingWrite[]> {
    return Promise.all(
      writes.map(async (w): Promise<CheckpointPendingWrite> => [
        w.taskId,
        w.channel,
        w.blob ? await this.serde.loadsTyped(w.type, w.blob) : undefined,
      ]),
    );
  }

  /** Moves a pre-v4 checkpoint's pending sends (its parent's TASKS writes) into the TASKS channel. */
  private async migratePendingSends(checkpoint: Checkpoint, parentWrites: readonly CheckpointWrite[]): Promise<void> {
    const sends = parentWrites.filter((w) => w.channel === TASKS);
    if (sends.length === 0) return;
    checkpoint.channel_values[TASKS] = (await this.decodeWrites(sends)).map(([, , value]) => value);
    const versions = Object.values(checkpoint.channel_versions);
    checkpoint.channel_versions[TASKS] = versions.length > 0 ? maxChannelVersion(...versions) : this.getNextVersion(undefined);
  }
}
