import { describe, expect, it } from "vitest";
import { toOtelAttributes, type SpanAttributes } from "./attributes";
import { featureForGraph } from "./feature";

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

describe("featureForGraph", () => {
  it("prefers the feature a graph's spec declares", () => {
    expect(featureForGraph("email_orchestrator", "outreach")).toBe("outreach");
    expect(featureForGraph("anything", " testing ")).toBe("testing");
  });

  it("maps an undeclared graph by its name's prefix, case-insensitively", () => {
    expect(featureForGraph("Email_Reply")).toBe("outreach");
    expect(featureForGraph("inbound_classify", "")).toBe("inbound");
    expect(featureForGraph("text_to_sql")).toBe("analytics");
  });

  it("never leaves the dimension empty: an unmatched or missing graph is uncategorized", () => {
    expect(featureForGraph("echo")).toBe("uncategorized");
    expect(featureForGraph("")).toBe("uncategorized");
    expect(featureForGraph(null, "  ")).toBe("uncategorized");
  });
});
