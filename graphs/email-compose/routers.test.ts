import { describe, expect, it } from "vitest";
import type { ComposeBrief } from "@/lib/outreach/brief";
import { afterDraft } from "./routers";
import type { ComposeStateType } from "./state";

const brief: ComposeBrief = {
  action: "initial",
  contact: { firstName: "Laura", lastName: "Costa", title: "Head of Operations", seniority: "director", department: "Operations" },
  company: { name: "Pinelogic Market", vertical: "retail", size: "51-200", hqCity: "Dublin" },
  facts: [],
  campaign: null,
  memories: [],
  inbound: null,
  previousSubject: null,
  senderName: "Riley Rep",
  roles: ["researcher", "composer"],
};

describe("afterDraft", () => {
  const modelDraft = (refinements: number) => ({ subject: "s", body: "b", model: "m", refinements, provenance: { confidence: 0.7, reason: "", source: "model", evidence: [], path: { node: "draft_email", path: "model" as const, model: "m", promptVersion: "p" } } });
  const state = (over: Partial<ComposeStateType>) => ({ brief: { ...brief, roles: ["composer", "reviewer"] }, ...over }) as ComposeStateType;

  it("refines a model draft at most twice when a reviewer is planned", () => {
    expect(afterDraft(state({ draft: modelDraft(0) }))).toBe("refine_email");
    expect(afterDraft(state({ draft: modelDraft(1) }))).toBe("refine_email");
    expect(afterDraft(state({ draft: modelDraft(2) }))).toBe("__end__");
  });

  it("never refines a template, nor without a reviewer, nor once judged fine", () => {
    expect(afterDraft(state({ draft: { ...modelDraft(0), provenance: { ...modelDraft(0).provenance, source: "rule_based_fallback" } } }))).toBe("__end__");
    expect(afterDraft({ ...state({ draft: modelDraft(0) }), brief } as ComposeStateType)).toBe("__end__");
    expect(afterDraft(state({ draft: modelDraft(0), refineDone: true }))).toBe("__end__");
  });

  it("a run configured for fewer passes stops sooner", () => {
    const config = { configurable: { maxRefinements: 1 } };
    expect(afterDraft(state({ draft: modelDraft(0) }), config)).toBe("refine_email");
    expect(afterDraft(state({ draft: modelDraft(1) }), config)).toBe("__end__");
  });
});
