import type { OrchestratorStateType } from "./state";

/** Any gate hit ends the run; nothing after it (plan, model, compose) can reopen it. */
export function afterGate(state: OrchestratorStateType): "recall_memory" | "__end__" {
  return state.gate?.allowed ? "recall_memory" : "__end__";
}

export function afterDecide(state: OrchestratorStateType): "plan_roles" | "__end__" {
  return state.action && state.action.kind !== "skip" ? "plan_roles" : "__end__";
}
