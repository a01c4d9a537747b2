/** Who scored, in the words the contact page uses (components/contacts/score-explanation.tsx sourceLabel). */
const SCORED_BY: Record<string, string> = {
  model: "by the model",
  rule_based_fallback: "by the rule-based fallback, model unavailable",
  rules: "by the rules",
};

/** A score step's verification line, read by a person on the plan page: no source codes. */
export function scoredSummary(score: number, tier: string, source: string): string {
  return `Scored ${score.toFixed(2)}, tier ${tier} (${SCORED_BY[source] ?? source.replace(/_/g, " ")}).`;
}
