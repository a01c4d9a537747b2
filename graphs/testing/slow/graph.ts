import { Annotation, END, START, StateGraph } from "@langchain/langgraph";
import { z } from "zod";

/** Sleeps for `ms`, honouring cancellation: the subject of timeout and busy-thread tests. */
export const inputSchema = z.object({ ms: z.number().int().min(0).max(60_000) });
export type SlowInput = z.input<typeof inputSchema>;

const SlowState = Annotation.Root({ ms: Annotation<number>, slept: Annotation<boolean> });
export type SlowOutput = typeof SlowState.State;

export const workflow = new StateGraph(SlowState)
  .addNode("sleep", async (s, config) => {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, s.ms);
      config.signal?.addEventListener("abort", () => {
        clearTimeout(timer);
        reject(new Error("aborted"));
      });
    });
    return { slept: true };
  })
  .addEdge(START, "sleep")
  .addEdge("sleep", END);

export const graph = workflow.compile();
