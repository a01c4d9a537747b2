import { whyInWords, type FallbackPath } from "@/graphs/shared/provenance";
import { keywordClassify, polarityOf, RULES_VERSION } from "../rules";
import type { ClassifyStateType } from "../state";

/**
 * The deterministic path, labelled rule_based_fallback: never passed off as a model's answer.
 * Its provenance carries the fallback path classify_with_model recorded. Confidence: the matched
 * rule's documented value (rules.ts).
 */
export function classifyWithRules(state: ClassifyStateType): Partial<ClassifyStateType> {
  const path = state.calls.findLast((c): c is FallbackPath => c.path === "fallback");
  const { returnDate, ...verdict } = keywordClassify(state, path ? whyInWords(path.why) : "no model answer");
  return {
    classification: { ...verdict, ...(returnDate ? { returnDate } : {}), provenance: { ...verdict.provenance, ...(path ? { path } : {}) }, polarity: polarityOf(verdict.label), promptVersion: RULES_VERSION, model: null },
  };
}
