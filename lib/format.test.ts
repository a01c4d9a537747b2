import { describe, expect, it } from "vitest";
import { VERTICALS } from "@/db/schema";
import { clipText, formatUsd, humanize, inSentence, tokenInSentence } from "./format";

describe("display names", () => {
  it("a label names every vertical properly, SaaS included", () => {
    expect(VERTICALS.map(humanize)).toEqual(["SaaS", "Fintech", "Healthcare", "Manufacturing", "Logistics", "Retail"]);
    expect(humanize("c_level")).toBe("C-level");
    expect(humanize("do_not_contact")).toBe("Do not contact");
  });

  it("a vertical inside a sentence keeps SaaS and lower-cases the rest", () => {
    expect(VERTICALS.map(tokenInSentence)).toEqual(["SaaS", "fintech", "healthcare", "manufacturing", "logistics", "retail"]);
    expect(tokenInSentence("c_level")).toBe("C-level");
  });

  it("a department inside a sentence keeps its acronyms: 'IT teams', never 'it teams'", () => {
    expect(inSentence("IT")).toBe("IT");
    expect(inSentence("Revenue Operations")).toBe("revenue operations");
    expect(inSentence("HR and B2B Sales")).toBe("HR and B2B sales");
    expect(inSentence("Customer  Success")).toBe("customer  success");
  });
});

describe("formatUsd", () => {
  it("an admin reads a zero budget as $0.00 and a fraction of a cent as it is", () => {
    expect([0, 2.5, 0.001, 0.0123].map(formatUsd)).toEqual(["$0.00", "$2.50", "$0.0010", "$0.0123"]);
  });
});

describe("clipText", () => {
  it("a long title is cut at a word with an ellipsis, never mid-word, and never past its limit", () => {
    const goal = `Follow up with Ada: ${"book a meeting with the economic buyer ".repeat(8)}`.trim();
    const clipped = clipText(goal, 200);
    expect(clipped.length).toBeLessThanOrEqual(200);
    expect(clipped.endsWith("…")).toBe(true);
    expect(goal.startsWith(clipped.slice(0, -1))).toBe(true);
    expect(goal[clipped.length - 1]).toMatch(/\s/);
    expect(clipText("short", 200)).toBe("short");
  });
});
