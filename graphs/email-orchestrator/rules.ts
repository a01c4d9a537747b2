import type { Provenance } from "@/graphs/shared/provenance";
import { ROLES, type Role } from "@/lib/outreach/brief";

/** The version stamped on what these rules decide where no model did (a default plan, default roles). */
export const RULES_VERSION = "email-orchestrator-rules-v1-2026-11";

/** Days after an outbound email before another may follow. Safety policy: not a run's configurable. */
export const FOLLOWUP_DAYS = 3;
const DAY_MS = 86_400_000;

export const TASKS = ["qualify", "analyze_opportunity", "compose", "skip"] as const;
export type Task = (typeof TASKS)[number];
export const DEFAULT_PLAN: Task[] = ["qualify", "analyze_opportunity", "compose"];
export const DEFAULT_ROLES: Role[] = ["researcher", "composer"];

/** Keeps only known tasks, once each, in the closed vocabulary's order; nothing usable → the default plan. */
export function repairPlan(raw: unknown): Task[] {
  const asked = new Set(Array.isArray(raw) ? raw.filter((t): t is Task => TASKS.includes(t as Task)) : []);
  const plan = TASKS.filter((t) => asked.has(t));
  return plan.length ? plan : [...DEFAULT_PLAN];
}

/** Keeps only known roles; the composer is always there. Nothing usable → researcher + composer. */
export function repairRoles(raw: unknown): Role[] {
  const asked = new Set(Array.isArray(raw) ? raw.filter((r): r is Role => ROLES.includes(r as Role)) : []);
  if (asked.size === 0) return [...DEFAULT_ROLES];
  asked.add("composer");
  return ROLES.filter((r) => asked.has(r));
}

export type Action = { kind: "initial" | "followup" | "reply" } | { kind: "skip"; reason: "too_soon" | "pending_draft" | "planned_skip" | "nothing_to_answer" };

export type HistoryFacts = {
  outboundCount: number;
  lastOutboundAt: number | null;
  unansweredInbound: unknown | null;
  pendingDraftId: number | null;
};

/**
 * reply | initial | followup | skip. Runs after the safety gate and cannot be talked past: a plan
 * may add a skip, never remove the cooldown.
 */
export function decideAction(input: { history: HistoryFacts; intent: "outreach" | "reply"; plan: Task[]; now: number }): Action {
  const { history, intent, plan, now } = input;
  if (history.pendingDraftId !== null) return { kind: "skip", reason: "pending_draft" };
  if (intent === "reply") return history.unansweredInbound ? { kind: "reply" } : { kind: "skip", reason: "nothing_to_answer" };
  if (plan.includes("skip") || !plan.includes("compose")) return { kind: "skip", reason: "planned_skip" };
  if (history.unansweredInbound) return { kind: "reply" };
  if (history.outboundCount === 0 || history.lastOutboundAt === null) return { kind: "initial" };
  if (now - history.lastOutboundAt < FOLLOWUP_DAYS * DAY_MS) return { kind: "skip", reason: "too_soon" };
  return { kind: "followup" };
}

export type Verdict = { label: string; score: number; provenance: Provenance };

// The qualify rule is fleet policy (lead_to_proposal applies it too), so it lives in lib/.
export { qualify } from "@/lib/outreach/qualify";

/** Confidence grows with grounded facts: 0.5 + 0.1 per fact, capped at 0.9. */
export function analyzeOpportunity(facts: { fact: string; confidence: number }[]): Verdict {
  const score = Math.min(0.9, Math.round((0.5 + 0.1 * facts.length) * 10) / 10);
  return {
    label: facts.length >= 3 ? "strong_signal" : facts.length ? "some_signal" : "no_signal",
    score,
    provenance: { confidence: score, reason: `${facts.length} company facts on record.`, source: "rules", evidence: facts.slice(0, 3).map((f) => f.fact) },
  };
}

/** A/B/C/D from a 0–1 score (A ≥ 0.80, B ≥ 0.60, C ≥ 0.40). */
export function tierOf(score: number): "A" | "B" | "C" | "D" {
  return score >= 0.8 ? "A" : score >= 0.6 ? "B" : score >= 0.4 ? "C" : "D";
}

const hundredths = (n: number) => Math.round(n * 100) / 100;

/** The weights of `leadTier`, in one place so the rule reads as its documentation. */
export const LEAD_TIER_RULE = {
  /** By seniority band (db/schema SENIORITIES); a contact with none gets `unknownSeniority`. */
  seniority: { c_level: 0.5, vp: 0.45, director: 0.35, manager: 0.25, senior: 0.15, entry: 0.05 } as Readonly<Record<string, number>>,
  unknownSeniority: 0.1,
  /** Per company fact at or above `strongFactAt` confidence, at most `factsCap` in all. */
  strongFact: 0.05,
  strongFactAt: 0.7,
  factsCap: 0.2,
  /** By employee band: a bigger account is worth more. */
  size: { "201-500": 0.05, "501-1000": 0.1, "1001-5000": 0.15 } as Readonly<Record<string, number>>,
  /** The contact wrote to us and awaits an answer. */
  replied: 0.2,
  /** Per outbound email after the first that drew no reply, at most `unansweredCap` in all. */
  unansweredTouch: 0.05,
  unansweredCap: 0.2,
} as const;

export type LeadTierInput = {
  seniority: string | null;
  companySize: string | null;
  facts: readonly { confidence: number }[];
  history: Pick<HistoryFacts, "outboundCount" | "unansweredInbound">;
};

/**
 * The tier a draft is filed under (A/B/C/D, `tierOf`), from what is known of the contact:
 * seniority, the company's size and well-sourced facts, and engagement (a waiting reply lifts it,
 * touches that drew nothing lower it). An interim rule: the qualify score it replaces has three
 * values and gives every contact with a company and a title an A; issue #13 replaces this with
 * the score_contact graph's score. Pure, so the queue's tiers are reproducible from the inputs.
 */
export function leadTier(input: LeadTierInput): { tier: ReturnType<typeof tierOf>; score: number; reason: string } {
  const rule = LEAD_TIER_RULE;
  const seniority = input.seniority !== null ? (rule.seniority[input.seniority] ?? rule.unknownSeniority) : rule.unknownSeniority;
  const strong = input.facts.filter((f) => f.confidence >= rule.strongFactAt).length;
  const facts = hundredths(Math.min(rule.factsCap, strong * rule.strongFact));
  const size = input.companySize ? (rule.size[input.companySize] ?? 0) : 0;
  const replied = input.history.unansweredInbound ? rule.replied : 0;
  const silent = input.history.unansweredInbound ? 0 : Math.max(0, input.history.outboundCount - 1);
  const unanswered = hundredths(Math.min(rule.unansweredCap, silent * rule.unansweredTouch));
  const score = hundredths(Math.min(1, Math.max(0, seniority + facts + size + replied - unanswered)));
  const parts = [
    `${input.seniority ?? "unknown seniority"} ${seniority}`,
    `${strong} strong fact${strong === 1 ? "" : "s"} ${facts}`,
    size ? `${input.companySize} employees ${size}` : null,
    replied ? `awaiting our answer ${replied}` : null,
    unanswered ? `${silent} unanswered follow-up${silent === 1 ? "" : "s"} −${unanswered}` : null,
  ].filter(Boolean);
  return { tier: tierOf(score), score, reason: `Interim tier rule: ${parts.join(" + ")} = ${score}.` };
}

/** Deterministic review: an empty body or an unresolved {{placeholder}} fails; the rest are notes. */
export function checkDraft(draft: { subject: string; body: string }): { passed: boolean; flags: string[] } {
  const flags: string[] = [];
  if (!draft.body.trim()) flags.push("empty_body");
  if (/\{\{[^}]*\}\}/.test(`${draft.subject}\n${draft.body}`)) flags.push("unresolved_placeholder");
  const passed = flags.length === 0;
  if (!draft.subject.trim()) flags.push("empty_subject");
  if (draft.body.length > 2_500) flags.push("long_body");
  return { passed: passed && Boolean(draft.subject.trim()), flags };
}
