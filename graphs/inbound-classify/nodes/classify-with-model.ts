import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { z } from "zod";
import { callModel } from "@/graphs/shared/call-model";
import { resolveConfig } from "../config";
import { meta } from "../meta";
import { classifyMessages, PROMPT_VERSION } from "../prompts";
import { analyzeInbound, guardModelLabel, polarityOf, RULES_VERSION } from "../rules";
import { LABELS, type Classification, type ClassifyStateType } from "../state";

/** The model's answer, strictly: a label outside the set, or a confidence outside 0–1, is invalid output and falls back to the rules. */
const ModelLabel = z.object({
  label: z.enum(LABELS),
  confidence: z.number().min(0).max(1),
  reason: z.string().trim().min(1).transform((r) => r.slice(0, 300)),
});

/**
 * The model labels the message, then its label passes the deterministic guard (rules.ts
 * `guardModelLabel`): an opt-out the rules see is unsubscribe whatever the model says, and a
 * positive label for a message that instructs its classifier stands only when the rules agree.
 * When the model may not answer, the run goes on to classify_with_rules (the path is recorded
 * here, the keyword rules run there). Confidence: model-reported, held to 0–1 by the schema; the
 * rule's documented value when a guard replaced the label.
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
    use: ({ value: { label, confidence, reason }, model }, path) => {
      const rules = analyzeInbound(state);
      const override = guardModelLabel(label, rules);
      const final = override?.label ?? label;
      const provenance: Classification["provenance"] = override
        ? {
            confidence: rules.confidence,
            reason: `Guard ${override.guard}: the model answered ${label} ("${reason}"), but ${override.why}, so the label is ${final}.`,
            source: "rule_guard",
            evidence: [...rules.evidence, `model: "${label}"`, `guard: ${override.guard}`],
            path,
          }
        : { confidence, reason, source: "model", evidence: [`subject: "${subject.slice(0, 120)}"`], path };
      return {
        classification: {
          label: final,
          polarity: polarityOf(final),
          provenance,
          promptVersion: PROMPT_VERSION,
          model,
          ...(final === "auto_reply" && rules.returnDate ? { returnDate: rules.returnDate } : {}),
          ...(override ? { guard: override } : {}),
        },
      };
    },
    fallback: { name: "keyword_rules", version: RULES_VERSION, run: () => ({}) },
  });
  return { ...value, calls: [path] };
}
