import { describe, expect, it } from "vitest";
import { canRepair, confidenceOf, tablesFromKeywords } from "./rules";

describe("the keyword reading of a question's tables", () => {
  it("names the tables the question's words point to, and contacts with companies when nothing matches", () => {
    expect(tablesFromKeywords("Which campaign booked the most meetings?")).toEqual(["email_campaigns", "outcomes"]);
    expect(tablesFromKeywords("how are we doing?")).toEqual(["contacts", "companies"]);
  });
});

describe("repairs", () => {
  it("only the model's SQL is repaired, and only while repairs are left", () => {
    expect(canRepair({ sqlSource: "model", repairs: 1 }, 2)).toBe(true);
    expect(canRepair({ sqlSource: "model", repairs: 2 }, 2)).toBe(false);
    expect(canRepair({ sqlSource: "catalogue", repairs: 0 }, 2)).toBe(false);
  });
});

describe("an answer's confidence", () => {
  it("is 0.9 for a fixed report, 0.85 less 0.15 per repair for the model's SQL (at least 0.3), 0 for none", () => {
    expect(confidenceOf({ sqlSource: "catalogue", repairs: 0 })).toBe(0.9);
    expect([0, 1, 2, 5].map((repairs) => confidenceOf({ sqlSource: "model", repairs }))).toEqual([0.85, 0.7, 0.55, 0.3]);
    expect(confidenceOf({ sqlSource: "none", repairs: 0 })).toBe(0);
  });
});
