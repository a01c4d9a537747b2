import type { ReflectStateType } from "./state";

/** Nothing to remember when the email is missing or not the contact's. */
export function afterLoad(state: ReflectStateType): "summarize_email" | "__end__" {
  return state.email ? "summarize_email" : "__end__";
}
