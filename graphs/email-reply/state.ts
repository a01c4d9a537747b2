import { Annotation } from "@langchain/langgraph";
import { z } from "zod";
import type { ComposedDraft } from "@/graphs/email-compose/graph";
import type { ComposeBrief } from "@/lib/outreach/brief";
import { callTrail } from "@/graphs/shared/provenance";
import type { GateReason } from "@/lib/safety/gate";

export const inputSchema = z
  .object({
    contactId: z.number().int().positive(),
    /** The contact's message to answer (an inbound email of theirs). */
    inboundEmailId: z.number().int().positive(),
  })
  .strict();
export type ReplyInput = z.input<typeof inputSchema>;

/**
 * Why no reply was drafted: the message is not this contact's (`not_found`) or not inbound, the
 * safety gate refused the contact, or the message needs no answer (auto-reply, spam, bounce, unsubscribe).
 */
export type ReplySkipReason = "not_found" | "not_inbound" | "no_reply_needed" | GateReason;

/** `promptVersion`: the compose prompt's version, or the offline template's when no prompt ran. */
export type ReplyOutcome = { status: "drafted"; promptVersion: string } | { status: "skipped"; reason: ReplySkipReason };

export const ReplyState = Annotation.Root({
  contactId: Annotation<number>,
  inboundEmailId: Annotation<number>,
  brief: Annotation<ComposeBrief | undefined>,
  /** The composed answer; returned to the caller, never stored or sent by this graph. */
  draft: Annotation<ComposedDraft | undefined>,
  outcome: Annotation<ReplyOutcome | undefined>,
  /** The compose subgraph's model-call paths (graphs/shared/provenance.ts). */
  calls: callTrail(),
});
export type ReplyStateType = typeof ReplyState.State;
export type ReplyOutput = ReplyStateType;
