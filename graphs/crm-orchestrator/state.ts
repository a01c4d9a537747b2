import { Annotation } from "@langchain/langgraph";
import { z } from "zod";
import type { CrmState } from "@/db/queries/crm-state";
import { callTrail, type Provenance } from "@/graphs/shared/provenance";
import { AUTONOMY_LEVELS, type AutonomyLevel } from "@/lib/crm-actions/gate";

const id = z.number().int().positive();

export const inputSchema = z
  .object({
    /** What the plan is for, in a person's words ("book a meeting with the economic buyer"). */
    goal: z.string().trim().min(3).max(300),
    /** The account; with `contactId`, the contact's own company. */
    companyId: id,
    /** The contact the plan is for; null: the whole account. */
    contactId: id.nullable().default(null),
    /** The gate's level for this plan; absent: the graph's configured default. */
    autonomy: z.enum(AUTONOMY_LEVELS).optional(),
  })
  .strict();
export type CrmOrchestratorInput = z.input<typeof inputSchema>;

/** An action as a planner proposed it, before it is checked against the vocabulary. */
export type ProposedAction = { action: string; params: Record<string, unknown>; confidence: number; reason: string };

/** A proposed action after parsing and the gate: kept (to run or to approve) or dropped, with why. */
export type PlannedStep = {
  position: number;
  action: string;
  params: Record<string, unknown>;
  confidence: number;
  reason: string;
  verdict: "auto_run" | "needs_approval" | "dropped";
  verdictReason: string;
};

/** Who planned: `model`; `rules` (no model asked); `rule_based_fallback` (the model could not answer). */
export type PlanSource = "model" | "rules" | "rule_based_fallback";

/** The plan as a whole: the reasoning, its provenance and the version that produced it. */
export type Planning = {
  reasoning: string;
  provenance: Provenance & { source: PlanSource };
  /** PROMPT_VERSION when the model planned, else RULES_VERSION. */
  promptVersion: string;
  model: string | null;
};

export const CrmOrchestratorState = Annotation.Root({
  goal: Annotation<string>,
  companyId: Annotation<number>,
  contactId: Annotation<number | null>,
  autonomy: Annotation<AutonomyLevel | undefined>,
  /** The CRM state the plan is reasoned from (db/queries/crm-state.ts). */
  crm: Annotation<CrmState | undefined>,
  /** What the planner proposed (model or rules), unchecked. */
  proposed: Annotation<ProposedAction[] | undefined>,
  reasoning: Annotation<string | undefined>,
  model: Annotation<string | null | undefined>,
  steps: Annotation<PlannedStep[] | undefined>,
  planning: Annotation<Planning | undefined>,
  /** The model call's path (graphs/shared/provenance.ts). */
  calls: callTrail(),
});
export type CrmOrchestratorStateType = typeof CrmOrchestratorState.State;
export type CrmOrchestratorOutput = CrmOrchestratorStateType;
