import { describe, expect, it } from "vitest";
import { checkProposal, flaggedClaims, groundedShare, proposalMarkdown } from "@/lib/outreach/proposal";
import { FACTS, TOOLS } from "@/db/seed/vocabulary";
import { checkClaim } from "@/lib/outreach/faithfulness";
import { allowedTerms, findingsEvidence, keepFindings, offlineFindings, offlineProposal } from "./rules";
import type { LeadSnapshot } from "./state";

const snapshot: LeadSnapshot = {
  contact: { id: 1, firstName: "Dana", lastName: "Whitfield", title: "VP Sales", seniority: "vp", department: "Sales", ownerId: "rep-1" },
  company: { id: 9, name: "Acme Analytics", vertical: "saas", size: "201-500", hqCity: "Austin" },
  facts: [
    { id: 31, fact: "Raised a Series B of $20M to expand its go-to-market team", source: "news", confidence: 0.9 },
    { id: 32, fact: "Hiring 12 account executives across North America and EMEA", source: "linkedin", confidence: 0.8 },
    { id: 33, fact: "Fleet grew to 40 trucks this year", source: "news", confidence: 0.7 },
  ],
  senderName: "Riley Rep",
};

describe("lead_to_proposal's offline path", () => {
  it("offline research restates each fact about the company and cites it", () => {
    expect(offlineFindings(snapshot, 2)).toEqual([
      { text: "Acme Analytics raised a Series B of $20M to expand its go-to-market team.", factIds: [31] },
      { text: "Acme Analytics is hiring 12 account executives across North America and EMEA.", factIds: [32] },
    ]);
    expect(offlineFindings(snapshot, 3)[2]!.text).toBe("Acme Analytics: Fleet grew to 40 trucks this year.");
  });

  it("every fact the seed can write, restated offline, passes the faithfulness check against itself", () => {
    for (const [vertical, templates] of Object.entries(FACTS)) {
      for (const template of templates) {
        const fact = template.replace("{n}", "17").replace("{round}", "C").replace("{city}", "Lyon").replace("{tool}", TOOLS[vertical as keyof typeof TOOLS][0]!);
        const [finding] = offlineFindings({ ...snapshot, facts: [{ id: 7, fact, source: "news", confidence: 0.9 }] }, 1);
        expect(checkClaim({ ...finding!, assumption: false }, [{ id: 7, fact }], { allowedTerms: allowedTerms(snapshot) }), finding!.text).toEqual({ status: "supported", factIds: [7] });
      }
    }
  });

  it("the offline template's proposal passes its own faithfulness check: facts cited, the rest marked assumptions", () => {
    const written = offlineProposal(snapshot, offlineFindings(snapshot, 6));
    const doc = checkProposal({ ...written, facts: snapshot.facts, findings: [], allowedTerms: allowedTerms(snapshot) });
    expect(flaggedClaims(doc)).toEqual([]);
    expect(doc.sections.map((s) => s.key)).toEqual(["problem", "approach", "value", "next_step"]);
    expect(doc.sections[0]!.claims.filter((c) => c.verdict === "supported").map((c) => c.factIds)).toEqual([[31], [32], [33]]);
    expect(groundedShare(doc)).toBe(0.43);
  });

  it("a lead with no facts gets a proposal whose problem is an assumption that says so", () => {
    const written = offlineProposal({ ...snapshot, facts: [] }, []);
    expect(written.sections.problem).toEqual([{ text: expect.stringContaining("no facts about Acme Analytics are on record"), factIds: [], assumption: true }]);
  });

  it("model findings keep only fact ids the model was given, and drop findings left citing nothing", () => {
    const kept = keepFindings({ findings: [{ text: "a", fact_ids: [31, 99] }, { text: "b", fact_ids: [99] }, { text: "c", fact_ids: [] }] }, new Set([31, 32]), 6);
    expect(kept).toEqual([{ text: "a", factIds: [31] }]);
  });

  it("the exported Markdown leaves out flagged claims; the queue's version shows them with why", () => {
    const doc = checkProposal(
      {
        title: "Proposal for Acme Analytics",
        sections: { problem: [{ text: "Acme raised a Series B of $90M.", factIds: [31], assumption: false }, { text: "Acme Analytics raised a Series B of $20M to expand its go-to-market team.", factIds: [31], assumption: false }], approach: [], value: [], next_step: [{ text: "Assumption: a call next week.", factIds: [], assumption: true }] },
        facts: snapshot.facts,
        findings: [],
        allowedTerms: allowedTerms(snapshot),
      },
    );
    const queue = proposalMarkdown(doc, { export: false });
    expect(queue).toContain("1 claim failed the faithfulness check");
    expect(queue).toMatch(/⚠ \*\*Flagged:\*\* Acme raised a Series B of \$90M\. \[F31\] — the figure 90,000,000 is not in the cited source/);
    const exported = proposalMarkdown(doc, { export: true });
    expect(exported).not.toContain("$90M");
    expect(exported).toContain("- Acme Analytics raised a Series B of $20M to expand its go-to-market team. [F31]");
    expect(exported).toContain("- *Assumption:* a call next week.");
    expect(exported).toContain("- [F31] Raised a Series B of $20M to expand its go-to-market team (news)");
  });
  it("a reviewer reads where the findings came from in a sentence, not the source code", () => {
    expect(findingsEvidence("facts_as_findings")).toBe("Findings restated from the company's facts (offline)");
    expect(findingsEvidence("model")).not.toContain("_");
  });
});
