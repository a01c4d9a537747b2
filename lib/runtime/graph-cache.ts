import type { BaseCheckpointSaver } from "@langchain/langgraph-checkpoint";
import type { GraphSpec, Registry, RunnableGraph } from "@/graphs/spec";
import type { z } from "zod";

export type LoadedGraph = {
  spec: GraphSpec;
  /** Compiled with the checkpointer (resumable graphs on threads). */
  persistent: RunnableGraph | null;
  /** Compiled without one: stateless runs never write checkpoints nobody will read. */
  ephemeral: RunnableGraph;
  inputSchema: z.ZodType;
};

/** A graph whose module failed to import or compile; only its own runs fail. */
export class GraphLoadError extends Error {
  constructor(readonly assistantId: string, cause: unknown) {
    super(`Graph "${assistantId}" failed to load: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "GraphLoadError";
  }
}

/**
 * Imports and compiles each graph on its first run and keeps it. The promise is cached, so
 * concurrent first runs share one compile; a failure is cached too, because a module that threw
 * during evaluation throws again on every import until the process restarts.
 */
export class GraphCache {
  private readonly loads = new Map<string, Promise<LoadedGraph>>();
  private readonly state = new Map<string, "compiled" | "failed">();

  constructor(
    private readonly registry: Registry,
    private readonly checkpointer: BaseCheckpointSaver,
  ) {}

  get(assistantId: string): Promise<LoadedGraph> {
    let load = this.loads.get(assistantId);
    if (!load) {
      load = this.compile(assistantId);
      this.loads.set(assistantId, load);
    }
    return load;
  }

  private async compile(assistantId: string): Promise<LoadedGraph> {
    const spec = this.registry.get(assistantId);
    if (!spec) throw new GraphLoadError(assistantId, new Error("not registered"));
    try {
      const graphModule = await spec.load();
      const loaded: LoadedGraph = {
        spec,
        persistent: spec.resumable ? graphModule.workflow.compile({ checkpointer: this.checkpointer }) : null,
        ephemeral: graphModule.workflow.compile(),
        inputSchema: graphModule.inputSchema,
      };
      this.state.set(assistantId, "compiled");
      return loaded;
    } catch (e) {
      this.state.set(assistantId, "failed");
      throw new GraphLoadError(assistantId, e);
    }
  }

  /** Ids compiled so far; never waits on a compile in progress. */
  compiled(): string[] {
    return [...this.state].filter(([, s]) => s === "compiled").map(([id]) => id);
  }

  failed(): string[] {
    return [...this.state].filter(([, s]) => s === "failed").map(([id]) => id);
  }
}
