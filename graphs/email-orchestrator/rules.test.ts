import { describe, expect, it } from "vitest";
import {
  analyzeOpportunity, decideAction, DEFAULT_PLAN, FOLLOWUP_DAYS, qualify, repairPlan, repairRoles,
  checkDraft, tierOf, type HistoryFacts,
} from "./rules";

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 21);
const fresh: HistoryFacts = { outboundCount: 0, lastOutboundAt: null, unansweredInbound: null, pendingDraftId: null };

describe("decideAction", () => {
  it("writes a first email to a contact never emailed", () => {
    expect(decideAction({ history: fresh, intent: "outreach", plan: DEFAULT_PLAN, now })).toEqual({ kind: "initial" });
  });

  it(`holds a follow-up until ${FOLLOWUP_DAYS} days have passed`, () => {
    const sent = (daysAgo: number) => ({ ...fresh, outboundCount: 1, lastOutboundAt: now - daysAgo * DAY });
    expect(decideAction({ history: sent(2.9), intent: "outreach", plan: DEFAULT_PLAN, now })).toEqual({ kind: "skip", reason: "too_soon" });
    expect(decideAction({ history: sent(3), intent: "outreach", plan: DEFAULT_PLAN, now })).toEqual({ kind: "followup" });
  });

  it("answers an unanswered message before anything else", () => {
    const history = { ...fresh, outboundCount: 2, lastOutboundAt: now - DAY, unansweredInbound: { id: 1 } };
    expect(decideAction({ history, intent: "outreach", plan: DEFAULT_PLAN, now })).toEqual({ kind: "reply" });
  });

  it("never drafts twice while a draft is waiting", () => {
    expect(decideAction({ history: { ...fresh, pendingDraftId: 7 }, intent: "outreach", plan: DEFAULT_PLAN, now })).toEqual({ kind: "skip", reason: "pending_draft" });
  });

  it("a plan that asks to compose cannot override the cooldown", () => {
    const history = { ...fresh, outboundCount: 1, lastOutboundAt: now - DAY };
    expect(decideAction({ history, intent: "outreach", plan: ["compose"], now })).toEqual({ kind: "skip", reason: "too_soon" });
  });

  it("a plan may choose to skip", () => {
    expect(decideAction({ history: fresh, intent: "outreach", plan: ["qualify", "skip"], now })).toEqual({ kind: "skip", reason: "planned_skip" });
  });

  it("a reply request with nothing to answer is skipped", () => {
    expect(decideAction({ history: fresh, intent: "reply", plan: DEFAULT_PLAN, now })).toEqual({ kind: "skip", reason: "nothing_to_answer" });
  });
});

describe("plan and role repair", () => {
  it("drops tasks outside the closed vocabulary and orders the rest", () => {
    expect(repairPlan(["compose", "send_now", "qualify", "compose", 42])).toEqual(["qualify", "compose"]);
  });

  it("falls back to the default plan when nothing usable is left", () => {
    expect(repairPlan(["delete_crm"])).toEqual(DEFAULT_PLAN);
    expect(repairPlan("compose")).toEqual(DEFAULT_PLAN);
  });

  it("keeps known roles, always includes the composer, defaults to researcher + composer", () => {
    expect(repairRoles(["reviewer", "hacker"])).toEqual(["composer", "reviewer"]);
    expect(repairRoles([])).toEqual(["researcher", "composer"]);
    expect(repairRoles(null)).toEqual(["researcher", "composer"]);
  });
});

describe("lead verdicts", () => {
  it("qualify scores 0.4 + 0.3 + 0.3 and qualifies at 0.6", () => {
    expect(qualify({ companyName: "Acme", title: "VP Sales", seniority: "vp" })).toMatchObject({ score: 1, label: "qualified" });
    expect(qualify({ companyName: "Acme", title: null, seniority: null })).toMatchObject({ score: 0.7, label: "qualified" });
    expect(qualify({ companyName: null, title: null, seniority: null })).toMatchObject({ score: 0.4, label: "needs_review" });
  });

  it("opportunity confidence grows with facts, capped at 0.9, with provenance", () => {
    const facts = (n: number) => Array.from({ length: n }, (_, i) => ({ fact: `fact ${i}`, confidence: 0.8 }));
    expect(analyzeOpportunity(facts(0)).score).toBe(0.5);
    expect(analyzeOpportunity(facts(2)).score).toBe(0.7);
    expect(analyzeOpportunity(facts(8)).score).toBe(0.9);
    expect(analyzeOpportunity(facts(2)).provenance).toMatchObject({ source: "rules", evidence: ["fact 0", "fact 1"] });
  });

  it("maps scores to tiers A/B/C/D", () => {
    expect([0.85, 0.8, 0.7, 0.6, 0.5, 0.4, 0.39].map(tierOf)).toEqual(["A", "A", "B", "B", "C", "C", "D"]);
    // Why a draft's tier no longer comes from the qualify score: an entry-level contact with a company and a title is an A by it.
    expect(tierOf(qualify({ companyName: "Acme", title: "Junior Sales Analyst", seniority: "entry" }).score)).toBe("A");
  });
});

describe("checkDraft, the deterministic review", () => {
  it("passes a complete draft", () => {
    expect(checkDraft({ subject: "Hi", body: "Hello Ann" })).toEqual({ passed: true, flags: [] });
  });

  it("fails an empty body or an unresolved placeholder", () => {
    expect(checkDraft({ subject: "Hi", body: "  " })).toMatchObject({ passed: false, flags: ["empty_body"] });
    expect(checkDraft({ subject: "Hi {{first_name}}", body: "Hello" })).toMatchObject({ passed: false, flags: ["unresolved_placeholder"] });
  });
});
