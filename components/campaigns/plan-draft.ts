import { DEFAULT_CADENCE_DAYS } from "@/lib/governor/cadence";

/** The plan as the operator edits it before launch (the coach-plan rules check it again on the server). */
export type PlanDraft = { angle: string; tone: string; maxTouches: number; cadenceDays: number[]; touchAngles: string[]; stopCriteria: string };

type Agreed = { angle: string; tone: string; cadenceDays: number[]; maxTouches: number; perTouchAngles: string[]; stopCriteria: string };

export function draftFromAgreed(a: Agreed): PlanDraft {
  return { angle: a.angle, tone: a.tone, maxTouches: a.maxTouches, cadenceDays: [...a.cadenceDays], touchAngles: [...a.perTouchAngles], stopCriteria: a.stopCriteria };
}

/** A new touch budget: gaps and angles keep what was typed, new touches take the default gap and the plan's angle. */
export function resize(plan: PlanDraft, maxTouches: number): PlanDraft {
  const n = Math.min(6, Math.max(1, Math.round(maxTouches)));
  return {
    ...plan,
    maxTouches: n,
    cadenceDays: Array.from({ length: n }, (_, i) => plan.cadenceDays[i] ?? DEFAULT_CADENCE_DAYS[i]!),
    touchAngles: Array.from({ length: n }, (_, i) => plan.touchAngles[i] ?? ""),
  };
}

/** What is wrong with the draft, by field (the same names the server's errors use), in words for the form. */
export function planProblems(plan: PlanDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!plan.angle.trim()) problems.angle = "Give the campaign an angle: every touch is written around it.";
  else if (plan.angle.trim().length > 200) problems.angle = `The angle is ${plan.angle.trim().length} characters; keep it to 200.`;
  plan.cadenceDays.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 0 || d > 60) problems[`cadenceDays.${i}`] = `Touch ${i + 1}: a gap of 0 to 60 whole days.`;
  });
  plan.touchAngles.forEach((a, i) => {
    if (a.trim().length > 200) problems[`touchAngles.${i}`] = `Touch ${i + 1}'s angle is over 200 characters.`;
  });
  if (plan.stopCriteria.trim().length > 300) problems.stopCriteria = "Keep the stop criteria to one sentence (300 characters).";
  return problems;
}

/** Which fields the operator changed from the panel's plan, for the campaign's record of it. */
export function editedFields(plan: PlanDraft, from: PlanDraft): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return (["angle", "tone", "maxTouches", "cadenceDays", "touchAngles", "stopCriteria"] as const).filter((k) => !same(plan[k], from[k]));
}

/** Day of each touch counted from launch: the running sum of the gaps before each. */
export function touchDays(cadenceDays: readonly number[]): number[] {
  let day = 0;
  return cadenceDays.map((gap) => (day += gap));
}

const EDITED_WORDS: Record<string, string> = {
  angle: "the angle", tone: "the tone", maxTouches: "the number of touches", cadenceDays: "the cadence", touchAngles: "the per-touch angles", stopCriteria: "the stop rule",
};

/**
 * The operator's edits as the campaign page says them ("the angle and the cadence"): the record
 * keeps field names, which are not words a reader should see. A name this list does not know
 * (an older record) is left out rather than shown raw.
 */
export function editedInWords(fields: readonly string[]): string {
  const words = fields.map((f) => EDITED_WORDS[f]).filter((w): w is string => w !== undefined);
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}
