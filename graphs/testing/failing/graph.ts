import { Annotation, END, START, StateGraph } from "@langchain/langgraph";
import { z } from "zod";

/** Its first node succeeds and its second throws: the subject of a run that fails part-way. */
export const inputSchema = z.object({ subject: z.string().min(1).max(200) });
export type FailingInput = z.input<typeof inputSchema>;

const FailingState = Annotation.Root({ subject: Annotation<string>, prepared: Annotation<boolean> });
export type FailingOutput = typeof FailingState.State;

export const workflow = new StateGraph(FailingState)
  .addNode("prepare", () => ({ prepared: true }))
  .addNode("explode", (s): Partial<FailingOutput> => {
    throw new Error(`The "failing" graph fails in explode on purpose (subject: ${s.subject}).`);
  })
  .addEdge(START, "prepare")
  .addEdge("prepare", "explode")
  .addEdge("explode", END);

export const graph = workflow.compile();
