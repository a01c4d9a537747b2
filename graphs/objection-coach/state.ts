import { Annotation } from "@langchain/langgraph";
import { z } from "zod";
import type { CoachedSentence, Provenance, Vertical } from "@/db/schema";
import { callTrail, type CallPath } from "@/graphs/shared/provenance";
import type { ObjectionClass } from "@/lib/objections/kinds";
import type { PlaybookEntry } from "@/lib/objections/playbook";
import type { GateReason } from "@/lib/safety/gate";

/** The longest rep's note read; a call summary, not a transcript. */
export const MAX_NOTE_CHARS = 2_000;

export const inputSchema = z
  .object({
    /** An inbound email of the contact's to answer. */
    emailId: z.number().int().positive().optional(),
    /** With `note`: the contact a rep heard the objection from (on a call, in a meeting). */
    contactId: z.number().int().positive().optional(),
    note: z.string().trim().min(1, "The note is empty.").max(MAX_NOTE_CHARS).optional(),
    /** The user who asked. */
    requestedBy: z.string().nullable().default(null),
    /** Who asked: a rep in the console, or a CRM plan's step (crm-orchestrator; its id is written only in its meta). */
    by: z.enum(["rep", "plan"]).default("rep"),
  })
  .strict()
  .refine((i) => (i.emailId !== undefined) !== (i.contactId !== undefined && i.note !== undefined), {
    message: "Give either emailId, or contactId with a note.",
    path: ["emailId"],
  })
  .refine((i) => i.emailId === undefined || (i.contactId === undefined && i.note === undefined), { message: "Give either emailId, or contactId with a note.", path: ["emailId"] });
export type ObjectionCoachInput = z.input<typeof inputSchema>;

/** Why no draft was made: the message is not a contact's inbound email, the gate refused, or the message needs no answer. */
export type CoachSkipReason = "not_found" | "not_inbound" | "no_reply_needed" | GateReason;

/** The objection the coach is answering, where it came from, and who it is for: plain JSON, safe to checkpoint. */
export type CoachContext = {
  contact: { id: number; firstName: string; lastName: string; email: string; ownerId: string | null };
  company: { id: number; name: string; vertical: Vertical };
  facts: { id: number; fact: string; confidence: number }[];
  /** The inbound email answered, when the objection came by email. */
  inbound: { id: number; subject: string; body: string; messageId: string; threadId: string; campaignId: number | null } | null;
  note: string | null;
  senderName: string;
  playbook: { version: number; entries: PlaybookEntry[] };
};

export type CoachClassification = {
  objection: ObjectionClass;
  confidence: number;
  reason: string;
  provenance: Provenance & { path: CallPath };
  /** PROMPT_VERSION when the model's class stands, else RULES_VERSION. */
  promptVersion: string;
};

/** The rebuttal before and after the faithfulness gate. */
export type Rebuttal = {
  subject: string;
  /** The grounded core as written (model or template), before the gate. */
  written: string;
  /** The email as the rep will see it: greeting, the gated core, the call to action, the sign-off. */
  body: string;
  sentences: CoachedSentence[];
  reviewFlags: string[];
  model: string;
  promptVersion: string;
  provenance: Provenance & { path: CallPath };
};

export type CoachOutcome =
  | { status: "drafted"; draftId: number; coachingId: number }
  | { status: "no_objection"; coachingId: number }
  | { status: "skipped"; reason: CoachSkipReason }
  | { status: "approved"; draftId: number; edited: boolean }
  | { status: "rejected"; draftId: number };

export const ObjectionCoachState = Annotation.Root({
  emailId: Annotation<number | undefined>,
  contactId: Annotation<number | undefined>,
  note: Annotation<string | undefined>,
  requestedBy: Annotation<string | null>,
  by: Annotation<"rep" | "plan">,
  context: Annotation<CoachContext | undefined>,
  classification: Annotation<CoachClassification | undefined>,
  rebuttal: Annotation<Rebuttal | undefined>,
  draftId: Annotation<number | undefined>,
  coachingId: Annotation<number | undefined>,
  /** What the person answered at the approval interrupt (Agent Inbox shape). */
  response: Annotation<unknown>,
  /** Redraft requests answered so far (the coach does not redraft; each is recorded as unchanged). */
  revisions: Annotation<number | undefined>,
  outcome: Annotation<CoachOutcome | undefined>,
  calls: callTrail(),
});
export type ObjectionCoachStateType = typeof ObjectionCoachState.State;
export type ObjectionCoachOutput = ObjectionCoachStateType;
