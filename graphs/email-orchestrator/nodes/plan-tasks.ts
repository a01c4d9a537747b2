import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { z } from "zod";
import { callContext } from "@/graphs/shared/call-context";
import { completeJson } from "@/lib/llm";
import { isModelUnavailable } from "@/lib/llm/types";
import { planMessages, PROMPT_VERSION } from "../prompts";
import { DEFAULT_PLAN, repairPlan } from "../rules";
import type { OrchestratorStateType } from "../state";
import { meta } from "../meta";

/** The model may plan; its plan is repaired to the closed vocabulary. It can never undo the gate. */
export async function planTasks(state: OrchestratorStateType, config?: LangGraphRunnableConfig): Promise<Partial<OrchestratorStateType>> {
  try {
    const { value } = await completeJson(
      callContext(config, meta, { node: "plan_tasks", promptVersion: PROMPT_VERSION, vertical: state.snapshot!.company.vertical }),
      planMessages(state.snapshot!, state.history!),
      z.object({ tasks: z.array(z.string()) }),
      { maxTokens: 100, temperature: 0 },
    );
    return { plan: repairPlan(value.tasks), planSource: "model" };
  } catch (e) {
    if (!isModelUnavailable(e)) throw e;
    return { plan: [...DEFAULT_PLAN], planSource: "rule_based_fallback" };
  }
}
