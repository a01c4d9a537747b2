import { Annotation } from "@langchain/langgraph";
import { z } from "zod";
import { callTrail, type Provenance } from "@/graphs/shared/provenance";

/** The closed label set (strict JSON); anything else from a model is invalid output. */
export const LABELS = [
  "interested", "not_interested", "auto_reply", "bounced", "info_request", "unsubscribe", "spam", "partnership", "meeting_scheduled",
] as const;
export type InboundLabel = (typeof LABELS)[number];

/** Which deterministic guard replaced a model's label, and what it replaced. */
export type GuardOverride = { guard: "opt_out" | "machine_sent" | "injection"; modelLabel: InboundLabel; label: InboundLabel; why: string };
export type Polarity = "positive" | "negative" | "neutral";

export const inputSchema = z
  .object({
    subject: z.string().max(1_000),
    /** The message text; callers pass at most the first 50,000 characters. */
    body: z.string().max(50_000),
    /** The sender's address (or "Name <address>"). */
    from: z.string().max(500),
    /** Headers the gateway saw that say who wrote it (Auto-Submitted, Content-Type of a delivery report…). Optional. */
    headers: z.record(z.string().max(100), z.string().max(1_000)).refine((h) => Object.keys(h).length <= 20, "at most 20 headers").optional(),
    /** When the message arrived (ISO 8601); an out-of-office's "back on 5 January" is read from it. Default: now. */
    receivedAt: z.iso.datetime({ offset: true }).optional(),
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
  /** For an auto_reply that says when its writer is back: that day (YYYY-MM-DD), for campaigns to pause until. */
  returnDate?: string;
  /** When a deterministic guard replaced the model's label: which guard, the model's label and why (rules.ts). */
  guard?: GuardOverride;
};

export const ClassifyState = Annotation.Root({
  subject: Annotation<string>,
  body: Annotation<string>,
  from: Annotation<string>,
  headers: Annotation<Record<string, string> | undefined>,
  receivedAt: Annotation<string | undefined>,
  classification: Annotation<Classification | undefined>,
  /** The model call's path: when it fell back, why, for the keyword rules' provenance. */
  calls: callTrail(),
});
export type ClassifyStateType = typeof ClassifyState.State;
export type ClassifyOutput = ClassifyStateType;
