import { describe, expect, it } from "vitest";
import { toOtelAttributes, type SpanAttributes } from "./attributes";
import { featureOf } from "./feature";

describe("span attributes", () => {
  it("are named from the three classes, and nulls are left off", () => {
    expect(
      toOtelAttributes({ runId: "r1", threadId: null, graph: "email_compose", promptVersion: "v1", cacheHit: false, inputTokens: 12, costUsd: 0.0001 }),
    ).toEqual({
      "langgraph.run_id": "r1",
      "agentic_sales.graph": "email_compose",
      "agentic_sales.prompt_version": "v1",
      "agentic_sales.cache_hit": false,
      "gen_ai.usage.input_tokens": 12,
      "agentic_sales.cost_usd": 0.0001,
    });
  });

  it("a caller who casts past the type still cannot put anything else on a span", () => {
    const sneaky = { graph: "g", body: "Dear Ann, …", "email.body": "…", outputTokens: Number.NaN } as unknown as SpanAttributes;
    expect(toOtelAttributes(sneaky)).toEqual({ "agentic_sales.graph": "g" });
  });
});

describe("featureOf", () => {
  it("is the feature a graph's meta declares, trimmed", () => {
    expect(featureOf("outreach")).toBe("outreach");
    expect(featureOf(" testing ")).toBe("testing");
  });

  it("never guesses from a name and never leaves the dimension empty: a graph that declares none is uncategorized", () => {
    expect(featureOf(undefined)).toBe("uncategorized");
    expect(featureOf(null)).toBe("uncategorized");
    expect(featureOf("  ")).toBe("uncategorized");
  });
});
