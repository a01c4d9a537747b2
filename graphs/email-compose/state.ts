import { Annotation } from "@langchain/langgraph";
import { z } from "zod";
import { callTrail, type CalledProvenance } from "@/graphs/shared/provenance";
import { ComposeBrief, type OutreachDraft } from "@/lib/outreach/brief";

export const inputSchema = z.object({ brief: ComposeBrief }).strict();
export type ComposeInput = z.input<typeof inputSchema>;

/** A draft as the compose graph returns it; its provenance names the path that wrote it (model or offline template). */
export type ComposedDraft = OutreachDraft<CalledProvenance>;

export const ComposeState = Annotation.Root({
  brief: Annotation<ComposeBrief>,
  draft: Annotation<ComposedDraft | undefined>,
  /** Set when the reviewer is satisfied or can no longer help. */
  refineDone: Annotation<boolean | undefined>,
  /** Every model call's path in this run (see graphs/shared/provenance.ts). */
  calls: callTrail(),
});
export type ComposeStateType = typeof ComposeState.State;
export type ComposeOutput = ComposeStateType;
