import { Annotation, END, interrupt, START, StateGraph } from "@langchain/langgraph";
import { z } from "zod";

/** A resumable graph that pauses for a person, as the email orchestrator does, with no model. */
export const inputSchema = z.object({ subject: z.string().min(1).max(200) });
export type ApprovalInput = z.input<typeof inputSchema>;
export type ApprovalResume = { decision: "approve" | "reject"; note?: string };

const ApprovalState = Annotation.Root({
  subject: Annotation<string>,
  draft: Annotation<string>,
  decision: Annotation<"approve" | "reject" | undefined>,
  note: Annotation<string | undefined>,
});
export type ApprovalOutput = typeof ApprovalState.State;

export const workflow = new StateGraph(ApprovalState)
  .addNode("write_draft", (s) => ({ draft: `Draft about ${s.subject}` }))
  .addNode("await_decision", (s) => {
    const answer = interrupt({ action_request: { action: "review", args: { draft: s.draft } }, description: `Review the draft about **${s.subject}**` }) as ApprovalResume;
    return { decision: answer.decision, note: answer.note };
  })
  .addEdge(START, "write_draft")
  .addEdge("write_draft", "await_decision")
  .addEdge("await_decision", END);

export const graph = workflow.compile();
