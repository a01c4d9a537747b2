import type { LeadToProposalStateType } from "./state";

/** An unqualified lead ends the run with its reason; nothing is researched or drafted for it. */
export function afterQualify(state: LeadToProposalStateType): "research" | "__end__" {
  return state.outcome?.status === "unqualified" ? "__end__" : "research";
}

/** An approval that left flagged claims goes back to wait for a person; any other decision ends the run. */
export function afterDecision(state: LeadToProposalStateType): "await_approval" | "__end__" {
  return state.outcome?.status === "needs_fix" ? "await_approval" : "__end__";
}
