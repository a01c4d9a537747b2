import { Annotation, END, START, StateGraph } from "@langchain/langgraph";
import { z } from "zod";

/** A stateless two-node graph with no model: the runtime's benchmark and compatibility subject. */
export const inputSchema = z.object({
  message: z.string().min(1).max(2_000),
  repeat: z.number().int().min(1).max(10).default(1),
});
export type EchoInput = z.input<typeof inputSchema>;

const EchoState = Annotation.Root({
  message: Annotation<string>,
  repeat: Annotation<number>,
  echoed: Annotation<string>,
  length: Annotation<number>,
});
export type EchoOutput = typeof EchoState.State;

export const workflow = new StateGraph(EchoState)
  .addNode("echo_message", (s) => ({ echoed: Array.from({ length: s.repeat ?? 1 }, () => s.message).join(" ") }))
  .addNode("measure", (s) => ({ length: s.echoed.length }))
  .addEdge(START, "echo_message")
  .addEdge("echo_message", "measure")
  .addEdge("measure", END);

export const graph = workflow.compile();
