import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { resolveConfig } from "../config";
import { checkSteps, planningOf } from "../rules";
import type { CrmOrchestratorStateType } from "../state";

/** Each proposed action against the vocabulary, the plan's scope and the governance gate. */
export function gateActions(state: CrmOrchestratorStateType, config?: LangGraphRunnableConfig): Partial<CrmOrchestratorStateType> {
  const { autonomy, maxActions } = resolveConfig(config);
  const crm = state.crm!;
  const steps = checkSteps(state.proposed ?? [], crm, state.autonomy ?? autonomy, maxActions);
  const path = state.calls.findLast((c) => c.node === "plan_actions");
  return { steps, planning: planningOf(state.reasoning ?? "", steps, crm, path, state.model ?? null) };
}
