import type { RunnableConfig } from "@langchain/core/runnables";
import {
  BaseCheckpointSaver, type ChannelVersions, type Checkpoint, type CheckpointListOptions, type CheckpointMetadata, type CheckpointTuple, type PendingWrite,
} from "@langchain/langgraph-checkpoint";

/** Configurable keys that locate a checkpoint rather than describe the run. */
const LOCATING_KEYS = new Set(["checkpoint_ns", "checkpoint_id", "run_id", "thread_id"]);

/**
 * Files each checkpoint under its run, as LangGraph Server does: the run's configurable keys
 * (but LangGraph's own `__…` and the ones that locate the checkpoint) and its metadata (the
 * thread's metadata, the caller's, `graph_id`, `assistant_id`, `run_id`) join the checkpoint's
 * own metadata, so `/threads/{id}/state` and `/history` show which run wrote what. Everything
 * else is the wrapped saver's.
 */
export class RunMetadataSaver extends BaseCheckpointSaver {
  constructor(private readonly inner: BaseCheckpointSaver) {
    super(inner.serde);
  }

  getTuple(config: RunnableConfig): Promise<CheckpointTuple | undefined> {
    return this.inner.getTuple(config);
  }

  list(config: RunnableConfig, options?: CheckpointListOptions): AsyncGenerator<CheckpointTuple> {
    return this.inner.list(config, options);
  }

  put(config: RunnableConfig, checkpoint: Checkpoint, metadata: CheckpointMetadata, newVersions: ChannelVersions): Promise<RunnableConfig> {
    const configurable = Object.entries(config.configurable ?? {}).filter(([key]) => !key.startsWith("__") && !LOCATING_KEYS.has(key));
    return this.inner.put(config, checkpoint, { ...Object.fromEntries(configurable), ...config.metadata, ...metadata }, newVersions);
  }

  putWrites(config: RunnableConfig, writes: PendingWrite[], taskId: string, taskPath?: string): Promise<void> {
    return this.inner.putWrites(config, writes, taskId, taskPath);
  }

  deleteThread(threadId: string): Promise<void> {
    return this.inner.deleteThread(threadId);
  }

  getNextVersion(current: number | undefined): number {
    return this.inner.getNextVersion(current);
  }
}
