import { describe, expect, it } from "vitest";
import type { ContactState, CrmState } from "@/db/queries/crm-state";
import { planOffline, targetOf } from "./offline-planner";
import { checkSteps, evidenceOf, ModelPlan, planningOf, RULES_VERSION } from "./rules";
import type { ProposedAction } from "./state";

const NOW = Date.parse("2030-03-04T10:00:00Z");
const DAY = 86_400_000;
const person = (id: number, over: Partial<ContactState> = {}): ContactState => ({
  id,
  name: `Person ${id}`,
  title: "Head of Ops",
  seniority: "director",
  ownerId: "u-rep",
  blocked: null,
  replied: false,
  stats: { outbound: 0, opened: 0, inbound: 0, bounced: 0 },
  lastEmail: null,
  outcomes: { positive: 0, negative: 0 },
  openDrafts: 0,
  enrollments: [],
  openTasks: 0,
  score: null,
  ...over,
});
const crm = (over: Partial<CrmState> = {}): CrmState => ({
  company: { id: 7, name: "Acme", vertical: "saas", country: "DE", hqCity: "Berlin" },
  contacts: [person(1), person(2, { seniority: "vp", title: "VP Finance" })],
  campaigns: [{ id: 30, name: "SaaS Q1", allowOverlap: false, cooldownDays: 30 }],
  readAt: NOW,
  ...over,
});
const proposal = (action: string, params: Record<string, unknown>, confidence = 0.9): ProposedAction => ({ action, params, confidence, reason: "because" });

describe("checking a planner's actions", () => {
  it("a planner's action outside the vocabulary is dropped and recorded as dropped, and the rest are kept", () => {
    const steps = checkSteps([proposal("send_email_now", { contactId: 1 }), proposal("score", { contactId: 1 })], crm(), "reversible", 8);
    expect(steps[0]).toMatchObject({ position: 0, action: "send_email_now", verdict: "dropped", verdictReason: '"send_email_now" is not in the action vocabulary.' });
    expect(steps[1]).toMatchObject({ position: 1, action: "score", verdict: "auto_run" });
  });

  it("a planner's action with parameters its schema refuses is dropped, naming the parameter", () => {
    const [unknownKey, badDays] = checkSteps(
      [proposal("score", { contactId: 1, sendNow: true }), proposal("create_follow_up_task", { contactId: 1, title: "x", dueInDays: 400 })],
      crm(),
      "reversible",
      8,
    );
    expect(unknownKey).toMatchObject({ verdict: "dropped" });
    expect(unknownKey!.verdictReason).toContain("parameters are invalid");
    expect(badDays!.verdictReason).toContain("dueInDays");
  });

  it("an action naming a contact, company, campaign or email outside the plan's subject is dropped as out of scope", () => {
    const steps = checkSteps(
      [
        proposal("draft_reply", { contactId: 99 }),
        proposal("classify_country", { companyId: 8 }),
        proposal("enroll_in_campaign", { contactId: 1, campaignId: 31 }),
        proposal("handle_objection", { contactId: 1, emailId: 5 }),
      ],
      crm(),
      "granted",
      8,
    );
    expect(steps.map((s) => s.verdict)).toEqual(["dropped", "dropped", "dropped", "dropped"]);
    expect(steps.map((s) => s.verdictReason.startsWith("Out of scope"))).toEqual([true, true, true, true]);
  });

  it("a repeated step and steps past the plan's limit are dropped", () => {
    const steps = checkSteps([proposal("score", { contactId: 1 }), proposal("score", { contactId: 1 }), proposal("score", { contactId: 2 })], crm(), "reversible", 1);
    expect(steps.map((s) => [s.verdict, s.verdictReason])).toEqual([
      ["auto_run", expect.any(String)],
      ["dropped", "It repeats an earlier step."],
      ["dropped", "Over the limit of 1 actions per plan."],
    ]);
  });

  it("kept actions carry the gate's verdict: a low confidence or an enrollment waits for a person", () => {
    const steps = checkSteps([proposal("create_follow_up_task", { contactId: 1, title: "Call", dueInDays: 3 }, 0.3), proposal("enroll_in_campaign", { contactId: 1, campaignId: 30 }, 1)], crm(), "drafts", 8);
    expect(steps.map((s) => s.verdict)).toEqual(["needs_approval", "needs_approval"]);
    expect(steps[0]!.verdictReason).toContain("below its threshold");
    expect(steps[1]!.verdictReason).toContain("starts sending mail");
  });

  it("the model's plan is read strictly: confidences clamped to 0–1, and a plan without actions is invalid", () => {
    expect(ModelPlan.parse({ reasoning: " r ", actions: [{ action: "score", params: { contactId: 1 }, confidence: 3 }] })).toEqual({ reasoning: "r", actions: [{ action: "score", params: { contactId: 1 }, confidence: 1, reason: "" }] });
    expect(ModelPlan.safeParse({ reasoning: "r" }).success).toBe(false);
  });

  it("a plan's confidence is its least sure kept step's, and a rules plan is stamped with the rules version", () => {
    const steps = checkSteps([proposal("score", { contactId: 1 }, 0.9), proposal("nonsense", {}, 0.1), proposal("draft_reply", { contactId: 1 }, 0.7)], crm(), "reversible", 8);
    const planning = planningOf("why", steps, crm(), undefined, null);
    expect(planning).toMatchObject({ promptVersion: RULES_VERSION, model: null, provenance: { confidence: 0.7, source: "rules" } });
  });
});

describe("the offline planner", () => {
  it("on an account it works through the most senior contact who can be written to", () => {
    expect(targetOf(crm(), null)?.id).toBe(2);
    expect(targetOf(crm({ contacts: [person(1), person(2, { seniority: "vp", blocked: "do_not_contact" })] }), null)?.id).toBe(1);
  });

  const withHq = (hqCity: string) => crm({ company: { id: 7, name: "Acme", vertical: "saas", country: null, hqCity } });

  it("an account with an HQ city and no country gets classify_country at the offline resolver's confidence; one with a country does not", () => {
    const sure = planOffline(withHq("Austin, TX"), null, "book a meeting");
    expect(sure.actions[0]).toMatchObject({ action: "classify_country", params: { companyId: 7 }, confidence: 0.95 });
    expect(checkSteps(sure.actions, withHq("Austin, TX"), "reversible", 8)[0]!.verdict).toBe("auto_run");
    expect(planOffline(crm(), null, "book a meeting").actions.map((a) => a.action)).not.toContain("classify_country");
  });

  it("an HQ torn between namesakes is proposed for classification below the gate's threshold, so a person decides", () => {
    for (const hq of ["Cambridge", "Birmingham"]) {
      const [classify] = checkSteps(planOffline(withHq(hq), null, "g").actions, withHq(hq), "reversible", 8);
      expect(classify, hq).toMatchObject({ action: "classify_country", verdict: "needs_approval" });
      expect(classify!.confidence, hq).toBeLessThanOrEqual(0.6);
    }
  });

  it("an HQ that names no country is not proposed for classification, and the reasoning says why", () => {
    const plan = planOffline(withHq("Remote (global)"), null, "g");
    expect(plan.actions.map((a) => a.action)).not.toContain("classify_country");
    expect(plan.reasoning).toContain('HQ ("Remote (global)") names no country');
  });

  it("a contact without a score is scored first; a scored one is not, and the reasoning quotes its tier", () => {
    expect(planOffline(crm(), 1, "g").actions[0]).toMatchObject({ action: "score", params: { contactId: 1 } });
    const scored = planOffline(crm({ contacts: [person(1, { score: { score: 0.82, tier: "A" } })] }), 1, "g");
    expect(scored.actions.map((a) => a.action)).not.toContain("score");
    expect(scored.reasoning).toContain("scores 0.82 (tier A)");
  });

  it("a contact nobody may write to is flagged for a person and nothing is drafted", () => {
    const plan = planOffline(crm({ contacts: [person(1, { blocked: "unsubscribed" })] }), 1, "book a meeting");
    expect(plan.actions.map((a) => a.action)).toEqual(["flag_for_person"]);
    expect(plan.actions[0]!.params).toMatchObject({ contactId: 1 });
  });

  it("an unanswered inbound email gets a reply draft, or an objection rebuttal after a negative outcome", () => {
    const inbound = { id: 55, direction: "inbound" as const, sentAt: 1 };
    expect(planOffline(crm({ contacts: [person(1, { lastEmail: inbound })] }), 1, "g").actions.map((a) => a.action)).toEqual(["score", "draft_reply", "create_follow_up_task"]);
    const objection = planOffline(crm({ contacts: [person(1, { lastEmail: inbound, outcomes: { positive: 0, negative: 1 } })] }), 1, "g");
    expect(objection.actions[1]).toMatchObject({ action: "handle_objection", params: { contactId: 1, emailId: 55 } });
  });

  it("a contact in no campaign is proposed for an active one below the gate's threshold, and every plan ends with a follow-up task", () => {
    const plan = planOffline(crm(), 1, "book a meeting with the economic buyer");
    expect(plan.actions.map((a) => a.action)).toEqual(["score", "enroll_in_campaign", "create_follow_up_task"]);
    const steps = checkSteps(plan.actions, crm(), "granted", 8);
    expect(steps[1]).toMatchObject({ verdict: "needs_approval" });
    expect(plan.actions[2]!.params).toEqual({ contactId: 1, title: "Follow up with Person 1: book a meeting with the economic buyer", dueInDays: 3 });
  });

  it("a contact who finished another campaign within its cooldown is not proposed for it, the plan says why, and nothing new is drafted", () => {
    const rested = (days: number) => crm({ contacts: [person(1, { enrollments: [{ campaignId: 12, status: "completed", updatedAt: NOW - days * DAY }] })] });
    const plan = planOffline(rested(5), 1, "book a meeting");
    expect(plan.actions.map((a) => a.action)).toEqual(["score", "create_follow_up_task"]);
    expect(plan.reasoning).toContain('Person 1 cannot join "SaaS Q1" (finished another campaign within the cooldown).');
    // Past the campaign's 30-day cooldown the guard lets them in, so the plan proposes it.
    expect(planOffline(rested(31), 1, "book a meeting").actions.map((a) => a.action)).toEqual(["score", "enroll_in_campaign", "create_follow_up_task"]);
  });

  it("a planner skips a campaign the guard refuses (once per campaign) for the next that admits the contact, and drafts when none does", () => {
    const two = [
      { id: 30, name: "SaaS Q1", allowOverlap: false, cooldownDays: 0 },
      { id: 31, name: "SaaS Q2", allowOverlap: false, cooldownDays: 0 },
    ];
    const once = crm({ campaigns: two, contacts: [person(1, { enrollments: [{ campaignId: 30, status: "completed", updatedAt: NOW - DAY }] })] });
    expect(planOffline(once, 1, "g").actions.find((a) => a.action === "enroll_in_campaign")?.params).toEqual({ contactId: 1, campaignId: 31 });
    const replied = planOffline(crm({ contacts: [person(1, { replied: true })] }), 1, "g");
    expect(replied.actions.map((a) => a.action)).toEqual(["score", "draft_reply", "create_follow_up_task"]);
    expect(replied.reasoning).toContain('cannot join "SaaS Q1" (has replied; a person takes over).');
  });

  it("every offline plan passes its own vocabulary and scope checks: the rules never propose what would be dropped", () => {
    const states = [crm(), crm({ campaigns: [] }), crm({ contacts: [] }), crm({ company: { id: 7, name: "A", vertical: "saas", country: null, hqCity: "Paris" } })];
    for (const state of states) for (const subject of [null, 1]) {
      if (subject !== null && !state.contacts.length) continue;
      const steps = checkSteps(planOffline(state, subject, "get a proposal out").actions, state, "reversible", 8);
      expect(steps.filter((s) => s.verdict === "dropped")).toEqual([]);
    }
  });
});

describe("a plan's evidence", () => {
  it("a reviewer reads the vertical and seniorities as the console's labels, not their codes", () => {
    const lines = evidenceOf(crm({ contacts: [person(1, { seniority: "c_level", title: "CTO" })] }));
    expect(lines[0]).toContain("(SaaS, country DE");
    expect(lines[1]).toBe("contact 1: CTO (C-level), 0 sent, 0 opened, 0 replies");
  });
});
