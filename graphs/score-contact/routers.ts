import type { ScoreContactStateType } from "./state";

/** No such contact: nothing to score. No title or department: nothing for the model to judge, the rules leave role fit out. */
export function afterLoad(state: ScoreContactStateType): "judge_role_fit" | "compose_score" | "__end__" {
  if (!state.signals) return "__end__";
  return state.signals.title?.trim() || state.signals.department?.trim() ? "judge_role_fit" : "compose_score";
}
