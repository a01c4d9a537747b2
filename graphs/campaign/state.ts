import { Annotation } from "@langchain/langgraph";
import { z } from "zod";
import { REJECT_LABELS, type CampaignPlan } from "@/db/schema";
import type { ComposedDraft } from "@/graphs/email-compose/graph";
import { callTrail } from "@/graphs/shared/provenance";

/** ISO time of the caller's clock (the job runner's, a test's): every scheduling decision in the run reads it. */
const at = z.iso.datetime({ offset: true }).optional();

export const inputSchema = z
  .object({
    campaignId: z.number().int().positive(),
    contactId: z.number().int().positive(),
    at,
  })
  .strict();
export type CampaignInput = z.input<typeof inputSchema>;

/**
 * What resumes a campaign thread: at the approval interrupt a person's decision (Agent Inbox
 * accept / edit / ignore) or `withdrawn` (the enrollment stopped while the draft waited); at the
 * sleep interrupt `wake` (the scheduler: the wake time has come, or the enrollment was resumed).
 */
export const CampaignResume = z.discriminatedUnion("type", [
  z.object({ type: z.literal("accept"), decidedBy: z.string().nullable().default(null), at }),
  z.object({
    type: z.literal("edit"),
    args: z.object({ subject: z.string().trim().min(1).max(200), body: z.string().trim().min(1).max(10_000) }),
    decidedBy: z.string().nullable().default(null),
    at,
  }),
  z.object({
    type: z.literal("ignore"),
    reason: z.string().trim().max(500).default(""),
    label: z.enum(REJECT_LABELS).nullable().default(null),
    decidedBy: z.string().nullable().default(null),
    at,
  }),
  z.object({ type: z.literal("withdrawn"), at }),
  z.object({ type: z.literal("wake"), at }),
]);
export type CampaignResume = z.input<typeof CampaignResume>;

/** The contact and campaign as the thread keeps them: plain JSON, safe to checkpoint. */
export type TouchContext = {
  enrollmentId: number;
  contact: { id: number; firstName: string; lastName: string; email: string; title: string | null; seniority: string | null; department: string | null; ownerId: string | null };
  company: { id: number; name: string; vertical: string; size: string | null; hqCity: string | null; country: string | null };
  facts: { id: number; fact: string; source: string; confidence: number }[];
  campaign: CampaignSnapshot;
  senderName: string;
};

/** The campaign as the thread keeps it, with the plan it launched with and the panel's output. */
export type CampaignSnapshot = { id: number; name: string; angle: string | null; tone: CampaignPlan["tone"]; plan: CampaignPlan | null; panel: Record<string, unknown> | null };

/** How the run left the thread. */
export type Outcome =
  | { status: "awaiting_approval"; step: number; draftId: number }
  | { status: "sleeping"; step: number; wakeAt: number | null; why: string; hold: boolean }
  | { status: "ended"; step: number; enrollment: string; reason: string };

export const CampaignState = Annotation.Root({
  campaignId: Annotation<number>,
  contactId: Annotation<number>,
  /** The caller's clock at this run's start or resume (ISO); absent → the system clock. */
  at: Annotation<string | undefined>,
  context: Annotation<TouchContext | undefined>,
  /** The coach plan, made once at step 0 with its provenance, never re-planned. */
  plan: Annotation<CampaignPlan | undefined>,
  /** Touches finished (sent, or skipped by a person's rejection); the next touch is step + 1. */
  step: Annotation<number>({ reducer: (_, next) => next, default: () => 0 }),
  draft: Annotation<ComposedDraft | undefined>,
  draftId: Annotation<number | undefined>,
  response: Annotation<unknown>,
  /** When the last touch was queued to send (epoch ms): the next gap counts from it. */
  lastTouchAt: Annotation<number | undefined>,
  /** When the thread next wakes (epoch ms), or null for a pause only a person ends. */
  wakeAt: Annotation<number | null | undefined>,
  outcome: Annotation<Outcome | undefined>,
  /** Every model call's path, the compose subgraph's included. */
  calls: callTrail(),
});
export type CampaignStateType = typeof CampaignState.State;
export type CampaignOutput = CampaignStateType;
