import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { z } from "zod";
import { callModel } from "@/graphs/shared/call-model";
import { resolveConfig } from "../config";
import { meta } from "../meta";
import { classifyMessages, PROMPT_VERSION } from "../prompts";
import { polarityOf, RULES_VERSION } from "../rules";
import { LABELS, type ClassifyStateType } from "../state";

/** The model's answer, strictly: a label outside the set, or a confidence outside 0–1, is invalid output and falls back to the rules. */
const ModelLabel = z.object({
  label: z.enum(LABELS),
  confidence: z.number().min(0).max(1),
  reason: z.string().trim().min(1).transform((r) => r.slice(0, 300)),
});

/**
 * The model labels the message; when it may not answer, the run goes on to classify_with_rules
 * (the path is recorded here, the keyword rules run there). Confidence: model-reported, held to
 * 0–1 by the schema.
 */
export async function classifyWithModel(state: ClassifyStateType, config?: LangGraphRunnableConfig): Promise<Partial<ClassifyStateType>> {
  const { subject, body, from } = state;
  const { value, path } = await callModel<z.infer<typeof ModelLabel>, Partial<ClassifyStateType>>({
    config,
    meta,
    node: "classify_with_model",
    promptVersion: PROMPT_VERSION,
    messages: classifyMessages({ subject, body, from }),
    schema: ModelLabel,
    options: { maxTokens: resolveConfig(config).maxTokens, temperature: 0 },
    use: ({ value: { label, confidence, reason }, model }, path) => ({
      classification: {
        label,
        polarity: polarityOf(label),
        provenance: { confidence, reason, source: "model", evidence: [`subject: "${subject.slice(0, 120)}"`], path },
        promptVersion: PROMPT_VERSION,
        model,
      },
    }),
    fallback: { name: "keyword_rules", version: RULES_VERSION, run: () => ({}) },
  });
  return { ...value, calls: [path] };
}
