import { describe, expect, it } from "vitest";
import { DAY_MS } from "@/lib/clock";
import {
  composeScore, PROPENSITY_RULE, propensityTerm, rankScores, reachabilityTerm, renormalise, roleFitByKeywords, ROLE_FIT_RULE,
  seniorityTerm, tierOf, type ContactSignals,
} from "./rules";
import { TERMS, VERTICAL_PROFILES } from "./verticals";

const now = new Date(Date.UTC(2026, 11, 1));
const ago = (days: number) => now.getTime() - days * DAY_MS;

const base: ContactSignals = {
  contactId: 7,
  vertical: "saas",
  title: "VP of Sales",
  seniority: "vp",
  department: "Sales",
  email: "dana@acme.example",
  linkedinUrl: "https://www.linkedin.com/in/dana",
  bounced: false,
  doNotContact: false,
  unsubscribed: false,
  company: { enriched: true, employeeCount: 250, strongFacts: 3, country: "US" },
  engagement: { outbound: 0, opened: 0, inbound: 0, positive: 0, negative: 0, lastActivityAt: null },
};
const withSignals = (patch: Partial<ContactSignals>) => ({ ...base, ...patch });

describe("tier cut-offs", () => {
  it("a rep sees A at 0.80 and above, B from 0.60, C from 0.40, and D below", () => {
    expect([1, 0.8, 0.799, 0.6, 0.599, 0.4, 0.399, 0].map(tierOf)).toEqual(["A", "A", "B", "B", "C", "C", "D", "D"]);
  });
});

describe("the seniority term", () => {
  it("reads the recorded band first, then the band the title implies, and is left out when neither says", () => {
    expect(seniorityTerm({ seniority: "director", title: "Intern" }).value).toBe(0.7);
    expect(seniorityTerm({ seniority: null, title: "Chief Revenue Officer" }).value).toBe(1);
    // "Vice President" is a VP, not a president.
    expect(seniorityTerm({ seniority: null, title: "Vice President, Operations" }).value).toBe(0.85);
    expect(seniorityTerm({ seniority: null, title: "Head of Growth" }).value).toBe(0.7);
    expect(seniorityTerm({ seniority: null, title: "Sales Analyst" }).value).toBe(0.15);
    expect(seniorityTerm({ seniority: null, title: "Growth Hacker" })).toMatchObject({ value: null, why: expect.stringContaining("left out") });
    expect(seniorityTerm({ seniority: null, title: null }).value).toBeNull();
  });
});

describe("the role-fit keyword rules (the offline path)", () => {
  it("rank a vertical's buyer above a general signer above an adjacent role above anyone else", () => {
    expect(roleFitByKeywords({ vertical: "saas", title: "VP of Sales", department: null }).value).toBe(ROLE_FIT_RULE.buyer);
    expect(roleFitByKeywords({ vertical: "saas", title: "Chief Executive", department: "Operations" }).value).toBe(ROLE_FIT_RULE.general);
    expect(roleFitByKeywords({ vertical: "saas", title: "Customer Success Lead", department: null }).value).toBe(ROLE_FIT_RULE.adjacent);
    expect(roleFitByKeywords({ vertical: "saas", title: "Office Receptionist", department: null }).value).toBe(ROLE_FIT_RULE.other);
  });

  it("a rep reads a title and its department once: a department the title already names is not repeated", () => {
    expect(roleFitByKeywords({ vertical: "retail", title: "Head of Customer Success", department: "Customer Success" }).why).not.toContain("Customer Success Customer Success");
    expect(roleFitByKeywords({ vertical: "retail", title: "Office Receptionist", department: "Facilities" }).why).toContain('"Office Receptionist, Facilities"');
  });

  it("judge the same title by the vertical it is in, and leave the term out with no title or department", () => {
    expect(roleFitByKeywords({ vertical: "healthcare", title: "Director of Nursing", department: null }).value).toBe(ROLE_FIT_RULE.buyer);
    expect(roleFitByKeywords({ vertical: "saas", title: "Director of Nursing", department: null }).value).toBe(ROLE_FIT_RULE.other);
    expect(roleFitByKeywords({ vertical: "logistics", title: "Manager", department: "Fleet" }).value).toBe(ROLE_FIT_RULE.buyer);
    expect(roleFitByKeywords({ vertical: "saas", title: " ", department: null }).value).toBeNull();
  });

  it("match whole words only, so 'itinerary' is not IT", () => {
    expect(roleFitByKeywords({ vertical: "healthcare", title: "Itinerary Planner", department: null }).value).toBe(ROLE_FIT_RULE.other);
  });
});

describe("the reachability term", () => {
  it("adds a valid email, a LinkedIn profile, not bouncing and the company's authority", () => {
    expect(reachabilityTerm(base).value).toBe(1);
    expect(reachabilityTerm(withSignals({ linkedinUrl: null })).value).toBe(0.75);
    expect(reachabilityTerm(withSignals({ linkedinUrl: "https://example.com/dana" })).value).toBe(0.75);
    expect(reachabilityTerm(withSignals({ bounced: true })).value).toBe(0.8);
    expect(reachabilityTerm(withSignals({ email: "not an address" })).value).toBe(0.65);
    expect(reachabilityTerm(withSignals({ company: { enriched: false, employeeCount: null, strongFacts: 1, country: null } })).value).toBe(0.8);
    expect(reachabilityTerm(withSignals({ company: { enriched: true, employeeCount: null, strongFacts: 0, country: "DE" } })).value).toBe(0.9);
  });

  it("is 0 for a contact who asked not to be contacted or unsubscribed, whatever else holds", () => {
    expect(reachabilityTerm(withSignals({ doNotContact: true }))).toMatchObject({ value: 0, why: expect.stringContaining("do-not-contact") });
    expect(reachabilityTerm(withSignals({ unsubscribed: true })).value).toBe(0);
  });
});

describe("the propensity term", () => {
  const engaged = (e: Partial<ContactSignals["engagement"]>) => ({ engagement: { ...base.engagement, ...e } });

  it("is left out for a contact with no emails or outcomes, so a new lead is not punished as silent", () => {
    expect(propensityTerm(engaged({}), now)).toMatchObject({ value: null, why: expect.stringContaining("left out") });
  });

  it("grows with opens, a reply and a positive outcome, and a negative outcome takes it down", () => {
    const p = PROPENSITY_RULE;
    expect(propensityTerm(engaged({ outbound: 4, lastActivityAt: ago(2) }), now).value).toBe(p.base);
    expect(propensityTerm(engaged({ outbound: 4, opened: 2, lastActivityAt: ago(2) }), now).value).toBe(0.4);
    expect(propensityTerm(engaged({ outbound: 4, opened: 4, inbound: 1, lastActivityAt: ago(2) }), now).value).toBe(0.75);
    expect(propensityTerm(engaged({ outbound: 4, opened: 4, inbound: 1, positive: 1, lastActivityAt: ago(2) }), now).value).toBe(1);
    expect(propensityTerm(engaged({ outbound: 4, opened: 4, inbound: 1, negative: 1, lastActivityAt: ago(2) }), now).value).toBe(0.45);
  });

  it("fades with time since the last activity: full within 30 days, ×0.8 to 180, ×0.6 beyond or undated", () => {
    const at = (days: number | null) => propensityTerm(engaged({ outbound: 2, opened: 2, inbound: 1, lastActivityAt: days === null ? null : ago(days) }), now).value;
    expect([at(30), at(31), at(180), at(181), at(null)]).toEqual([0.75, 0.6, 0.6, 0.45, 0.45]);
  });
});

describe("renormalisation", () => {
  it("spreads the weights over the known terms so they sum to 1, and gives the unknown ones none", () => {
    const w = VERTICAL_PROFILES.saas.weights;
    const all = renormalise(w, TERMS);
    expect(Object.values(all).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    const some = renormalise(w, ["seniority", "reachability"]);
    expect(some.seniority).toBeCloseTo(w.seniority / (w.seniority + w.reachability), 10);
    expect(some.reachability + some.seniority).toBeCloseTo(1, 10);
    expect([some.roleFit, some.propensity]).toEqual([0, 0]);
  });

  it("every vertical's weights sum to 1", () => {
    for (const profile of Object.values(VERTICAL_PROFILES)) expect(TERMS.reduce((s, t) => s + profile.weights[t], 0)).toBeCloseTo(1, 10);
  });

  it("a contact with no history is scored on the other three terms, not dragged down by an unknown propensity", () => {
    const score = composeScore(base, now);
    const w = VERTICAL_PROFILES.saas.weights;
    const known = w.seniority + w.roleFit + w.reachability;
    expect(score.score).toBeCloseTo(Math.round(((w.seniority * 0.85 + w.roleFit * ROLE_FIT_RULE.buyer + w.reachability * 1) / known) * 1000) / 1000, 10);
    expect(score.terms.propensity).toMatchObject({ value: null, weight: 0 });
    expect(score.confidence).toBeCloseTo(known, 10);
    expect(score.reason).toContain("propensity not known, weights renormalised");
  });
});

describe("composeScore", () => {
  it("uses the vertical's own weights: the same person scores differently where role fit weighs more", () => {
    const healthcare = composeScore(withSignals({ vertical: "healthcare", title: "Office Receptionist", seniority: "entry", department: null }), now);
    const saas = composeScore(withSignals({ vertical: "saas", title: "Office Receptionist", seniority: "entry", department: null }), now);
    expect(healthcare.terms.seniority.weight).not.toBe(saas.terms.seniority.weight);
    expect(healthcare.score).not.toBe(saas.score);
  });

  it("labels the score by who judged the role fit: rules offline, the model's own, or rule_based_fallback when the model failed", () => {
    expect(composeScore(base, now).source).toBe("rules");
    const byModel = composeScore(base, now, { value: 0.2, why: "Model m: not a buyer.", source: "model" });
    expect(byModel).toMatchObject({ source: "model", terms: { roleFit: { value: 0.2, source: "model" } } });
    expect(byModel.score).toBeLessThan(composeScore(base, now).score);
    expect(composeScore(base, now, { value: 0.9, why: "Keyword rules…", source: "rule_based_fallback" }).source).toBe("rule_based_fallback");
  });

  it("a senior buyer who replied positively lately is an A; a silent junior with a bounced address at a thin account is a D", () => {
    const hot = composeScore(withSignals({ engagement: { outbound: 3, opened: 3, inbound: 1, positive: 1, negative: 0, lastActivityAt: ago(3) } }), now);
    expect(hot.tier).toBe("A");
    const cold = composeScore(
      withSignals({
        title: "Receptionist", seniority: "entry", department: null, linkedinUrl: null, bounced: true,
        company: { enriched: false, employeeCount: null, strongFacts: 0, country: null },
        engagement: { outbound: 6, opened: 0, inbound: 0, positive: 0, negative: 1, lastActivityAt: ago(400) },
      }),
      now,
    );
    expect(cold.tier).toBe("D");
    expect(cold.evidence).toHaveLength(4);
  });
});

describe("tie-breaking", () => {
  it("a batch ranks highest score first and equal scores by ascending contact id, whatever order they came in", () => {
    const scores = [
      { contactId: 9, score: 0.5 }, { contactId: 3, score: 0.7 }, { contactId: 5, score: 0.5 }, { contactId: 1, score: 0.5 }, { contactId: 4, score: 0.7 },
    ];
    expect(rankScores(scores).map((s) => s.contactId)).toEqual([3, 4, 1, 5, 9]);
    expect(rankScores([...scores].reverse()).map((s) => s.contactId)).toEqual([3, 4, 1, 5, 9]);
  });
});
