import { z } from "zod";
import type { CrmState } from "@/db/queries/crm-state";
import { whyInWords, type CallPath } from "@/graphs/shared/provenance";
import { governanceGate, type AutonomyLevel } from "@/lib/crm-actions/gate";
import { ACTION_PARAMS, isCrmAction, type CrmAction } from "@/lib/crm-actions/vocabulary";
import { humanize } from "@/lib/format";
import type { PlannedStep, Planning, PlanSource, ProposedAction } from "./state";

/** The version stamped on a plan the rules made (offline-planner.ts) and on this file's checks. */
export const RULES_VERSION = "crm-orchestrator-rules-v1";

const MAX_REASON_CHARS = 300;
const MAX_REASONING_CHARS = 2000;

/**
 * The model's plan, strictly JSON: `reasoning` and `actions`, each an action name, its params, a
 * confidence and a reason. Names are not checked here — `checkSteps` drops the ones outside the
 * vocabulary and records them — but the shape is: a plan that is not this shape is invalid output.
 */
export const ModelPlan = z.object({
  reasoning: z.string().transform((r) => r.trim().slice(0, MAX_REASONING_CHARS)),
  actions: z
    .array(
      z.object({
        action: z.string().trim().max(60),
        params: z.record(z.string(), z.unknown()).default({}),
        confidence: z.number().transform((c) => Math.min(1, Math.max(0, c))),
        reason: z.string().default("").transform((r) => r.trim().slice(0, MAX_REASON_CHARS)),
      }),
    )
    .max(20),
});

/** Why a typed action does not belong to this plan's subject (an id the state does not hold), or null. */
export function outOfScope(action: CrmAction, params: Record<string, unknown>, crm: CrmState): string | null {
  const contact = typeof params.contactId === "number" ? crm.contacts.find((c) => c.id === params.contactId) : undefined;
  if (params.contactId !== undefined && !contact) return `contact ${String(params.contactId)} is not in this plan's scope`;
  if (params.companyId !== undefined && params.companyId !== crm.company.id) return `company ${String(params.companyId)} is not this plan's account`;
  if (action === "enroll_in_campaign" && !crm.campaigns.some((c) => c.id === params.campaignId)) return `campaign ${String(params.campaignId)} is not an active campaign for this account`;
  if (action === "handle_objection" && params.emailId !== undefined && contact?.lastEmail?.id !== params.emailId) return `email ${String(params.emailId)} is not the contact's latest email`;
  return null;
}

const dropped = (position: number, p: ProposedAction, why: string): PlannedStep => ({
  position,
  action: p.action.slice(0, 60),
  params: p.params,
  confidence: p.confidence,
  reason: p.reason,
  verdict: "dropped",
  verdictReason: why,
});

/**
 * Every proposed action, checked in order and gated: an action outside the closed vocabulary,
 * with parameters its schema refuses, naming an id outside the plan's subject, repeating an
 * earlier step, or past `maxActions` kept steps is dropped with the reason (and kept in the plan
 * as dropped, so a person sees what the planner wanted). The rest pass the governance gate at
 * `level`: run by themselves, or wait for a person.
 */
export function checkSteps(proposed: ProposedAction[], crm: CrmState, level: AutonomyLevel, maxActions: number): PlannedStep[] {
  const seen = new Set<string>();
  let kept = 0;
  return proposed.map((p, position) => {
    if (!isCrmAction(p.action)) return dropped(position, p, `"${p.action.slice(0, 60)}" is not in the action vocabulary.`);
    const parsed = ACTION_PARAMS[p.action].safeParse(p.params);
    if (!parsed.success) return dropped(position, p, `Its parameters are invalid: ${parsed.error.issues.map((i) => `${i.path.join(".") || "params"} ${i.message}`).join("; ")}.`);
    const params = parsed.data as Record<string, unknown>;
    const scope = outOfScope(p.action, params, crm);
    if (scope) return dropped(position, p, `Out of scope: ${scope}.`);
    const key = `${p.action}:${JSON.stringify(params)}`;
    if (seen.has(key)) return dropped(position, p, "It repeats an earlier step.");
    seen.add(key);
    if (++kept > maxActions) return dropped(position, p, `Over the limit of ${maxActions} actions per plan.`);
    const gate = governanceGate(p.action, p.confidence, level);
    return { position, action: p.action, params, confidence: p.confidence, reason: p.reason, verdict: gate.verdict, verdictReason: gate.reason };
  });
}

/** A few lines of the state a plan was reasoned from, for its evidence. */
export function evidenceOf(crm: CrmState): string[] {
  const company = `account ${crm.company.id} ${crm.company.name} (${humanize(crm.company.vertical)}, country ${crm.company.country ?? "unknown"}, HQ ${crm.company.hqCity ?? "unknown"})`;
  const people = crm.contacts
    .slice(0, 4)
    .map((c) => `contact ${c.id}: ${c.title ?? "no title"} (${c.seniority ? humanize(c.seniority) : "seniority unknown"}), ${c.stats.outbound} sent, ${c.stats.opened} opened, ${c.stats.inbound} replies${c.blocked ? `, ${c.blocked}` : ""}`);
  return [company, ...people, `${crm.campaigns.length} active campaign(s) for the account`];
}

/**
 * The plan's provenance. Its confidence is that of its least sure kept step (a plan is as sure as
 * its weakest action), 0 when it kept none; the source says who planned and, for a fallback, why.
 */
export function planningOf(reasoning: string, steps: PlannedStep[], crm: CrmState, path: CallPath | undefined, model: string | null): Planning {
  const kept = steps.filter((s) => s.verdict !== "dropped");
  const confidence = kept.length ? Math.min(...kept.map((s) => s.confidence)) : 0;
  const source: PlanSource = !path ? "rules" : path.path === "fallback" ? "rule_based_fallback" : "model";
  const why = path?.path === "fallback" ? `Offline planner (${whyInWords(path.why)}). ` : "";
  return {
    reasoning: `${why}${reasoning}`,
    provenance: { confidence, reason: `${why}${reasoning}`.slice(0, 500), source, evidence: evidenceOf(crm), ...(path ? { path } : {}) },
    promptVersion: path && path.path !== "fallback" ? path.promptVersion : RULES_VERSION,
    model: source === "model" ? model : null,
  };
}
