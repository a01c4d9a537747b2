import type { ObjectionCoachStateType } from "./state";

/** A skip (not found, gate refused) ends the run before any model call. */
export function afterLoad(state: ObjectionCoachStateType): "classify_objection" | "__end__" {
  return state.context && !state.outcome ? "classify_objection" : "__end__";
}

/** "None of these" is an answer: its reasoning is recorded and nothing is drafted. */
export function afterClassify(state: ObjectionCoachStateType): "draft_rebuttal" | "record_no_objection" {
  return state.classification?.objection && state.classification.objection !== "none" ? "draft_rebuttal" : "record_no_objection";
}

/** After the approval interrupt: a redraft request is declined and the thread pauses again; anything else is a decision. */
export function afterApproval(state: ObjectionCoachStateType): "decline_revision" | "apply_decision" {
  const answer = Array.isArray(state.response) ? state.response[0] : state.response;
  return typeof answer === "object" && answer !== null && (answer as { type?: unknown }).type === "response" ? "decline_revision" : "apply_decision";
}
