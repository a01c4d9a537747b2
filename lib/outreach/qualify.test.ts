import { describe, expect, it } from "vitest";
import { QUALIFY_THRESHOLD, qualify, unqualifiedReason } from "./qualify";

describe("the qualify rule", () => {
  it("a lead with a company and a role scores 0.4 + 0.3 + 0.3 and qualifies", () => {
    const input = { companyName: "Acme", title: "VP Sales", seniority: "vp" };
    expect(qualify(input)).toMatchObject({ score: 1, label: "qualified", provenance: { confidence: 1, source: "rules" } });
    expect(unqualifiedReason(input, qualify(input))).toBeNull();
  });

  it("either known half alone reaches 0.7 and qualifies; the threshold is 0.6", () => {
    expect(QUALIFY_THRESHOLD).toBe(0.6);
    expect(qualify({ companyName: "Acme", title: null, seniority: null })).toMatchObject({ score: 0.7, label: "qualified" });
    expect(qualify({ companyName: null, title: null, seniority: "director" })).toMatchObject({ score: 0.7, label: "qualified" });
  });

  it("a lead with neither stops at 0.4, and the reason names what is missing", () => {
    const input = { companyName: null, title: "", seniority: null };
    const verdict = qualify(input);
    expect(verdict).toMatchObject({ score: 0.4, label: "needs_review" });
    expect(unqualifiedReason(input, verdict)).toBe("Not qualified: score 0.4 is below 0.6 (its company and the contact's role or seniority unknown).");
  });
});
