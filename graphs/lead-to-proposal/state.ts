import { Annotation } from "@langchain/langgraph";
import { z } from "zod";
import { REJECT_LABELS, type ProposalDocument } from "@/db/schema";
import { callTrail, type CalledProvenance } from "@/graphs/shared/provenance";
import { ProposalEdit, type SectionDrafts } from "@/lib/outreach/proposal";
import type { QualifyVerdict } from "@/lib/outreach/qualify";

export const inputSchema = z
  .object({
    contactId: z.number().int().positive(),
    /** The user who asked for the proposal. */
    requestedBy: z.string().nullable().default(null),
  })
  .strict();
export type LeadToProposalInput = z.input<typeof inputSchema>;

/**
 * What a person answers at the approval interrupt (Agent Inbox response types, as the email
 * orchestrator's): accept, edit (the sections as changed, re-checked before they stand) and
 * ignore (reject, with a reason and a preset label). No respond: a proposal is edited, not redrafted.
 */
export const ProposalResponse = z.discriminatedUnion("type", [
  z.object({ type: z.literal("accept"), decidedBy: z.string().nullable().default(null) }),
  z.object({ type: z.literal("edit"), args: ProposalEdit, decidedBy: z.string().nullable().default(null) }),
  z.object({
    type: z.literal("ignore"),
    reason: z.string().trim().max(500).default(""),
    label: z.enum(REJECT_LABELS).nullable().default(null),
    decidedBy: z.string().nullable().default(null),
  }),
]);
export type ProposalResponse = z.input<typeof ProposalResponse>;

/** The lead as the graph keeps it: plain JSON, safe to checkpoint. */
export type LeadSnapshot = {
  contact: { id: number; firstName: string; lastName: string; title: string | null; seniority: string | null; department: string | null; ownerId: string | null };
  company: { id: number; name: string; vertical: string; size: string | null; hqCity: string | null };
  facts: ProposalDocument["facts"];
  senderName: string;
};

export type Finding = { text: string; factIds: number[] };

/** The proposal as written (model or template), before the faithfulness check. */
export type WrittenProposal = { title: string; sections: SectionDrafts; model: string; provenance: CalledProvenance };

/** How the run ended, for callers. `needs_fix`: approved with flagged claims left, so it waits again. */
export type Outcome =
  | { status: "unqualified"; reason: string }
  | { status: "drafted"; draftId: number; flagged: number }
  | { status: "needs_fix"; draftId: number; flagged: number }
  | { status: "approved"; draftId: number; edited: boolean }
  | { status: "rejected"; draftId: number; reason: string };

export const LeadToProposalState = Annotation.Root({
  contactId: Annotation<number>,
  requestedBy: Annotation<string | null>,
  snapshot: Annotation<LeadSnapshot | undefined>,
  qualification: Annotation<QualifyVerdict | undefined>,
  findings: Annotation<Finding[] | undefined>,
  /** Where the findings came from: the model's research, or the facts themselves (offline). */
  findingsSource: Annotation<"model" | "facts_as_findings" | undefined>,
  proposal: Annotation<WrittenProposal | undefined>,
  /** The checked proposal, as stored on the draft. */
  document: Annotation<ProposalDocument | undefined>,
  draftId: Annotation<number | undefined>,
  /** The person's answer at the approval interrupt, validated by apply_decision. */
  response: Annotation<unknown>,
  outcome: Annotation<Outcome | undefined>,
  calls: callTrail(),
});
export type LeadToProposalStateType = typeof LeadToProposalState.State;
export type LeadToProposalOutput = LeadToProposalStateType;
