import { describe, expect, it } from "vitest";
import { factsFor, modelDraftConfidence } from "./rules";

describe("a model draft's confidence", () => {
  it("grows by 0.1 per company fact the model was given, from 0.5 to at most 0.8", () => {
    expect([0, 1, 2, 3, 8].map(modelDraftConfidence)).toEqual([0.5, 0.6, 0.7, 0.8, 0.8]);
  });
});

describe("the facts a draft may cite", () => {
  const fact = { id: 1, fact: "Opened 3 stores", source: "news", confidence: 0.9 };
  const brief = { facts: [fact], roles: ["composer"] } as unknown as Parameters<typeof factsFor>[0];

  it("are none unless a researcher is planned", () => {
    expect(factsFor(brief)).toEqual([]);
    expect(factsFor({ ...brief, roles: ["researcher", "composer"] })).toEqual([fact]);
  });
});
