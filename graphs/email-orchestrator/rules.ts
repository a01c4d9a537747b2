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

/** A/B/C/D from a 0–1 score: the contact scorer's cut-offs (lib/scoring), the one copy of them. */
export { tierOf } from "@/lib/scoring/rules";

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
