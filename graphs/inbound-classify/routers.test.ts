import { describe, expect, it } from "vitest";
import { afterModel } from "./routers";
import type { Classification, ClassifyStateType } from "./state";

describe("afterModel", () => {
  const state = (over: Partial<ClassifyStateType>) => ({ subject: "", body: "", from: "", ...over }) as ClassifyStateType;

  it("ends on a model label and falls back to the rules otherwise", () => {
    const classification: Classification = { label: "spam", polarity: "negative", provenance: { confidence: 0.9, reason: "", source: "model", evidence: [] }, promptVersion: "v", model: "m" };
    expect(afterModel(state({ classification }))).toBe("__end__");
    expect(afterModel(state({ calls: [{ node: "classify_with_model", path: "fallback", fallback: "keyword_rules", why: "invalid_output", templateVersion: "r" }] }))).toBe("classify_with_rules");
    expect(afterModel(state({}))).toBe("classify_with_rules");
  });
});
