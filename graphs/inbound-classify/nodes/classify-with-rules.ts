import { keywordClassify, polarityOf, RULES_VERSION } from "../rules";
import type { ClassifyStateType } from "../state";

/** The deterministic path, labelled rule_based_fallback: never passed off as a model's answer. */
export function classifyWithRules(state: ClassifyStateType): Partial<ClassifyStateType> {
  const verdict = keywordClassify(state, state.fallbackReason ?? "no model answer");
  return { classification: { ...verdict, polarity: polarityOf(verdict.label), promptVersion: RULES_VERSION, model: null } };
}
