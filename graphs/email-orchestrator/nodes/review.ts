import { templateDraft } from "@/lib/outreach/templates";
import { reviewDraft } from "../rules";
import type { OrchestratorStateType } from "../state";

/**
 * Deterministic review, no model. A model draft that fails is replaced by the offline template
 * (labelled as such); the reason stays in the review flags for the rep to see.
 */
export function review(state: OrchestratorStateType): Partial<OrchestratorStateType> {
  const draft = state.draft!;
  const verdict = reviewDraft(draft);
  if (verdict.passed || draft.provenance.source !== "model") return { review: verdict };
  const fallback = templateDraft(state.brief!, `the model's draft failed review: ${verdict.flags.join(", ")}`);
  return { draft: fallback, review: { passed: reviewDraft(fallback).passed, flags: [...verdict.flags.map((f) => `model_draft_${f}`), ...reviewDraft(fallback).flags] } };
}
