import { Annotation } from "@langchain/langgraph";
import { z } from "zod";
import { callTrail, type CalledProvenance } from "@/graphs/shared/provenance";

export const inputSchema = z
  .object({
    contactId: z.number().int().positive(),
    /** The email (sent or received) to remember. */
    emailId: z.number().int().positive(),
  })
  .strict();
export type ReflectInput = z.input<typeof inputSchema>;

/** The email as the graph keeps it: plain JSON, the send time as epoch ms. */
export type ReflectedEmail = {
  id: number;
  direction: "inbound" | "outbound";
  threadId: string;
  subject: string;
  body: string;
  sentAt: number;
  /** The classified label of an inbound message, if it has one. */
  label: string | null;
};

/** The one-line memory and why it reads as it does. */
export type Reflection = { content: string; provenance: CalledProvenance; promptVersion: string };

export type ReflectOutcome = { status: "stored"; content: string } | { status: "skipped"; reason: "not_found" };

export const ReflectState = Annotation.Root({
  contactId: Annotation<number>,
  emailId: Annotation<number>,
  email: Annotation<ReflectedEmail | undefined>,
  reflection: Annotation<Reflection | undefined>,
  outcome: Annotation<ReflectOutcome | undefined>,
  /** The model call's path (graphs/shared/provenance.ts). */
  calls: callTrail(),
});
export type ReflectStateType = typeof ReflectState.State;
export type ReflectOutput = ReflectStateType;
