import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import type { z } from "zod";
import { callModel } from "@/graphs/shared/call-model";
import { resolveConfig } from "../config";
import { meta } from "../meta";
import { classifyMessages, PROMPT_VERSION } from "../prompts";
import { ModelCountry, RULES_VERSION } from "../rules";
import type { CountryClassifyStateType } from "../state";

/**
 * The model names the country; when it may not (offline, refused, or an answer that is not a real
 * code), the path is recorded and decide_country takes the offline resolver's answer.
 */
export async function classifyWithModel(state: CountryClassifyStateType, config?: LangGraphRunnableConfig): Promise<Partial<CountryClassifyStateType>> {
  const { value, path } = await callModel<z.output<typeof ModelCountry>, Partial<CountryClassifyStateType>>({
    config,
    meta,
    node: "classify_with_model",
    promptVersion: PROMPT_VERSION,
    messages: classifyMessages(state.hq),
    schema: ModelCountry,
    options: { maxTokens: resolveConfig(config).maxTokens, temperature: 0 },
    use: ({ value: answer, model }) => ({ answer: { ...answer, model } }),
    fallback: { name: "offline_resolver", version: RULES_VERSION, run: () => ({}) },
  });
  return { ...value, calls: [path] };
}
