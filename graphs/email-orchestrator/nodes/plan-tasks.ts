import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { z } from "zod";
import { callModel } from "@/graphs/shared/call-model";
import { resolveConfig } from "../config";
import { meta } from "../meta";
import { planMessages, PROMPT_VERSION } from "../prompts";
import { DEFAULT_PLAN, repairPlan, RULES_VERSION } from "../rules";
import type { OrchestratorStateType } from "../state";

/** The model may plan; its plan is repaired to the closed vocabulary. It can never undo the gate. */
export async function planTasks(state: OrchestratorStateType, config?: LangGraphRunnableConfig): Promise<Partial<OrchestratorStateType>> {
  const { value: plan, path } = await callModel({
    config,
    meta,
    node: "plan_tasks",
    promptVersion: PROMPT_VERSION,
    vertical: state.snapshot!.company.vertical,
    messages: planMessages(state.snapshot!, state.history!),
    schema: z.object({ tasks: z.array(z.string()) }),
    options: { maxTokens: resolveConfig(config).planMaxTokens, temperature: 0 },
    use: ({ value }) => repairPlan(value.tasks),
    fallback: { name: "default_plan", version: RULES_VERSION, run: () => [...DEFAULT_PLAN] },
  });
  return { plan, calls: [path] };
}
