import type { OrchestratorStateType } from "./state";

/** Any gate hit ends the run; nothing after it (plan, model, compose) can reopen it. */
export function afterGate(state: OrchestratorStateType): "recall_memory" | "__end__" {
  return state.gate?.allowed ? "recall_memory" : "__end__";
}

export function afterDecide(state: OrchestratorStateType): "plan_roles" | "__end__" {
  return state.action && state.action.kind !== "skip" ? "plan_roles" : "__end__";
}

/**
 * After the approval interrupt: a "response" (an instruction, or none to regenerate) goes back
 * to drafting and then pauses again; every other answer is a decision.
 */
export function afterApproval(state: OrchestratorStateType): "revise_draft" | "apply_decision" {
  const answer = Array.isArray(state.response) ? state.response[0] : state.response;
  return typeof answer === "object" && answer !== null && (answer as { type?: unknown }).type === "response" ? "revise_draft" : "apply_decision";
}
