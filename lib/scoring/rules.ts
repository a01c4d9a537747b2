import type { Vertical } from "@/db/schema";
import { DAY_MS } from "@/lib/clock";
import { GENERAL_BUYER_KEYWORDS, SENIORITY_VALUE, seniorityOfTitle, TERMS, VERTICAL_PROFILES, type Term, type TermWeights } from "./verticals";

/**
 * The contact scorer's rules, pure: the score_contact graph (one contact, with the model's role
 * fit) and the bulk scorer (lib/services/scores.ts, in batches, offline) both compute a score
 * with `composeScore` over the same terms, so there is one source of truth for them.
 */
export const SCORING_RULES_VERSION = "score-rules-v1-2026-12";

export type Tier = "A" | "B" | "C" | "D";
export const TIERS = ["A", "B", "C", "D"] as const satisfies readonly Tier[];

/** A ≥ 0.80, B ≥ 0.60, C ≥ 0.40, else D (the seed's cut-offs). */
export function tierOf(score: number): Tier {
  return score >= 0.8 ? "A" : score >= 0.6 ? "B" : score >= 0.4 ? "C" : "D";
}

/** Everything a score is computed from, read from the contact, its company and its stats (never its emails). */
export type ContactSignals = {
  contactId: number;
  vertical: Vertical;
  title: string | null;
  seniority: string | null;
  department: string | null;
  email: string;
  linkedinUrl: string | null;
  bounced: boolean;
  doNotContact: boolean;
  unsubscribed: boolean;
  company: {
    enriched: boolean;
    employeeCount: number | null;
    /** Company facts at or above STRONG_FACT_AT confidence. */
    strongFacts: number;
    country: string | null;
  };
  /** contact_email_stats and the contact's outcomes. */
  engagement: {
    outbound: number;
    opened: number;
    inbound: number;
    positive: number;
    negative: number;
    /** Latest of: an outcome, the last time we wrote. Epoch ms. */
    lastActivityAt: number | null;
  };
};

/** One term as stored and shown: its value (null: not known, left out), weight after renormalisation, and why. */
export type TermResult = { value: number | null; weight: number; why: string; source: "rules" | "model" | "rule_based_fallback" };
export type ScoreTerms = Record<Term, TermResult>;

const round = (n: number, places = 3) => Math.round(n * 10 ** places) / 10 ** places;
const clamp01 = (n: number) => Math.min(1, Math.max(0, n));
const words = (text: string) => ` ${text.toLowerCase().replace(/[^a-z0-9&+-]+/g, " ")} `;
const hasWord = (haystack: string, keyword: string) => haystack.includes(` ${keyword} `);

type Partial = { value: number | null; why: string };

/** Seniority: the recorded band, or the band the title implies; neither → not known. */
export function seniorityTerm(s: Pick<ContactSignals, "seniority" | "title">): Partial {
  if (s.seniority && SENIORITY_VALUE[s.seniority] !== undefined) {
    return { value: SENIORITY_VALUE[s.seniority]!, why: `Seniority band ${s.seniority} (${SENIORITY_VALUE[s.seniority]}).` };
  }
  const band = seniorityOfTitle(s.title);
  if (band) return { value: SENIORITY_VALUE[band]!, why: `No band recorded; the title "${s.title}" reads as ${band} (${SENIORITY_VALUE[band]}).` };
  return { value: null, why: s.title ? `No band recorded and the title "${s.title}" names none: left out.` : "No band or title recorded: left out." };
}

/** Role fit by keyword rules: the value the offline path gives, and the check a person can read. */
export const ROLE_FIT_RULE = { buyer: 0.9, general: 0.7, adjacent: 0.55, other: 0.25 } as const;

/** Role fit offline: the title and department against the vertical's buyer keywords. */
export function roleFitByKeywords(s: Pick<ContactSignals, "title" | "department" | "vertical">): Partial {
  // "Head of Customer Success" in Customer Success reads once, not "… Customer Success Customer Success".
  const dept = s.department && !(s.title ?? "").toLowerCase().includes(s.department.toLowerCase()) ? s.department : null;
  const text = [s.title, dept].filter(Boolean).join(", ");
  if (!text.trim()) return { value: null, why: "No title or department recorded: left out." };
  const haystack = words(text);
  const profile = VERTICAL_PROFILES[s.vertical];
  const hit = (list: readonly string[]) => list.find((k) => hasWord(haystack, k));
  const buyer = hit(profile.buyerKeywords);
  if (buyer) return { value: ROLE_FIT_RULE.buyer, why: `Keyword rules: "${buyer}" is a ${s.vertical} buyer role (${ROLE_FIT_RULE.buyer}).` };
  const general = hit(GENERAL_BUYER_KEYWORDS);
  if (general) return { value: ROLE_FIT_RULE.general, why: `Keyword rules: "${general}" signs purchases in any vertical (${ROLE_FIT_RULE.general}).` };
  const adjacent = hit(profile.adjacentKeywords);
  if (adjacent) return { value: ROLE_FIT_RULE.adjacent, why: `Keyword rules: "${adjacent}" is next to the ${s.vertical} buyer (${ROLE_FIT_RULE.adjacent}).` };
  return { value: ROLE_FIT_RULE.other, why: `Keyword rules: "${text}" matches no ${s.vertical} buyer role (${ROLE_FIT_RULE.other}).` };
}

/** Company facts at or above this confidence count as authority signals. */
export const STRONG_FACT_AT = 0.7;

/** Reachability's parts; they sum to 1. */
export const REACHABILITY_RULE = { validEmail: 0.35, linkedin: 0.25, notBounced: 0.2, authority: 0.2 } as const;

// One @, something on each side, a dot in the domain, no spaces: what a mail server would take.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/**
 * Reachability: a deliverable-looking address, a LinkedIn profile, not bounced, and the company's
 * authority signals (enriched, strong facts, a known size and country: a real, researched
 * account). A contact who asked not to be contacted or unsubscribed cannot be reached: 0.
 */
export function reachabilityTerm(s: Pick<ContactSignals, "email" | "linkedinUrl" | "bounced" | "doNotContact" | "unsubscribed" | "company">): Partial {
  if (s.doNotContact || s.unsubscribed) return { value: 0, why: `${s.doNotContact ? "Marked do-not-contact" : "Unsubscribed"}: not reachable (0).` };
  const r = REACHABILITY_RULE;
  const validEmail = EMAIL_SHAPE.test(s.email);
  const linkedin = Boolean(s.linkedinUrl && /linkedin\.com\//i.test(s.linkedinUrl));
  const c = s.company;
  const signals = [c.enriched, c.strongFacts >= 2, c.employeeCount !== null, c.country !== null];
  const authority = signals.filter(Boolean).length / signals.length;
  const value = round((validEmail ? r.validEmail : 0) + (linkedin ? r.linkedin : 0) + (s.bounced ? 0 : r.notBounced) + authority * r.authority);
  const parts = [
    validEmail ? "valid email" : "email looks invalid",
    linkedin ? "LinkedIn profile" : "no LinkedIn",
    s.bounced ? "bounced" : "not bounced",
    `company authority ${round(authority, 2)} (${[c.enriched ? "enriched" : "not enriched", `${c.strongFacts} strong facts`, c.employeeCount !== null ? "size known" : "size unknown", c.country ? `in ${c.country}` : "country unknown"].join(", ")})`,
  ];
  return { value, why: `${parts.join("; ")} → ${value}.` };
}

/** Propensity's rule: where a contact with a history starts, and what moves it. */
export const PROPENSITY_RULE = { base: 0.3, openRate: 0.2, replied: 0.25, positive: 0.3, negative: 0.3, recentDays: 30, staleDays: 180, staleFactor: 0.6, midFactor: 0.8 } as const;

/**
 * Propensity, from engagement and outcomes: opens (as a share of what we sent), a reply, positive
 * and negative outcomes, faded by how long ago the last activity was. No history at all → not
 * known (left out, so a new lead is judged on the other terms, not punished as unresponsive).
 */
export function propensityTerm(s: Pick<ContactSignals, "engagement">, now: Date): Partial {
  const e = s.engagement;
  if (e.outbound === 0 && e.inbound === 0 && e.positive === 0 && e.negative === 0) return { value: null, why: "No emails or outcomes yet: left out." };
  const p = PROPENSITY_RULE;
  const openRate = e.outbound > 0 ? Math.min(1, e.opened / e.outbound) : 0;
  const raw = p.base + openRate * p.openRate + (e.inbound > 0 ? p.replied : 0) + (e.positive > 0 ? p.positive : 0) - (e.negative > 0 ? p.negative : 0);
  const days = e.lastActivityAt === null ? null : Math.max(0, (now.getTime() - e.lastActivityAt) / DAY_MS);
  const fade = days === null || days > p.staleDays ? p.staleFactor : days > p.recentDays ? p.midFactor : 1;
  const value = round(clamp01(raw * fade));
  const parts = [
    `${e.opened}/${e.outbound} opened`,
    `${e.inbound} repl${e.inbound === 1 ? "y" : "ies"}`,
    `${e.positive} positive, ${e.negative} negative outcome${e.positive + e.negative === 1 ? "" : "s"}`,
    days === null ? "no dated activity (×" + p.staleFactor + ")" : `last activity ${Math.floor(days)} day${Math.floor(days) === 1 ? "" : "s"} ago (×${fade})`,
  ];
  return { value, why: `${parts.join("; ")} → ${value}.` };
}

/** A term's value from outside the rules (the model's role fit) or the rules' own. */
export type RoleFit = { value: number | null; why: string; source: TermResult["source"] };

export type ComposedScore = {
  contactId: number;
  /** 0–1, three decimals; equal scores rank by ascending contact id. */
  score: number;
  tier: Tier;
  terms: ScoreTerms;
  /** `model`: the role fit is the model's; `rule_based_fallback`: the model was asked and could not answer; `rules`: none was asked. */
  source: "model" | "rule_based_fallback" | "rules";
  /**
   * The share of the vertical's weight whose terms were known (before renormalisation): a
   * documented rule value saying how much of the score rests on evidence rather than absence.
   */
  confidence: number;
  reason: string;
  evidence: string[];
};

/**
 * Weighted sum over the known terms, with their weights renormalised to sum to 1 over those terms
 * (a term with no value is left out, not counted as 0). All four unknown cannot happen:
 * reachability always has a value.
 */
export function renormalise(weights: TermWeights, known: readonly Term[]): Record<Term, number> {
  const total = known.reduce((sum, t) => sum + weights[t], 0);
  return Object.fromEntries(TERMS.map((t) => [t, total > 0 && known.includes(t) ? weights[t] / total : 0])) as Record<Term, number>;
}

/** The score from the signals, with the role fit given (model) or computed by the keyword rules. */
export function composeScore(signals: ContactSignals, now: Date, roleFit?: RoleFit): ComposedScore {
  const fit: RoleFit = roleFit ?? { ...roleFitByKeywords(signals), source: "rules" };
  const partials: Record<Term, Partial & { source: TermResult["source"] }> = {
    seniority: { ...seniorityTerm(signals), source: "rules" },
    roleFit: fit,
    reachability: { ...reachabilityTerm(signals), source: "rules" },
    propensity: { ...propensityTerm(signals, now), source: "rules" },
  };
  const weights = VERTICAL_PROFILES[signals.vertical].weights;
  const known = TERMS.filter((t) => partials[t].value !== null);
  const normal = renormalise(weights, known);
  const score = round(known.reduce((sum, t) => sum + normal[t] * partials[t].value!, 0));
  const terms = Object.fromEntries(TERMS.map((t) => [t, { value: partials[t].value, weight: round(normal[t], 4), why: partials[t].why, source: partials[t].source }])) as ScoreTerms;
  const confidence = round(known.reduce((sum, t) => sum + weights[t], 0), 2);
  const source = fit.source === "model" ? "model" : fit.source === "rule_based_fallback" ? "rule_based_fallback" : "rules";
  const tier = tierOf(score);
  const shown = known.map((t) => `${t} ${partials[t].value} × ${round(normal[t], 2)}`).join(" + ");
  const left = TERMS.filter((t) => !known.includes(t));
  return {
    contactId: signals.contactId,
    score,
    tier,
    terms,
    source,
    confidence,
    reason: `Tier ${tier}: ${shown} = ${score}${left.length ? ` (${left.join(", ")} not known, weights renormalised)` : ""}.`,
    evidence: TERMS.map((t) => `${t}: ${partials[t].why}`),
  };
}

/** Highest score first; equal scores by ascending contact id, so a batch's order is reproducible. */
export function rankScores<T extends { contactId: number; score: number }>(scores: readonly T[]): T[] {
  return [...scores].sort((a, b) => b.score - a.score || a.contactId - b.contactId);
}
