import type { ComposeStateType } from "./state";

/** Refinement passes allowed after the first draft. */
export const MAX_REFINEMENTS = 2;

/** Refine a model draft only when a reviewer is planned, at most twice, until it is judged fine. */
export function afterDraft(state: ComposeStateType): "refine_email" | "__end__" {
  const draft = state.draft;
  if (!draft || state.refineDone || draft.provenance.source !== "model") return "__end__";
  if (!state.brief.roles.includes("reviewer")) return "__end__";
  return draft.refinements < MAX_REFINEMENTS ? "refine_email" : "__end__";
}
