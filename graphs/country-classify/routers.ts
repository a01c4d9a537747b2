import type { CountryClassifyStateType } from "./state";

/** A blank HQ string needs no model: the rules' null stands. Anything else is asked of the model. */
export function afterRules(state: CountryClassifyStateType): "classify_with_model" | "decide_country" {
  return state.resolution?.basis === "empty" ? "decide_country" : "classify_with_model";
}
