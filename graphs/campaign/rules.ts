import { z } from "zod";
import type { CampaignPlan, Provenance } from "@/db/schema";
import { angleForTouch, COACH_RULES_VERSION, coerceCoachPlan, defaultPlan, type CoerceFailure } from "@/lib/campaigns/coach-plan";
import type { CampaignSendRefusal } from "@/lib/campaigns/send-check";
import { DEFAULT_CADENCE_DAYS } from "@/lib/governor/cadence";
import type { loadTouchContext } from "@/db/queries/campaigns";
import type { CampaignSnapshot, TouchContext } from "./state";

/** Stamped on a plan the thread took without a model (the campaign's stored plan, or the defaults). */
export const RULES_VERSION = `campaign-rules-v1+${COACH_RULES_VERSION}`;

/**
 * The coach's answer as parsed JSON: only its shape is checked here; lib/campaigns/coach-plan.ts
 * clamps and judges the values (an invalid tone fails the plan open to the defaults, it is not a
 * parse error that hides what the model said).
 */
export const ModelPlan = z.object({
  angle: z.string(),
  tone: z.string(),
  cadenceDays: z.array(z.number()),
  maxTouches: z.number(),
  stopCriteria: z.string().default(""),
  touchAngles: z.array(z.string()).optional(),
  confidence: z.number().optional(),
  reason: z.string().max(500).optional(),
});
export type ModelPlanAnswer = z.output<typeof ModelPlan>;

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

/**
 * The thread's plan from the coach's answer, or why it was refused (then the node takes the
 * fallback: the launched plan, or the defaults). Cadence and touch budget stay the launched
 * plan's when the campaign has one: the operator reviewed them and the launch forecast was made
 * from them, so the coach personalises angle, tone and stop criteria within that frame.
 */
export function coachedPlan(answer: ModelPlanAnswer, campaign: CampaignSnapshot, model: string, promptVersion: string): { ok: true; plan: CampaignPlan } | { ok: false; reason: CoerceFailure } {
  const launched = campaign.plan;
  const result = coerceCoachPlan(launched ? { ...answer, cadenceDays: launched.cadenceDays, maxTouches: launched.maxTouches } : answer);
  if (!result.ok) return result;
  const note = result.clamped.length ? ` Clamped to the limits: ${result.clamped.join(", ")}.` : "";
  const provenance: Provenance = {
    confidence: clamp01(answer.confidence ?? 0.5),
    reason: `${answer.reason?.trim() || `Planned by ${model} for this contact.`}${note}`,
    source: "model",
    evidence: launched ? [`Cadence and touches from the launched plan. ${planOrigin(launched.provenance.source)}.`] : [],
  };
  return { ok: true, plan: { ...result.plan, provenance, version: promptVersion } };
}

/**
 * The plan offline: the campaign's plan as launched (the operator's or the panel's, already
 * coerced), labelled as taken without a model; the defaults when the campaign has none.
 */
export function offlinePlan(campaign: CampaignSnapshot, why: string): CampaignPlan {
  const launched = campaign.plan;
  if (!launched) return defaultPlan({ angle: campaign.angle, tone: campaign.tone }, `${why}, and the campaign has no plan`);
  return {
    ...launched,
    provenance: { ...launched.provenance, reason: `The campaign's plan as launched, taken as is (${why}). ${launched.provenance.reason}`, evidence: [...launched.provenance.evidence, `${planOrigin(launched.provenance.source)}.`] },
    version: RULES_VERSION,
  };
}

/** Touch 1 opens; every later touch follows up on the unanswered one before it. */
export const touchAction = (touch: number): "initial" | "followup" => (touch <= 1 ? "initial" : "followup");

/** The angle of touch `touch` (1-based). */
export const touchAngle = (plan: CampaignPlan, touch: number) => angleForTouch(plan, touch);

/** Days between touch `touch` and the one after it (the gap before touch + 1). */
export function gapAfter(plan: CampaignPlan, touch: number): number {
  return plan.cadenceDays[touch] ?? DEFAULT_CADENCE_DAYS[touch] ?? 7;
}

/** Stop reasons that belong to check_reply (the contact or the company answered); the rest are the guard's. */
const REPLY_REASONS: ReadonlySet<CampaignSendRefusal> = new Set(["replied", "meeting", "company_reply", "enrollment_ended"]);
export const isReplyStop = (reason: CampaignSendRefusal) => REPLY_REASONS.has(reason);

/** The run's "now": the caller's clock when it sent one, else the given fallback (the system clock). */
export function nowOf(at: string | undefined, fallback: () => Date): Date {
  const ms = at ? Date.parse(at) : NaN;
  return Number.isFinite(ms) ? new Date(ms) : fallback();
}

type Loaded = NonNullable<Awaited<ReturnType<typeof loadTouchContext>>>;

/** The loaded rows as the thread keeps them (plain JSON, safe to checkpoint). */
export function contextOf(loaded: Loaded): TouchContext {
  const { contact, company, campaign } = loaded;
  return {
    enrollmentId: loaded.enrollmentId,
    contact: { id: contact.id, firstName: contact.firstName, lastName: contact.lastName, email: contact.email, title: contact.title, seniority: contact.seniority, department: contact.department, ownerId: contact.ownerId },
    company: { id: company.id, name: company.name, vertical: company.vertical, size: company.size, hqCity: company.hqCity, country: company.country },
    facts: loaded.facts,
    campaign: { id: campaign.id, name: campaign.name, angle: campaign.angle, tone: campaign.tone, plan: campaign.plan, panel: campaign.panel },
    senderName: loaded.ownerName ?? "The Sales Team",
  };
}

const PLAN_ORIGIN: Record<string, string> = {
  campaign_panel: "Plan from the campaign panel",
  operator: "Plan written by the operator",
  model: "Plan from the model",
  rule_based_fallback: "Plan from the audience rules (offline)",
  default_plan: "Default plan",
};

/** The touch's evidence line in words: the reviewer reads it, so no internal source codes. */
export function touchEvidence(touch: number, maxTouches: number, source: string, version: string): string {
  return `Touch ${touch} of ${maxTouches}. ${planOrigin(source)} (version ${version}).`;
}

/** A plan's source (the panel, the coach, the defaults) as a reviewer reads it. */
export function planOrigin(source: string): string {
  return PLAN_ORIGIN[source] ?? `Plan from ${source.replace(/_/g, " ")}`;
}
