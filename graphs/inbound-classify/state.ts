import { Annotation } from "@langchain/langgraph";
import { z } from "zod";
import { callTrail, type Provenance } from "@/graphs/shared/provenance";

/** The closed label set (strict JSON); anything else from a model is invalid output. */
export const LABELS = [
  "interested", "not_interested", "auto_reply", "bounced", "info_request", "unsubscribe", "spam", "partnership", "meeting_scheduled",
] as const;
export type InboundLabel = (typeof LABELS)[number];
export type Polarity = "positive" | "negative" | "neutral";

export const inputSchema = z
  .object({
    subject: z.string().max(1_000),
    /** The message text; callers pass at most the first 50,000 characters. */
    body: z.string().max(50_000),
    /** The sender's address (or "Name <address>"). */
    from: z.string().max(500),
  })
  .strict();
export type ClassifyInput = z.input<typeof inputSchema>;

/** One label with its polarity, why, and which prompt (or rule set) produced it. */
export type Classification = {
  label: InboundLabel;
  polarity: Polarity;
  provenance: Provenance;
  promptVersion: string;
  /** The model that answered; null when the keyword rules did. */
  model: string | null;
};

export const ClassifyState = Annotation.Root({
  subject: Annotation<string>,
  body: Annotation<string>,
  from: Annotation<string>,
  classification: Annotation<Classification | undefined>,
  /** The model call's path: when it fell back, why, for the keyword rules' provenance. */
  calls: callTrail(),
});
export type ClassifyStateType = typeof ClassifyState.State;
export type ClassifyOutput = ClassifyStateType;
