import { describe, expect, it } from "vitest";
import { scoredSummary } from "./summaries";

describe("scoredSummary", () => {
  it("a reviewer reads who scored in words, never the source code", () => {
    expect(scoredSummary(0.615, "B", "rule_based_fallback")).toBe("Scored 0.61, tier B (by the rule-based fallback, model unavailable).");
    expect(scoredSummary(0.9, "A", "model")).toBe("Scored 0.90, tier A (by the model).");
    expect(scoredSummary(0.2, "D", "some_new_source")).toBe("Scored 0.20, tier D (some new source).");
  });
});
