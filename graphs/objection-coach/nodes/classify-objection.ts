import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { z } from "zod";
import { callModel } from "@/graphs/shared/call-model";
import { OBJECTION_KINDS } from "@/lib/objections/kinds";
import { resolveConfig } from "../config";
import { meta } from "../meta";
import { classifyMessages, PROMPT_VERSION } from "../prompts";
import { classifyByRules, RULES_VERSION } from "../rules";
import type { CoachClassification, ObjectionCoachStateType } from "../state";

/** The model's answer, strictly: one of the nine classes or "none" (anything else is invalid output), a clamped confidence, one reason. */
const ModelClass = z.object({
  objection: z.enum([...OBJECTION_KINDS, "none"]),
  confidence: z.number().transform((c) => Math.min(1, Math.max(0, c))),
  reason: z.string().trim().min(1).max(300),
});

/**
 * Classifies the objection with the model; when it may not answer (offline, refused, or a class
 * outside the vocabulary), the phrase rules do, labelled `rule_based_fallback` with why. The
 * rules' verdict is kept in the evidence either way, for the rep to compare.
 */
export async function classifyObjection(state: ObjectionCoachStateType, config?: LangGraphRunnableConfig): Promise<Partial<ObjectionCoachStateType>> {
  const context = state.context!;
  const limits = resolveConfig(config);
  const text = (context.inbound ? `${context.inbound.subject}\n\n${context.inbound.body}` : context.note!).slice(0, limits.maxMessageChars);
  const rules = classifyByRules(text);
  const rulesLine = `rules: ${rules.objection} (${rules.confidence})${rules.evidence.length ? ` — ${rules.evidence.join("; ")}` : ""}`;
  const { value, path } = await callModel<z.output<typeof ModelClass>, CoachClassification>({
    config,
    meta,
    node: "classify_objection",
    promptVersion: PROMPT_VERSION,
    vertical: context.company.vertical,
    messages: classifyMessages(text, context.inbound ? "email" : "note"),
    schema: ModelClass,
    options: { maxTokens: limits.classifyMaxTokens, temperature: 0 },
    use: ({ value: answer, model }, modelPath) => ({
      objection: answer.objection,
      confidence: answer.confidence,
      reason: answer.reason,
      promptVersion: PROMPT_VERSION,
      provenance: { confidence: answer.confidence, reason: answer.reason, source: "model", evidence: [`model: ${model}`, rulesLine], path: modelPath },
    }),
    fallback: {
      name: "keyword_rules",
      version: RULES_VERSION,
      run: (why, fallbackPath) => ({
        objection: rules.objection,
        confidence: rules.confidence,
        reason: `Keyword rules (${why}): ${rules.reason}`,
        promptVersion: RULES_VERSION,
        provenance: { confidence: rules.confidence, reason: `Keyword rules (${why}): ${rules.reason}`, source: "rule_based_fallback", evidence: [rulesLine], path: fallbackPath },
      }),
    },
  });
  return { classification: value, calls: [path] };
}
