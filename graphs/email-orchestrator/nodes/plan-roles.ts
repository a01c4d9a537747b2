import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { z } from "zod";
import { callModel } from "@/graphs/shared/call-model";
import { resolveConfig } from "../config";
import { meta } from "../meta";
import { PROMPT_VERSION, roleMessages } from "../prompts";
import { DEFAULT_ROLES, repairRoles, RULES_VERSION } from "../rules";
import type { OrchestratorStateType } from "../state";

/** The roles that write the draft: the model's choice, repaired (the composer is always there), else the default. */
export async function planRoles(state: OrchestratorStateType, config?: LangGraphRunnableConfig): Promise<Partial<OrchestratorStateType>> {
  const { value: roles, path } = await callModel({
    config,
    meta,
    node: "plan_roles",
    promptVersion: PROMPT_VERSION,
    vertical: state.snapshot!.company.vertical,
    messages: roleMessages(state.snapshot!, state.history!),
    schema: z.object({ roles: z.array(z.string()) }),
    options: { maxTokens: resolveConfig(config).rolesMaxTokens, temperature: 0 },
    use: ({ value }) => repairRoles(value.roles),
    fallback: { name: "default_roles", version: RULES_VERSION, run: () => [...DEFAULT_ROLES] },
  });
  return { roles, calls: [path] };
}
