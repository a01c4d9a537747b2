import { describe, expect, it } from "vitest";
import { DEFAULT_STOP_CRITERIA } from "@/lib/campaigns/coach-plan";
import { type AudienceRows, summarizeAudience, themeOf } from "./audience";
import { agreeByRules, brandVoiceCase, coerceProposals, coverageConfidence, fitTouchAngles, rulesConfidence, skepticCase, strategistCase } from "./rules";
import type { LensArgument } from "./state";

const contact = (companyId: number, vertical: AudienceRows["contacts"][number]["vertical"], seniority: AudienceRows["contacts"][number]["seniority"]) => ({ companyId, vertical, seniority, country: "US" });

/** Ten fintech contacts at eight companies; five companies hiring, two with a SOC 2 audit. */
const rows: AudienceRows = {
  contacts: [
    ...[1, 2, 3, 4, 5, 6, 7].map((id) => contact(id, "fintech", "manager")),
    contact(8, "saas", "vp"),
    contact(1, "fintech", "director"),
    contact(2, "fintech", null),
  ],
  facts: [
    { companyId: 1, fact: "Hiring 12 compliance analysts", confidence: 0.9 },
    { companyId: 1, fact: "Hiring 3 account executives in Dublin", confidence: 0.5 },
    { companyId: 2, fact: "Hiring 4 compliance analysts", confidence: 0.8 },
    { companyId: 3, fact: "Hiring 7 engineers", confidence: 0.7 },
    { companyId: 4, fact: "Hiring 2 compliance analysts", confidence: 0.6 },
    { companyId: 5, fact: "Hiring 9 compliance analysts", confidence: 0.95 },
    { companyId: 6, fact: "Preparing for a SOC 2 Type II audit", confidence: 0.8 },
    { companyId: 7, fact: "Secured an e-money licence in Vilnius", confidence: 0.7 },
    { companyId: 8, fact: "Named a new Chief Revenue Officer in the last quarter", confidence: 0.9 },
    { companyId: 99, fact: "Hiring at a company outside the audience", confidence: 1 },
  ],
};

const profile = summarizeAudience(rows);
const lens = (l: LensArgument["lens"], proposals: LensArgument["proposals"], confidence: number): LensArgument => ({
  lens: l,
  argument: "…",
  proposals,
  provenance: { confidence, reason: "", source: "model", evidence: [], path: { node: l, path: "model", model: "m", promptVersion: "p" } },
  promptVersion: "p",
});

describe("the audience summary", () => {
  it("a fact is put under the first theme that fits it, in the table's order", () => {
    expect(themeOf("Hiring 12 compliance analysts")).toBe("hiring");
    expect(themeOf("Raised a Series B of $40M to expand its go-to-market team")).toBe("funding");
    expect(themeOf("Preparing for a SOC 2 Type II audit")).toBe("compliance");
    expect(themeOf("Relaunched its e-commerce site on Shopify")).toBe("systems");
    expect(themeOf("Opened a distribution centre in Leeds")).toBe("expansion");
    expect(themeOf("Reported 14% unplanned downtime in its last annual report")).toBe("operations");
    expect(themeOf("Has a nice logo")).toBeNull();
  });

  it("counts contacts per vertical and seniority, and each theme once per company, ignoring companies outside the audience", () => {
    expect(profile).toMatchObject({ contacts: 10, companies: 8, factsRead: 10 });
    expect(profile.verticals).toEqual([{ value: "fintech", count: 9, share: 0.9 }, { value: "saas", count: 1, share: 0.1 }]);
    expect(profile.seniorities[0]).toEqual({ value: "manager", count: 7, share: 0.7 });
    expect(profile.seniorities.find((s) => s.value === "unknown")).toEqual({ value: "unknown", count: 1, share: 0.1 });
    expect(profile.themes.map((t) => [t.theme, t.companies])).toEqual([["hiring", 5], ["compliance", 2], ["leadership", 1]]);
    expect(profile.themes[0]).toMatchObject({ share: 0.625, examples: ["Hiring 9 compliance analysts", "Hiring 12 compliance analysts"] });
  });
});

describe("the lenses, offline", () => {
  it("the strategist leads with the widest shared theme, names how many companies hold it, and plans one angle per touch", () => {
    const c = strategistCase(profile);
    expect(c.argument).toContain("10 contacts at 8 companies");
    expect(c.argument).toContain("a hiring push: 5 of 8 companies (63%)");
    expect(c.proposals.angle).toMatch(/new hires/);
    expect(c.proposals.perTouchAngles).toHaveLength(6);
    expect(c.proposals.perTouchAngles![2]).toMatch(/^A second shared signal, a compliance milestone/);
    expect(c.confidence).toBe(coverageConfidence(0.625));
  });

  it("the skeptic keeps six touches for a team audience with a wide signal, and stops the whole company on one reply when contacts share companies", () => {
    const c = skepticCase(profile);
    expect(c.proposals).toMatchObject({ maxTouches: 6, cadenceDays: [0, 4, 7, 7, 7, 7] });
    expect(c.proposals.angle).toBeUndefined();
    expect(c.proposals.stopCriteria).toMatch(/^Stop at the first reply from anyone at the company/);
  });

  it("the skeptic cuts touches and widens gaps for a senior audience, and challenges an angle built on a narrow signal", () => {
    const senior = summarizeAudience({
      contacts: [1, 2, 3, 4, 5].map((id) => contact(id, "saas", id < 4 ? "c_level" : "manager")),
      facts: [{ companyId: 1, fact: "Opened a new office in Austin", confidence: 0.9 }],
    });
    const c = skepticCase(senior);
    expect(c.proposals.maxTouches).toBe(3);
    expect(c.proposals.cadenceDays).toEqual([0, 5, 9]);
    expect(c.proposals.angle).toMatch(/manual pipeline work/);
    expect(c.argument).toContain("60% of them are VP or C-level");
    expect(c.argument).toContain("Only 1 of 5 companies (20%) share an expansion");
  });

  it("the brand voice picks the tone for the dominant field and rank, and consultative for a mixed audience", () => {
    expect(brandVoiceCase(profile).proposals.tone).toBe("consultative");
    const mixed = summarizeAudience({ contacts: [contact(1, "saas", "vp"), contact(2, "retail", "vp"), contact(3, "logistics", "vp")], facts: [] });
    expect(brandVoiceCase(mixed)).toMatchObject({ proposals: { tone: "consultative" }, confidence: 0.4 });
    const seniorHealth = summarizeAudience({ contacts: [contact(1, "healthcare", "c_level"), contact(2, "healthcare", "vp")], facts: [] });
    expect(brandVoiceCase(seniorHealth).proposals.tone).toBe("formal");
  });
});

describe("a lens's proposals, coerced field by field", () => {
  it("clamps numbers into the coach plan's limits and drops what is of the wrong kind", () => {
    expect(coerceProposals({ angle: "  A  sharp   angle ", tone: "Direct", maxTouches: 9, cadenceDays: [0, 90, -3], perTouchAngles: ["one", "", 3, "two"], stopCriteria: "On reply." })).toEqual({
      angle: "A sharp angle",
      tone: "direct",
      maxTouches: 6,
      cadenceDays: [0, 60, 0],
      perTouchAngles: ["one", "two"],
      stopCriteria: "On reply.",
    });
    expect(coerceProposals({ angle: "", tone: "aggressive", maxTouches: "six", cadenceDays: [0, "4"], stopCriteria: 3 })).toEqual({});
    expect(coerceProposals({ angle: "x".repeat(260) }).angle).toHaveLength(200);
  });
});

describe("the agreement by rule", () => {
  it("takes each field from the lens whose job it is, and the skeptic's angle over the strategist's when it challenged", () => {
    const { plan, decidedBy } = agreeByRules(profile, [
      lens("strategist", { angle: "Strategist angle", tone: "warm", maxTouches: 6, cadenceDays: [0, 4, 7, 7, 7, 7], perTouchAngles: ["a", "b", "c", "d", "e", "close"] }, 0.9),
      lens("skeptic", { angle: "Broader angle", maxTouches: 4, cadenceDays: [0, 5, 9], stopCriteria: "Stop on reply." }, 0.7),
      lens("brand_voice", { tone: "formal" }, 0.8),
    ]);
    expect(plan).toEqual({ angle: "Broader angle", tone: "formal", maxTouches: 4, cadenceDays: [0, 5, 9, 7], stopCriteria: "Stop on reply.", perTouchAngles: ["a", "b", "c", "close"] });
    expect(decidedBy).toEqual({ angle: "skeptic", tone: "brand_voice", maxTouches: "skeptic", cadenceDays: "skeptic", stopCriteria: "skeptic", perTouchAngles: "strategist" });
  });

  it("with nothing proposed, falls open to the coach plan's defaults and the offline strategist's angle, never an empty one", () => {
    const { plan, decidedBy } = agreeByRules(profile, [lens("strategist", {}, 0.5)]);
    expect(plan).toMatchObject({ angle: strategistCase(profile).proposals.angle, tone: "consultative", maxTouches: 6, cadenceDays: [0, 4, 7, 7, 7, 7], stopCriteria: DEFAULT_STOP_CRITERIA });
    expect(plan.perTouchAngles).toEqual(Array(6).fill(plan.angle));
    expect(Object.values(decidedBy)).toEqual(Array(6).fill("default"));
  });

  it("is as sure as the least sure lens it kept, and 0.4 when it kept none", () => {
    const lenses = [lens("strategist", {}, 0.9), lens("skeptic", {}, 0.55), lens("brand_voice", {}, 0.3)];
    expect(rulesConfidence(lenses, { angle: "strategist", tone: "default", cadenceDays: "skeptic", maxTouches: "skeptic", perTouchAngles: "strategist", stopCriteria: "default" })).toBe(0.55);
    expect(rulesConfidence(lenses, { angle: "default", tone: "default", cadenceDays: "default", maxTouches: "default", perTouchAngles: "default", stopCriteria: "default" })).toBe(0.4);
  });

  it("fits the per-touch angles to the touch budget, keeping the closing note last and filling gaps with the angle", () => {
    expect(fitTouchAngles(["a", "b", "c", "d", "e", "close"], 3, "X")).toEqual(["a", "b", "close"]);
    expect(fitTouchAngles(["a"], 3, "X")).toEqual(["a", "X", "X"]);
    expect(fitTouchAngles(["a", "b"], 1, "X")).toEqual(["a"]);
  });
});

describe("coverage confidence", () => {
  it("runs from 0.4 for nothing covered to 0.8 for the whole audience, clamped", () => {
    expect([coverageConfidence(0), coverageConfidence(0.5), coverageConfidence(1), coverageConfidence(3)]).toEqual([0.4, 0.6, 0.8, 0.8]);
  });
});

