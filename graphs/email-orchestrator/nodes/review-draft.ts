import { TEMPLATE_VERSION, templateDraft } from "@/lib/outreach/templates";
import { checkDraft } from "../rules";
import type { OrchestratorStateType } from "../state";

/**
 * Deterministic review, no model. A model draft that fails is replaced by the offline template
 * (labelled as such, stamped with the template's version); the reason stays in the review flags
 * for the rep to see.
 */
export function reviewDraft(state: OrchestratorStateType): Partial<OrchestratorStateType> {
  const draft = state.draft!;
  const verdict = checkDraft(draft);
  if (verdict.passed || draft.provenance.source !== "model") return { review: verdict };
  const template = templateDraft(state.brief!, `the model's draft failed review: ${verdict.flags.join(", ")}`);
  const fallback = {
    ...template,
    provenance: { ...template.provenance, path: { node: "review_draft", path: "fallback" as const, fallback: "offline_template", why: "failed_review", templateVersion: TEMPLATE_VERSION } },
  };
  const again = checkDraft(fallback);
  return { draft: fallback, review: { passed: again.passed, flags: [...verdict.flags.map((f) => `model_draft_${f}`), ...again.flags] } };
}
