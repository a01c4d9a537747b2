import { Annotation, END, START, StateGraph, type LangGraphRunnableConfig } from "@langchain/langgraph";
import { z } from "zod";
import type { GraphModule } from "../../spec";

/**
 * A run that does work of two kinds beneath it, with no model: a subgraph inside one of its nodes
 * (as the orchestrator runs email_compose inside `compose`), and a background run started from
 * another node and left running (as memory reflection is after a send).
 */
export const inputSchema = z.object({ message: z.string().min(1).max(200) });
export type NestingInput = z.input<typeof inputSchema>;

/** Starts a run on behalf of `parentRunId` and returns at once; the graph never waits for it. */
export type StartChildRun = (parentRunId: string, message: string) => void;

const InnerState = Annotation.Root({ message: Annotation<string>, echoed: Annotation<string>, length: Annotation<number> });

/** The subgraph: echoes twice, telling custom-stream readers as it goes, then measures. */
const inner = new StateGraph(InnerState)
  .addNode("echo_twice", (s, config: LangGraphRunnableConfig) => {
    config.writer?.({ echoing: s.message });
    return { echoed: `${s.message} ${s.message}` };
  })
  .addNode("measure", (s) => ({ length: s.echoed.length }))
  .addEdge(START, "echo_twice")
  .addEdge("echo_twice", "measure")
  .addEdge("measure", END)
  .compile();

const NestingState = Annotation.Root({
  message: Annotation<string>,
  echoed: Annotation<string>,
  /** The run id the background run was started under. */
  childOf: Annotation<string>,
});
export type NestingOutput = typeof NestingState.State;

/**
 * The graph module, with the way to start a background run injected: the test hands in the
 * typed client, so the child goes through the same HTTP runtime as any other run.
 */
export function nestingModule(startChild: StartChildRun): GraphModule {
  const workflow = new StateGraph(NestingState)
    .addNode("echo_inside", async (s, config: LangGraphRunnableConfig) => {
      const result = await inner.invoke({ message: s.message }, config);
      return { echoed: result.echoed };
    })
    .addNode("start_background", (s, config: LangGraphRunnableConfig) => {
      const runId = config.configurable?.run_id;
      if (typeof runId !== "string") throw new Error("start_background needs the run id in config.configurable.run_id");
      startChild(runId, s.echoed);
      return { childOf: runId };
    })
    .addEdge(START, "echo_inside")
    .addEdge("echo_inside", "start_background")
    .addEdge("start_background", END);
  return { workflow, inputSchema };
}
