import { describe, expect, it } from "vitest";
import { VERTICALS } from "@/db/schema";
import { formatUsd, humanize, inSentence, tokenInSentence } from "./format";

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
