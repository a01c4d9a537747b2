import type { ComposeBrief } from "@/lib/outreach/brief";

/**
 * Confidence of a model's draft, by the grounding rule: 0.5 for a draft with nothing to cite, plus
 * 0.1 for each company fact the model was given (at most three count), so 0.5–0.8. The model's
 * own opinion of its email is not asked for; the deterministic review still checks the text.
 */
export function modelDraftConfidence(factsGiven: number): number {
  return Math.round((0.5 + 0.1 * Math.min(3, Math.max(0, factsGiven))) * 10) / 10;
}

/** The facts a draft may cite: only when a researcher is among the planned roles. */
export function factsFor(brief: ComposeBrief): ComposeBrief["facts"] {
  return brief.roles.includes("researcher") ? brief.facts : [];
}
