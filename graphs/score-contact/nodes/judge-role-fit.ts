import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import type { z } from "zod";
import { callModel } from "@/graphs/shared/call-model";
import { VERTICAL_PROFILES } from "@/lib/scoring/verticals";
import { resolveConfig } from "../config";
import { meta } from "../meta";
import { PROMPT_VERSION, roleFitMessages } from "../prompts";
import { fallbackRoleFit, modelRoleFit, ModelRoleFit, RULES_VERSION } from "../rules";
import type { ScoreContactStateType } from "../state";

/**
 * One model call judges the title against the vertical's buyer profile; when the model may not
 * answer (offline, refused, invalid output), the keyword rules judge it, labelled rule_based_fallback.
 */
export async function judgeRoleFit(state: ScoreContactStateType, config?: LangGraphRunnableConfig): Promise<Partial<ScoreContactStateType>> {
  const signals = state.signals!;
  const { value, path } = await callModel<z.output<typeof ModelRoleFit>, Partial<ScoreContactStateType>>({
    config,
    meta,
    node: "judge_role_fit",
    promptVersion: PROMPT_VERSION,
    vertical: signals.vertical,
    messages: roleFitMessages(signals.vertical, VERTICAL_PROFILES[signals.vertical].description, signals.title, signals.department),
    schema: ModelRoleFit,
    options: { maxTokens: resolveConfig(config).maxTokens, temperature: 0 },
    use: ({ value: answer, model }) => ({ roleFit: modelRoleFit(answer, model) }),
    fallback: { name: "keyword_rules", version: RULES_VERSION, run: (words) => ({ roleFit: fallbackRoleFit(signals, words) }) },
  });
  return { ...value, calls: [path] };
}
