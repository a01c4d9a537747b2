import { TONES, type CampaignPlan, type Provenance, type Tone } from "@/db/schema";
import { DEFAULT_CADENCE_DAYS, DEFAULT_MAX_TOUCHES, GAP_DAYS, TOUCHES } from "@/lib/governor/cadence";

/** Stamped on plans this module coerced or defaulted (no prompt ran to make them). */
export const COACH_RULES_VERSION = "coach-rules-v1";
export const MAX_ANGLE_CHARS = 200;
export const MAX_STOP_CRITERIA_CHARS = 300;
export const DEFAULT_STOP_CRITERIA = "Stop when the contact replies, books a meeting, bounces or unsubscribes, or after the last touch.";

/** What a coach (a model, the panel, an operator's form) proposes, before any check. */
export type RawCoachPlan = {
  angle?: unknown;
  tone?: unknown;
  cadenceDays?: unknown;
  maxTouches?: unknown;
  stopCriteria?: unknown;
  touchAngles?: unknown;
};

export type CoachPlanFields = Omit<CampaignPlan, "provenance" | "version">;

/** Why a proposed plan was refused as a whole (the caller then fails open to the defaults). */
export type CoerceFailure = "empty_angle" | "invalid_tone" | "invalid_cadence" | "invalid_max_touches" | "not_an_object";

export type CoerceResult = { ok: true; plan: CoachPlanFields; clamped: string[] } | { ok: false; reason: CoerceFailure };

const isTone = (v: unknown): v is Tone => typeof v === "string" && (TONES as readonly string[]).includes(v);
const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const clampInt = (n: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(n)));

/**
 * The coach plan's schema (seeds, part 7): angle 1–200 characters, a tone of the enum, each
 * cadence gap clamped to 0–60 days, a touch budget clamped to 1–6, a stop-criteria sentence.
 * A number out of range is clamped (and reported in `clamped`); a value of the wrong kind — a
 * tone of "aggressive", a gap that is not a number, an empty angle — refuses the whole plan, so
 * the caller fails open to `defaultPlan` rather than shipping half a coach's plan.
 */
export function coerceCoachPlan(raw: unknown): CoerceResult {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { ok: false, reason: "not_an_object" };
  const r = raw as RawCoachPlan;
  const clamped: string[] = [];
  const angleText = typeof r.angle === "string" ? r.angle.trim().replace(/\s+/g, " ") : "";
  if (!angleText) return { ok: false, reason: "empty_angle" };
  if (!isTone(r.tone)) return { ok: false, reason: "invalid_tone" };
  if (!finite(r.maxTouches)) return { ok: false, reason: "invalid_max_touches" };
  if (!Array.isArray(r.cadenceDays) || r.cadenceDays.length === 0 || !r.cadenceDays.every(finite)) return { ok: false, reason: "invalid_cadence" };

  let angle = angleText;
  if (angle.length > MAX_ANGLE_CHARS) {
    angle = angle.slice(0, MAX_ANGLE_CHARS).trimEnd();
    clamped.push("angle");
  }
  const maxTouches = clampInt(r.maxTouches, TOUCHES.min, TOUCHES.max);
  if (maxTouches !== r.maxTouches) clamped.push("maxTouches");
  const given = r.cadenceDays as number[];
  // A short list keeps the default tail (as lib/governor/cadence.ts resolveCadence does).
  const cadenceDays = Array.from({ length: maxTouches }, (_, i) => {
    const g = given[i];
    if (g === undefined) return DEFAULT_CADENCE_DAYS[i]!;
    const c = clampInt(g, GAP_DAYS.min, GAP_DAYS.max);
    if (c !== g) clamped.push(`cadenceDays[${i}]`);
    return c;
  });
  const stopText = typeof r.stopCriteria === "string" ? r.stopCriteria.trim().replace(/\s+/g, " ") : "";
  const stopCriteria = stopText ? stopText.slice(0, MAX_STOP_CRITERIA_CHARS) : DEFAULT_STOP_CRITERIA;
  const touchAngles = Array.isArray(r.touchAngles)
    ? r.touchAngles.slice(0, maxTouches).map((a) => (typeof a === "string" ? a.trim().slice(0, MAX_ANGLE_CHARS) : ""))
    : undefined;
  return { ok: true, plan: { angle, tone: r.tone, cadenceDays, maxTouches, stopCriteria, ...(touchAngles ? { touchAngles } : {}) }, clamped };
}

/** The campaign fields a default plan is built from. */
export type PlanDefaults = { angle: string | null; tone: Tone };

/**
 * The fail-open plan: the campaign's own angle and tone, the default cadence [0,4,7,7,7,7] and 6
 * touches. Its provenance says so; it never claims to be a coach's plan.
 */
export function defaultPlan(campaign: PlanDefaults, why: string): CampaignPlan {
  return {
    angle: campaign.angle?.trim().slice(0, MAX_ANGLE_CHARS) ?? "",
    tone: campaign.tone,
    cadenceDays: [...DEFAULT_CADENCE_DAYS],
    maxTouches: DEFAULT_MAX_TOUCHES,
    stopCriteria: DEFAULT_STOP_CRITERIA,
    // A rule's documented value: the defaults are certain to be within the limits, nothing more.
    provenance: { confidence: 1, reason: `Default cadence and touch budget: ${why}.`, source: "default_plan", evidence: [] },
    version: COACH_RULES_VERSION,
  };
}

/**
 * A proposed plan made safe: coerced with its provenance kept (and the clamps noted), or the
 * defaults with the reason the proposal was refused.
 */
export function planFrom(raw: unknown, provenance: Provenance, version: string, campaign: PlanDefaults): CampaignPlan {
  const result = coerceCoachPlan(raw);
  if (!result.ok) return defaultPlan(campaign, `the proposed plan was refused (${result.reason.replaceAll("_", " ")})`);
  const note = result.clamped.length ? ` Clamped to the limits: ${result.clamped.join(", ")}.` : "";
  return { ...result.plan, provenance: { ...provenance, reason: `${provenance.reason}${note}` }, version };
}

/** The angle for touch `step` (1-based): the panel's per-touch angle when it gave one, else the plan's. */
export function angleForTouch(plan: CoachPlanFields, step: number): string {
  const own = plan.touchAngles?.[step - 1];
  return own && own.length > 0 ? own : plan.angle;
}
