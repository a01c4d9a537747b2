import { Annotation } from "@langchain/langgraph";
import { z } from "zod";
import { ComposeBrief, type OutreachDraft } from "@/lib/outreach/brief";

export const inputSchema = z.object({ brief: ComposeBrief }).strict();
export type ComposeInput = z.input<typeof inputSchema>;

/** A draft as the compose graph returns it. */
export type ComposedDraft = OutreachDraft;

export const ComposeState = Annotation.Root({
  brief: Annotation<ComposeBrief>,
  draft: Annotation<ComposedDraft | undefined>,
  /** Set when the reviewer is satisfied or can no longer help. */
  refineDone: Annotation<boolean | undefined>,
});
export type ComposeStateType = typeof ComposeState.State;
export type ComposeOutput = ComposeStateType;
