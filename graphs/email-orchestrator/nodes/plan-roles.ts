import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { z } from "zod";
import { callContext } from "@/graphs/shared/call-context";
import { completeJson } from "@/lib/llm";
import { isModelUnavailable } from "@/lib/llm/types";
import { PROMPT_VERSION, roleMessages } from "../prompts";
import { DEFAULT_ROLES, repairRoles } from "../rules";
import type { OrchestratorStateType } from "../state";
import { meta } from "../meta";

export async function planRoles(state: OrchestratorStateType, config?: LangGraphRunnableConfig): Promise<Partial<OrchestratorStateType>> {
  try {
    const { value } = await completeJson(
      callContext(config, meta, { node: "plan_roles", promptVersion: PROMPT_VERSION, vertical: state.snapshot!.company.vertical }),
      roleMessages(state.snapshot!, state.history!),
      z.object({ roles: z.array(z.string()) }),
      { maxTokens: 60, temperature: 0 },
    );
    return { roles: repairRoles(value.roles) };
  } catch (e) {
    if (!isModelUnavailable(e)) throw e;
    return { roles: [...DEFAULT_ROLES] };
  }
}
