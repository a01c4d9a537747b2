import { z } from "zod";
import { TONES, type Tone, type Vertical } from "@/db/schema";
import { coerceCoachPlan, DEFAULT_STOP_CRITERIA, MAX_ANGLE_CHARS, MAX_STOP_CRITERIA_CHARS } from "@/lib/campaigns/coach-plan";
import { DEFAULT_CADENCE_DAYS, DEFAULT_MAX_TOUCHES, GAP_DAYS, TOUCHES } from "@/lib/governor/cadence";
import { formatPercent, tokenInSentence } from "@/lib/format";
import { dominantVertical, seniorShare } from "./audience";
import type { AgreedPlan, AudienceProfile, FactTheme, Lens, LensArgument, LensProposals } from "./state";

/** The version stamped on anything the audience rules decided (an offline lens, the rules' agreement). */
export const RULES_VERSION = "campaign-panel-rules-v1";

/** Longest argument kept from a lens. */
export const MAX_ARGUMENT_CHARS = 900;
/** A theme held by fewer of the audience's companies than this is too narrow to carry the angle. */
export const NARROW_SIGNAL = 0.25;

/**
 * A confidence the rules give, documented: 0.4 for a case built on nothing particular to the
 * audience, plus 0.4 × the share of the audience the lens's evidence covers (the strategist's
 * theme across companies, the skeptic's known seniorities across contacts, the brand voice's
 * dominant vertical). So a rule never claims more than 0.8.
 */
export function coverageConfidence(covered: number): number {
  return Math.round((0.4 + 0.4 * Math.min(1, Math.max(0, covered))) * 100) / 100;
}

/** The angle a theme suggests: it reads after "We help fintech teams with exactly that: …". */
const THEME_ANGLE: Record<FactTheme, { angle: string; hook: string }> = {
  hiring: { angle: "Getting new hires productive in weeks while the team is still growing", hook: "what ramp time costs a team that is hiring" },
  funding: { angle: "Turning a new funding round into pipeline before the next board review", hook: "the pipeline a new round is expected to buy" },
  compliance: { angle: "Keeping outreach and records audit-ready while the compliance work goes on", hook: "the record-keeping an audit asks for" },
  leadership: { angle: "Giving new leadership a clear view of pipeline in their first quarter", hook: "what a new leader wants to see first" },
  systems: { angle: "Getting more from the tools already in place, without another migration project", hook: "the work their current tools still leave manual" },
  expansion: { angle: "Opening new locations and markets without adding manual pipeline work", hook: "the work each new location or market adds" },
  launch: { angle: "Turning a launch or partnership into qualified conversations quickly", hook: "who a launch or partnership should reach next" },
  growth: { angle: "Keeping growth efficient as volume outpaces the team", hook: "keeping growth from outpacing the team" },
  operations: { angle: "Removing the manual work that slows operations at peak", hook: "the manual steps that slow a busy operation" },
};
const BROAD_ANGLE = "Spending less time on manual pipeline work and more on conversations that move deals";

/** Tone for a senior (VP, C-level) majority: brief and plain, formal where the field expects it. */
const SENIOR_TONE: Record<Vertical, Tone> = { saas: "direct", fintech: "formal", healthcare: "formal", manufacturing: "direct", logistics: "direct", retail: "direct" };
const TEAM_TONE: Record<Vertical, Tone> = { saas: "casual", fintech: "consultative", healthcare: "consultative", manufacturing: "direct", logistics: "direct", retail: "warm" };
const SENIOR_CADENCE = [0, 5, 9, 14, 14, 14] as const;

const verticalWords = (v: Vertical | null) => (v ? `${tokenInSentence(v)} ` : "");
const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n).trimEnd() : s);

/** The strategist, offline: the angle from the theme most of the audience's companies share, and a touch-by-touch arc. */
export function strategistCase(profile: AudienceProfile): { argument: string; proposals: LensProposals; confidence: number } {
  const [top, second] = profile.themes;
  const vertical = dominantVertical(profile);
  const mix = profile.verticals.slice(0, 3).map((v) => `${tokenInSentence(v.value)} ${formatPercent(v.share)}`).join(", ");
  const who = `${profile.contacts} contact${profile.contacts === 1 ? "" : "s"} at ${profile.companies} compan${profile.companies === 1 ? "y" : "ies"} (${mix})`;
  const angle = top ? THEME_ANGLE[top.theme].angle : BROAD_ANGLE;
  const perTouchAngles = [
    top ? `Open on ${top.label}: ${THEME_ANGLE[top.theme].hook}` : "Open on the reader's own numbers: where pipeline work goes today",
    `A short example from another ${verticalWords(vertical)}team in the same position`,
    second ? `A second shared signal, ${second.label}: ${THEME_ANGLE[second.theme].hook}` : "One measurable outcome a similar team reached, and how it was measured",
    seniorShare(profile) >= 0.5 ? "Answer the likeliest objection: no time for another tool" : "Answer the likeliest objection: we already have a process for this",
    "Something useful with no ask attached: a checklist or a benchmark",
    "Close the loop politely and leave the door open",
  ];
  const signal = top
    ? `The widest shared signal is ${top.label}: ${top.companies} of ${profile.companies} companies (${formatPercent(top.share)}), e.g. "${top.examples[0]}". Lead with it, then widen with a peer example${second ? ` and the next signal, ${second.label} (${second.companies})` : ""}.`
    : "Their companies' facts share no theme, so the sequence leads with the work itself, not with news about them.";
  return {
    argument: `${who}. ${signal}`,
    proposals: { angle, cadenceDays: [...DEFAULT_CADENCE_DAYS], maxTouches: DEFAULT_MAX_TOUCHES, perTouchAngles },
    confidence: coverageConfidence(top?.share ?? 0),
  };
}

/** The skeptic, offline: fewer, wider-spaced touches for senior readers, a broader angle when the shared signal is narrow, and when to stop. */
export function skepticCase(profile: AudienceProfile): { argument: string; proposals: LensProposals; confidence: number } {
  const senior = seniorShare(profile);
  const top = profile.themes[0];
  const narrow = !top || top.share < NARROW_SIGNAL;
  const maxTouches = Math.max(3, DEFAULT_MAX_TOUCHES - (senior >= 0.5 ? 2 : 0) - (narrow ? 1 : 0));
  const cadenceDays = (senior >= 0.5 ? SENIOR_CADENCE : DEFAULT_CADENCE_DAYS).slice(0, maxTouches);
  const sharedCompanies = profile.companies > 0 && profile.contacts / profile.companies >= 1.2;
  const unknown = profile.seniorities.find((s) => s.value === "unknown")?.share ?? 0;
  const points = [
    senior >= 0.5
      ? `${formatPercent(senior)} of them are VP or C-level: senior inboxes punish volume, so ${maxTouches} touches with wider gaps (${cadenceDays.join(", ")} days).`
      : `Only ${formatPercent(senior)} are VP or C-level, so the usual rhythm holds, but ${maxTouches} touches is the ceiling${narrow ? " for a weak signal" : ""}.`,
    narrow
      ? top
        ? `Only ${top.companies} of ${profile.companies} companies (${formatPercent(top.share)}) share ${top.label}; an angle built on it misses the rest, so keep the angle broad and use the signal in one touch.`
        : "There is no shared signal to build an angle on; any specific claim would be invented."
      : `${formatPercent(top.share)} share ${top.label}: enough to lead with, as long as no touch claims a fact a company does not have.`,
    unknown >= 0.2 ? `${formatPercent(unknown)} have no seniority on record, so no touch may assume the reader's rank.` : null,
    sharedCompanies ? "Several contacts share a company: one reply should stop the rest of that company." : null,
  ].filter((p): p is string => p !== null);
  const stopCriteria = `${sharedCompanies ? "Stop at the first reply from anyone at the company" : "Stop at the first reply"}, a bounce, an unsubscribe or a booked meeting; pause on an out-of-office until the return date it states.`;
  return {
    argument: points.join(" "),
    proposals: { ...(narrow ? { angle: BROAD_ANGLE } : {}), cadenceDays, maxTouches, stopCriteria },
    confidence: coverageConfidence(1 - unknown),
  };
}

/** The brand voice, offline: the tone the audience's field and rank expect, and the house rules for every touch. */
export function brandVoiceCase(profile: AudienceProfile): { argument: string; proposals: LensProposals; confidence: number } {
  const vertical = dominantVertical(profile);
  const senior = seniorShare(profile) >= 0.5;
  const tone: Tone = vertical ? (senior ? SENIOR_TONE : TEAM_TONE)[vertical] : "consultative";
  const why = vertical
    ? `${formatPercent(profile.verticals[0]!.share)} of the audience is in ${tokenInSentence(vertical)}${senior ? " and most are senior" : ""}, which reads best ${tone}.`
    : "The audience spans several fields, so a consultative tone that asks before it asserts travels furthest.";
  return {
    argument: `Tone: ${tone}. ${why} Every claim must come from a company fact and name it; no numbers the facts do not state, no urgency that is not real, and each touch shorter than the one before.`,
    proposals: { tone },
    confidence: coverageConfidence(vertical ? profile.verticals[0]!.share : 0),
  };
}

/** What a lens proposed, field by field within the coach plan's limits; a field of the wrong kind is dropped, never guessed. */
export function coerceProposals(raw: Record<string, unknown>): LensProposals {
  const text = (v: unknown, max: number) => (typeof v === "string" && v.trim() ? cut(v.trim().replace(/\s+/g, " "), max) : undefined);
  const clamp = (n: number, b: { min: number; max: number }) => Math.min(b.max, Math.max(b.min, Math.round(n)));
  const out: LensProposals = {};
  const angle = text(raw.angle, MAX_ANGLE_CHARS);
  if (angle) out.angle = angle;
  if (typeof raw.tone === "string" && (TONES as readonly string[]).includes(raw.tone.trim().toLowerCase())) out.tone = raw.tone.trim().toLowerCase() as Tone;
  if (typeof raw.maxTouches === "number" && Number.isFinite(raw.maxTouches)) out.maxTouches = clamp(raw.maxTouches, TOUCHES);
  if (Array.isArray(raw.cadenceDays) && raw.cadenceDays.length > 0 && raw.cadenceDays.every((d) => typeof d === "number" && Number.isFinite(d))) {
    out.cadenceDays = (raw.cadenceDays as number[]).slice(0, TOUCHES.max).map((d) => clamp(d, GAP_DAYS));
  }
  if (Array.isArray(raw.perTouchAngles)) {
    const angles = raw.perTouchAngles.map((a) => text(a, MAX_ANGLE_CHARS)).filter((a): a is string => a !== undefined);
    if (angles.length) out.perTouchAngles = angles.slice(0, TOUCHES.max);
  }
  const stop = text(raw.stopCriteria, MAX_STOP_CRITERIA_CHARS);
  if (stop) out.stopCriteria = stop;
  return out;
}

/**
 * One angle per touch: a longer list keeps its opening touches and its last (the close-the-loop
 * note belongs at the end), a shorter one is filled with the plan's angle.
 */
export function fitTouchAngles(angles: readonly string[], maxTouches: number, angle: string): string[] {
  const kept = angles.length > maxTouches && maxTouches >= 2 ? [...angles.slice(0, maxTouches - 1), angles.at(-1)!] : angles.slice(0, maxTouches);
  return Array.from({ length: maxTouches }, (_, i) => kept[i] || angle);
}

/** Which lens (or the default) each agreed field came from. */
export type DecidedBy = Record<keyof AgreedPlan, Lens | "default">;

/** Who speaks first for each field when the lenses are merged without a model: the lens whose job the field is. */
const FIELD_ORDER: Record<keyof AgreedPlan, Lens[]> = {
  angle: ["skeptic", "strategist", "brand_voice"],
  tone: ["brand_voice", "strategist", "skeptic"],
  cadenceDays: ["skeptic", "strategist", "brand_voice"],
  maxTouches: ["skeptic", "strategist", "brand_voice"],
  perTouchAngles: ["strategist", "skeptic", "brand_voice"],
  stopCriteria: ["skeptic", "strategist", "brand_voice"],
};

/**
 * The agreement without a model: each field from the lens whose job it is (the skeptic's angle
 * only when it challenged the strategist's), else the next lens that proposed it, else the coach
 * plan's default — an angle falls back to the offline strategist's, since an empty angle would
 * fail the whole plan. Then checked by the coach-plan rules like any other plan.
 */
export function agreeByRules(profile: AudienceProfile, lenses: readonly LensArgument[]): { plan: AgreedPlan; decidedBy: DecidedBy } {
  const decidedBy = {} as DecidedBy;
  const pick = <K extends keyof LensProposals>(field: K & keyof AgreedPlan): LensProposals[K] => {
    for (const lens of FIELD_ORDER[field]) {
      const value = lenses.find((l) => l.lens === lens)?.proposals[field];
      if (value !== undefined) {
        decidedBy[field] = lens;
        return value;
      }
    }
    decidedBy[field] = "default";
    return undefined;
  };
  const raw = {
    angle: pick("angle") ?? strategistCase(profile).proposals.angle,
    tone: pick("tone") ?? "consultative",
    maxTouches: pick("maxTouches") ?? DEFAULT_MAX_TOUCHES,
    cadenceDays: pick("cadenceDays") ?? [...DEFAULT_CADENCE_DAYS],
    stopCriteria: pick("stopCriteria") ?? DEFAULT_STOP_CRITERIA,
  };
  const angles = pick("perTouchAngles") ?? [];
  const coerced = coerceCoachPlan(raw);
  // Every field above is already within the limits, so only a bug could refuse it.
  if (!coerced.ok) throw new Error(`The panel's rules produced a plan the coach-plan rules refuse (${coerced.reason}).`);
  const { angle, tone, cadenceDays, maxTouches, stopCriteria } = coerced.plan;
  return { plan: { angle, tone, cadenceDays, maxTouches, stopCriteria, perTouchAngles: fitTouchAngles(angles, maxTouches, angle) }, decidedBy };
}

/**
 * The rules' agreement is as sure as its least sure part, documented: the lowest confidence among
 * the lenses whose proposals it kept (0.4, the floor of a rule's case, when it kept none).
 */
export function rulesConfidence(lenses: readonly LensArgument[], decidedBy: DecidedBy): number {
  const kept = new Set(Object.values(decidedBy));
  const confidences = lenses.filter((l) => kept.has(l.lens)).map((l) => l.provenance.confidence);
  return confidences.length ? Math.min(...confidences) : 0.4;
}

/** The agreeing model's answer, before the coach-plan rules check it. */
export const ModelAgreement = z.object({
  angle: z.string(),
  tone: z.string(),
  cadenceDays: z.array(z.number()),
  maxTouches: z.number(),
  perTouchAngles: z.array(z.string()).default([]),
  stopCriteria: z.string().default(""),
  confidence: z.number().transform((c) => Math.min(1, Math.max(0, c))),
  reason: z.string().default(""),
});

/** One lens's answer: an argument and whatever it proposes (checked field by field). */
export const ModelLens = z.object({
  argument: z.string().trim().min(1),
  proposals: z.record(z.string(), z.unknown()).default({}),
  confidence: z.number().transform((c) => Math.min(1, Math.max(0, c))),
});
