import type { Provenance } from "@/graphs/shared/provenance";
import type { WeightedConversion, WeightedTouch } from "./state";

/** Version of the deterministic path (last-touch), stored where a prompt version would be. */
export const RULES_VERSION = "touch-attribution-rules-v1";

/**
 * Confidence of a model's weighting: the same as last touch over several emails, since
 * spreading credit is a judgement either way, not a measurement. Only a conversion with one
 * touch (or none) is certain.
 */
export const MODEL_WEIGHTS_CONFIDENCE = 0.6;
/** Last touch over several emails: the convention most CRMs report, right about as often as not. */
export const LAST_TOUCH_CONFIDENCE = 0.6;

/**
 * A model's weights made usable: only emails that were offered, finite and non-negative, scaled to
 * sum to 1. Null when nothing usable is left (the conversion then falls back to last-touch).
 */
export function normalizeWeights(offered: readonly number[], weights: readonly { emailId: number; weight: number }[]): Map<number, number> | null {
  const allowed = new Set(offered);
  const kept = new Map<number, number>();
  for (const { emailId, weight } of weights) {
    if (!allowed.has(emailId) || !Number.isFinite(weight) || weight < 0) return null;
    kept.set(emailId, (kept.get(emailId) ?? 0) + weight);
  }
  const sum = [...kept.values()].reduce((a, b) => a + b, 0);
  if (!(sum > 0)) return null;
  return new Map(offered.map((id) => [id, (kept.get(id) ?? 0) / sum]));
}

/** All the credit to the latest touch (the list is newest first). */
export function lastTouchWeights(touches: Omit<WeightedTouch, "weight">[]): WeightedTouch[] {
  return touches.map((t, i) => ({ ...t, weight: i === 0 ? 1 : 0 }));
}

/**
 * Last touch's provenance. Confidence: 1 when at most one email came before the reply (there is
 * nothing to weigh), else LAST_TOUCH_CONFIDENCE.
 */
export function lastTouchProvenance(touches: number, why: string): Provenance {
  return {
    confidence: touches <= 1 ? 1 : LAST_TOUCH_CONFIDENCE,
    reason: touches === 0 ? "No outbound email came before this reply, so no touch gets credit." : touches === 1 ? "Only one email came before this reply; it gets all the credit." : `Last touch: all credit to the latest email before the reply (${why}).`,
    source: touches <= 1 ? "rule" : "rule_based_fallback",
    evidence: [],
  };
}

/** Credit per touch number over the listed conversions. */
export function creditByStep(conversions: WeightedConversion[]): { step: number | null; credit: number }[] {
  const by = new Map<number | null, number>();
  for (const c of conversions) for (const t of c.touches) if (t.weight > 0) by.set(t.step, (by.get(t.step) ?? 0) + t.weight);
  return [...by].map(([step, credit]) => ({ step, credit: Math.round(credit * 1000) / 1000 })).sort((a, b) => (a.step ?? Infinity) - (b.step ?? Infinity));
}
