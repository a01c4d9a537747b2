import { describe, expect, it } from "vitest";
import { checkSentences } from "@/lib/outreach/faithfulness";
import { DEFAULT_PLAYBOOKS } from "@/lib/objections/defaults";
import { OBJECTION_KINDS } from "@/lib/objections/kinds";
import { VERTICALS } from "@/db/schema/crm";
import { applyGate, classifyByRules, gateFlags, gateVerdict, RULE_CONFIDENCE, templateConfidence, templateCore } from "./rules";

describe("classifyByRules: each objection as prospects write it", () => {
  it.each([
    ["price", "Honestly this looks too expensive for a team our size."],
    ["price", "The pricing seems a bit high compared to what we pay today."],
    ["timing", "Not the right time for us — can we revisit this next quarter?"],
    ["incumbent_vendor", "We already use Outreach and our current vendor covers this."],
    ["no_budget", "We don't have the budget for anything new this year; budget is frozen."],
    ["not_a_priority", "This isn't a priority for us right now, we have other priorities."],
    ["security_compliance", "Our security team would need a SOC 2 report and a GDPR review first."],
    ["integration_effort", "How hard would it be to integrate with our Salesforce? Our engineering bandwidth is thin."],
    ["consult_others", "I'd need to run this by my CFO before going further."],
    ["send_more_info", "Could you send me some information I can read first?"],
  ])("a message raising %s is classified as it, with the matched phrase as evidence", (kind, text) => {
    const result = classifyByRules(text);
    expect(result.objection).toBe(kind);
    expect(result.evidence[0]).toMatch(new RegExp(`^${kind}: "`));
    expect(result.reason).toContain('"');
  });

  it.each([
    "Sounds great — let's book a call on Tuesday at 10.",
    "Thanks, received.",
    "I am out of the office until Monday.",
    "Who else at your company works on the rollout?",
  ])("a message raising none of the nine objections is 'none', not the nearest guess: %s", (text) => {
    expect(classifyByRules(text)).toEqual({ objection: "none", confidence: RULE_CONFIDENCE.none, reason: "No phrase of the nine objections appears in the message.", evidence: [] });
  });

  it("one objection's phrases alone give the single-match confidence; phrases of two give the contested one, the specific objection winning a tie", () => {
    expect(classifyByRules("It's too expensive.").confidence).toBe(RULE_CONFIDENCE.single);
    const mixed = classifyByRules("After the holidays our security review would have to happen first.");
    expect(mixed.objection).toBe("security_compliance");
    expect(mixed.confidence).toBe(RULE_CONFIDENCE.contested);
    expect(mixed.reason).toMatch(/also matched Timing/);
    // Two price phrases outweigh one timing phrase.
    expect(classifyByRules("Too expensive, and we'd want a discount — maybe later.").objection).toBe("price");
  });

  it("curly apostrophes read like straight ones", () => {
    expect(classifyByRules("We don’t have the budget.").objection).toBe("no_budget");
  });
});

describe("the faithfulness gate's policy", () => {
  const sources = [{ id: "proof:1", text: "Pricing is per active seat, billed monthly, with no platform fee." }];
  it("an invented figure or name, or a sentence no source mentions, is removed; wording that strays is kept and flagged", () => {
    expect(gateVerdict("Pricing is per seat and saves 40% a month.", "x", sources, {})).toMatchObject({ action: "removed", reason: "the figure 40 is not in the playbook or the facts" });
    expect(gateVerdict("Our pricing per seat is rated best by Gartner.", "x", sources, {})).toMatchObject({ action: "removed", reason: 'it names "gartner", which the playbook or the facts does not mention' });
    expect(gateVerdict("Everyone loves the dashboards.", "no source mentions what it says", sources, {})).toMatchObject({ action: "removed" });
    expect(gateVerdict("Monthly billing keeps the seat pricing flexible for growing teams.", "only 3 of its 7 content words come from the cited source", sources, {})).toEqual({
      sentence: "Monthly billing keeps the seat pricing flexible for growing teams.", action: "flagged", reason: "only 3 of its 7 content words come from the cited source",
    });
    // A name the caller allows (the company, the contact) is no invention.
    expect(gateVerdict("Pinelogic pays per active seat.", "x", sources, { allowedTerms: ["Pinelogic"] }).action).toBe("flagged");
  });

  it("applyGate drops removed sentences, keeps flagged ones, and the flags say what it did", () => {
    const gated = applyGate([
      { sentence: "Pricing is per active seat.", status: "supported", sourceIds: ["proof:1"] },
      { sentence: "We cut costs by 40%.", status: "unsupported", reason: "the figure 40 is not in the cited source" },
      { sentence: "Monthly billing keeps the seat pricing flexible for growing teams.", status: "unsupported", reason: "only 3 of its 7 content words come from the cited source" },
    ], sources);
    expect(gated.body).toBe("Pricing is per active seat. Monthly billing keeps the seat pricing flexible for growing teams.");
    expect(gated.sentences.map((s) => s.action)).toEqual(["removed", "flagged"]);
    expect(gateFlags(gated.sentences)).toEqual([
      "faithfulness: removed 1 sentence the playbook and facts do not support",
      "faithfulness: 1 sentence flagged — check against the playbook before sending",
    ]);
    expect(gateFlags([])).toEqual([]);
  });
});

describe("the offline rebuttal", () => {
  it.each(VERTICALS)("every %s template passes its own faithfulness gate: nothing removed or flagged", (vertical) => {
    const fact = { id: 3, fact: "Opened 29 new stores in 2025", confidence: 0.9 };
    for (const entry of DEFAULT_PLAYBOOKS[vertical]) {
      const core = templateCore(entry, fact, "Pinelogic");
      const sources = [{ id: "response", text: entry.response }, ...entry.proofPoints.map((text, i) => ({ id: `proof:${i}`, text })), { id: "fact:3", text: fact.fact }];
      const gated = applyGate(checkSentences(core, sources, { allowedTerms: ["Pinelogic"] }), sources, { allowedTerms: ["Pinelogic"] });
      expect(gated.sentences, `${vertical}/${entry.objection}`).toEqual([]);
    }
  });

  it("a template's confidence counts the approved material it used, not a constant", () => {
    const entry = DEFAULT_PLAYBOOKS.saas.find((e) => e.objection === OBJECTION_KINDS[0])!;
    expect(templateConfidence(entry, undefined)).toBe(0.6);
    expect(templateConfidence(entry, { confidence: 0.8 })).toBe(0.68);
    expect(templateConfidence({ proofPoints: [] }, undefined)).toBe(0.5);
  });
});
