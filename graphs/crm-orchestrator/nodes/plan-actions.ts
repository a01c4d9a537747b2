import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import type { z } from "zod";
import { callModel } from "@/graphs/shared/call-model";
import { resolveConfig } from "../config";
import { meta } from "../meta";
import { planOffline } from "../offline-planner";
import { planMessages, PROMPT_VERSION } from "../prompts";
import { ModelPlan, RULES_VERSION } from "../rules";
import type { CrmOrchestratorStateType } from "../state";

/**
 * Reason and decompose: the model proposes typed actions (checked later against the vocabulary);
 * when it may not answer, the offline planner's rules do, and the path says so.
 */
export async function planActions(state: CrmOrchestratorStateType, config?: LangGraphRunnableConfig): Promise<Partial<CrmOrchestratorStateType>> {
  const crm = state.crm!;
  const { value, path } = await callModel<z.output<typeof ModelPlan>, Partial<CrmOrchestratorStateType>>({
    config,
    meta,
    node: "plan_actions",
    promptVersion: PROMPT_VERSION,
    vertical: crm.company.vertical,
    messages: planMessages(state.goal, crm, state.contactId),
    schema: ModelPlan,
    options: { maxTokens: resolveConfig(config).maxTokens, temperature: 0 },
    use: ({ value: plan, model }) => ({ proposed: plan.actions, reasoning: plan.reasoning, model }),
    fallback: {
      name: "offline_planner",
      version: RULES_VERSION,
      run: () => {
        const plan = planOffline(crm, state.contactId, state.goal);
        return { proposed: plan.actions, reasoning: plan.reasoning, model: null };
      },
    },
  });
  return { ...value, calls: [path] };
}
