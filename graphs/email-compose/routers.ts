import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { resolveConfig } from "./config";
import type { ComposeStateType } from "./state";

/** Refine a model draft only when a reviewer is planned, at most `maxRefinements` times, until it is judged fine. */
export function afterDraft(state: ComposeStateType, config?: LangGraphRunnableConfig): "refine_email" | "__end__" {
  const draft = state.draft;
  if (!draft || state.refineDone || draft.provenance.source !== "model") return "__end__";
  if (!state.brief.roles.includes("reviewer")) return "__end__";
  return draft.refinements < resolveConfig(config).maxRefinements ? "refine_email" : "__end__";
}
