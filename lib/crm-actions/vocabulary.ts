import { z } from "zod";

/**
 * The closed vocabulary of crm_orchestrator: the only actions a plan may hold. Anything else a
 * planner proposes is dropped (and recorded as dropped), never run.
 */
export const ACTIONS = [
  "score",
  "classify_country",
  "enroll_in_campaign",
  "draft_reply",
  "draft_proposal",
  "handle_objection",
  "create_follow_up_task",
  "flag_for_person",
] as const;
export type CrmAction = (typeof ACTIONS)[number];

export const isCrmAction = (name: unknown): name is CrmAction => typeof name === "string" && (ACTIONS as readonly string[]).includes(name);

const id = z.number().int().positive();
const contact = z.object({ contactId: id }).strict();

/** Each action's parameters, strictly: an unknown key or a wrong type drops the step. */
export const ACTION_PARAMS = {
  score: contact,
  classify_country: z.object({ companyId: id }).strict(),
  enroll_in_campaign: z.object({ contactId: id, campaignId: id }).strict(),
  draft_reply: contact,
  draft_proposal: contact,
  handle_objection: z.object({ contactId: id, emailId: id.optional() }).strict(),
  create_follow_up_task: z
    .object({ contactId: id, title: z.string().trim().min(1).max(200), dueInDays: z.number().int().min(0).max(60) })
    .strict(),
  flag_for_person: z.object({ contactId: id.optional(), reason: z.string().trim().min(1).max(300) }).strict(),
} as const satisfies Record<CrmAction, z.ZodType>;

export type ActionParams = { [A in CrmAction]: z.output<(typeof ACTION_PARAMS)[A]> };

/** One planned action with its typed parameters. */
export type TypedAction = { [A in CrmAction]: { action: A; params: ActionParams[A] } }[CrmAction];

/**
 * Risk classes: `reversible` — a row a person can undo or ignore (a score, a country, a task, a
 * flag); `draft` — writes a draft into a person's queue, never a send; `starts_sends` — an
 * enrollment whose campaign will send mail later: irreversible once the first touch goes.
 */
export type Risk = "reversible" | "draft" | "starts_sends";

export type ActionPolicy = {
  risk: Risk;
  /** The least confidence at which the gate lets the action run without a person. */
  threshold: number;
  /** What the action does, for people reading a plan. */
  label: string;
};

/**
 * Per-action policy. Thresholds rise with what a wrong run costs: a wrong task or flag costs a
 * person a glance; a wrong country skews send windows; a wrong draft wastes a rep's review; a
 * wrong enrollment mails someone.
 */
export const POLICY: Record<CrmAction, ActionPolicy> = {
  score: { risk: "reversible", threshold: 0.6, label: "Score the contact" },
  classify_country: { risk: "reversible", threshold: 0.7, label: "Classify the company's country" },
  create_follow_up_task: { risk: "reversible", threshold: 0.6, label: "Create a follow-up task" },
  flag_for_person: { risk: "reversible", threshold: 0.3, label: "Flag for a person" },
  draft_reply: { risk: "draft", threshold: 0.7, label: "Draft the next email" },
  draft_proposal: { risk: "draft", threshold: 0.75, label: "Draft a proposal" },
  handle_objection: { risk: "draft", threshold: 0.75, label: "Draft an objection rebuttal" },
  enroll_in_campaign: { risk: "starts_sends", threshold: 0.8, label: "Enroll in a campaign" },
};
