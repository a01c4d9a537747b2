import { Annotation } from "@langchain/langgraph";
import { z } from "zod";
import type { ComposedDraft } from "@/graphs/email-compose/graph";
import type { ComposeBrief, Role } from "@/lib/outreach/brief";
import type { GateVerdict } from "@/lib/safety/gate";
import { callTrail } from "@/graphs/shared/provenance";
import type { Memory } from "@/lib/safety/trust";
import type { Action, Task, Verdict } from "./rules";

export const inputSchema = z
  .object({
    contactId: z.number().int().positive(),
    campaignId: z.number().int().positive().nullable().default(null),
    /** "reply": a person asked to answer the contact's latest message. */
    intent: z.enum(["outreach", "reply"]).default("outreach"),
    /** The user who asked for the draft. */
    requestedBy: z.string().nullable().default(null),
  })
  .strict();
export type OrchestratorInput = z.input<typeof inputSchema>;

// The approval answer is shared with every graph that pauses a draft for a person (lib/outreach/approval.ts).
export { ApprovalResponse } from "@/lib/outreach/approval";

/** The contact as the graph keeps it: plain JSON (timestamps as epoch ms), safe to checkpoint. */
export type ContactSnapshot = {
  contact: { id: number; firstName: string; lastName: string; email: string; title: string | null; seniority: string | null; department: string | null; ownerId: string | null; doNotContact: boolean; bounced: boolean; unsubscribed: boolean; replied: boolean };
  company: { id: number; name: string; vertical: string; size: string | null; hqCity: string | null };
  facts: { id: number; fact: string; source: string; confidence: number }[];
  campaign: { id: number; name: string; angle: string | null; tone: "warm" | "direct" | "formal" | "casual" | "consultative" } | null;
  suppressed: boolean;
  senderName: string;
};

export type History = {
  outboundCount: number;
  lastOutboundAt: number | null;
  lastOutboundSubject: string | null;
  unansweredInbound: { id: number; subject: string; body: string; sentAt: number; messageId: string; threadId: string } | null;
  pendingDraftId: number | null;
};

/** How the run ended, for callers and batch summaries. */
export type Outcome =
  | { status: "skipped"; reason: string }
  | { status: "drafted"; draftId: number }
  | { status: "approved"; draftId: number; edited: boolean }
  | { status: "rejected"; draftId: number; reason: string }
  | { status: "revised"; draftId: number; changed: boolean; note: string | null };

export const OrchestratorState = Annotation.Root({
  contactId: Annotation<number>,
  campaignId: Annotation<number | null>,
  intent: Annotation<"outreach" | "reply">,
  requestedBy: Annotation<string | null>,
  snapshot: Annotation<ContactSnapshot | undefined>,
  history: Annotation<History | undefined>,
  gate: Annotation<GateVerdict | undefined>,
  memories: Annotation<Memory[] | undefined>,
  plan: Annotation<Task[] | undefined>,
  qualification: Annotation<Verdict | undefined>,
  opportunity: Annotation<Verdict | undefined>,
  action: Annotation<Action | undefined>,
  roles: Annotation<Role[] | undefined>,
  brief: Annotation<ComposeBrief | undefined>,
  draft: Annotation<ComposedDraft | undefined>,
  review: Annotation<{ passed: boolean; flags: string[] } | undefined>,
  draftId: Annotation<number | undefined>,
  /** Revision requests handled on this thread's draft (the next one is number revisions + 1). */
  revisions: Annotation<number | undefined>,
  /** The person's answer at the approval interrupt, validated by apply_decision. */
  response: Annotation<unknown>,
  outcome: Annotation<Outcome | undefined>,
  /** Every model call's path in this run, the compose subgraph's included (graphs/shared/provenance.ts). */
  calls: callTrail(),
});
export type OrchestratorStateType = typeof OrchestratorState.State;
export type OrchestratorOutput = OrchestratorStateType;
