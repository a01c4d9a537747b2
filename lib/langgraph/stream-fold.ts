import { taskErrorText } from "@/lib/errors";
/** A node's step as a streamed run reports it. */
export type StepStatus = "running" | "success" | "error" | "interrupted";

export type GraphStep = {
  /** The task id: a node that runs twice (a repair loop) has two steps. */
  id: string;
  node: string;
  status: StepStatus;
  /** From the step's start to its end as this client saw them; null while it runs. */
  ms: number | null;
  error: string | null;
  /** What the node wrote to the state, once it finished. */
  update: Record<string, unknown> | null;
};

/** One event of a streamed run, as the typed client yields it. */
export type GraphStreamEvent<Result> =
  | { type: "started"; runId: string }
  | { type: "step"; step: GraphStep }
  | { type: "done"; result: Result };

type TaskChunk = { id: string; name: string; input?: unknown; result?: Record<string, unknown>; error?: unknown; interrupts?: unknown[] };

/**
 * Folds a run's SSE events (`metadata`, `tasks`, `values`, `error`) into typed step events as
 * they come, keeping what a wait would have answered: the last values, the interrupts, the error.
 * `body()` is that answer in the wait endpoint's shape, so both paths end in the same code.
 */
export class StreamFold {
  private readonly started = new Map<string, { node: string; at: number }>();
  private values: Record<string, unknown> = {};
  private interrupts: unknown[] | null = null;
  private error: { error?: string; message?: string } | null = null;
  runId: string | null = null;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** The typed events one SSE event stands for (none for most). */
  take(event: string, data: unknown): GraphStreamEvent<never>[] {
    switch (event) {
      case "metadata": {
        const runId = (data as { run_id?: unknown } | null)?.run_id;
        if (typeof runId !== "string" || this.runId) return [];
        this.runId = runId;
        return [{ type: "started", runId }];
      }
      case "values": {
        const chunk = (data ?? {}) as Record<string, unknown>;
        if (Array.isArray(chunk.__interrupt__)) this.interrupts = chunk.__interrupt__;
        else this.values = chunk;
        return [];
      }
      case "error":
        this.error = typeof data === "object" && data !== null ? (data as { error?: string; message?: string }) : { error: "Error", message: String(data) };
        return [];
      case "tasks":
        return [{ type: "step", step: this.step(data as TaskChunk) }];
      default:
        return [];
    }
  }

  private step(task: TaskChunk): GraphStep {
    if ("input" in task) {
      this.started.set(task.id, { node: task.name, at: this.now() });
      return { id: task.id, node: task.name, status: "running", ms: null, error: null, update: null };
    }
    const start = this.started.get(task.id);
    const failed = task.error !== undefined && task.error !== null;
    return {
      id: task.id,
      node: task.name,
      status: failed ? "error" : task.interrupts?.length ? "interrupted" : "success",
      ms: start ? Math.round(this.now() - start.at) : null,
      error: failed ? taskErrorText(task.error) : null,
      update: task.result ?? null,
    };
  }

  /** What `/runs/wait` would have answered: the final values, `__interrupt__` when paused, or `__error__`. */
  body(): Record<string, unknown> {
    if (this.error) return { __error__: this.error };
    return this.interrupts ? { ...this.values, __interrupt__: this.interrupts } : this.values;
  }
}
