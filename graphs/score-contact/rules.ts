import { z } from "zod";
import { whyInWords, type CallPath } from "@/graphs/shared/provenance";
import { composeScore, roleFitByKeywords, SCORING_RULES_VERSION, type ContactSignals, type RoleFit } from "@/lib/scoring/rules";
import type { ContactScoreDecision } from "./state";

/**
 * The scoring rules live in lib/scoring (the bulk scorer uses the same ones); this graph adds
 * only the model's role fit and how its absence is labelled.
 */
export const RULES_VERSION = SCORING_RULES_VERSION;

const MAX_REASON_CHARS = 200;

/** The model's role fit, strictly: a number (clamped to 0–1) and a reason. */
export const ModelRoleFit = z.object({
  fit: z.number().transform((n) => Math.round(Math.min(1, Math.max(0, n)) * 1000) / 1000),
  reason: z.string().trim().min(1).transform((r) => r.slice(0, MAX_REASON_CHARS)),
});

/** The model answered: its fit and reason, labelled as the model's. */
export function modelRoleFit(answer: z.output<typeof ModelRoleFit>, model: string): RoleFit & { model: string } {
  return { value: answer.fit, why: `Model ${model}: ${answer.reason} (${answer.fit}).`, source: "model", model };
}

/** The model could not answer: the keyword rules' fit, labelled rule_based_fallback with why. */
export function fallbackRoleFit(signals: ContactSignals, words: string): RoleFit & { model: null } {
  const rules = roleFitByKeywords(signals);
  return { value: rules.value, why: `${rules.why} Model not used: ${words}.`, source: "rule_based_fallback", model: null };
}

/**
 * The decision: the composed score with the role fit given (none → keyword rules, source
 * `rules`: no model was asked, as for a contact with no title), its provenance and version.
 */
export function decide(signals: ContactSignals, now: Date, roleFit: (RoleFit & { model: string | null }) | undefined, path: CallPath | undefined): ContactScoreDecision {
  const composed = composeScore(signals, now, roleFit);
  const { reason, evidence, confidence, ...rest } = composed;
  const labelled = composed.source === "rule_based_fallback" && path?.path === "fallback" ? `Scored by rules (${whyInWords(path.why)}). ${reason}` : reason;
  return {
    ...rest,
    provenance: { confidence, reason: labelled, source: composed.source, evidence, ...(path ? { path } : {}) },
    promptVersion: path && path.path !== "fallback" && composed.source === "model" ? path.promptVersion : RULES_VERSION,
    model: roleFit?.model ?? null,
  };
}
