import type { ClassifyStateType } from "./state";

/** A usable model label ends the run; anything else (offline, refused, invalid) goes to the keyword rules. */
export function afterModel(state: ClassifyStateType): "classify_with_rules" | "__end__" {
  return state.classification ? "__end__" : "classify_with_rules";
}
