import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

// This file owns its process's environment: a fresh database and no model (the offline planner).
const testEnv = ownEnvironment("services-plans");

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { campaignEnrollments, companies, drafts, emailCampaigns, emails, outcomes, planSteps, tasks } = await import("@/db/schema");
const { eq } = await import("drizzle-orm");
const { getPlan } = await import("@/db/queries/plans");
const { RULES_VERSION } = await import("@/graphs/crm-orchestrator/rules");
const { EXECUTORS } = await import("@/lib/crm-actions/executors");
const { systemClock } = await import("@/lib/clock");
const { approveStep, createPlan, cutOff, planView, plansFor, rejectStep, STEP_CUT_OFF_MS } = await import("./plans");
const { account, activeCampaign, people, seedPeople } = await import("./testing/plan-fixtures");

const { operator, rep, rep2, admin } = people;
const stepsOf = async (planId: number) => (await getPlan(db(), planId))!.steps;
let campaignId = 0;
const step = async (planId: number, action: string) => (await stepsOf(planId)).find((s) => s.action === action)!;

beforeAll(async () => {
  await applyMigrations(db());
  await seedPeople(db());
  campaignId = await activeCampaign(db(), "saas");
});
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

describe("planning offline", () => {
  it("an operator plans for an account: reversible steps run by themselves and are verified by reading the state back; the enrollment waits for a person", async () => {
    const { companyId, contactIds } = await account(db(), { hqCity: "Austin, TX", country: null, contacts: [{ seniority: "manager", ownerId: rep.id }, { seniority: "vp", ownerId: rep2.id }] });
    const { planId, status } = await createPlan(operator, { goal: "book a meeting with the economic buyer", companyId });
    expect(status).toBe("needs_person");
    const { plan, steps } = (await getPlan(db(), planId))!;
    expect(plan).toMatchObject({ status: "needs_person", promptVersion: RULES_VERSION, autonomy: "reversible", createdBy: operator.id, contactId: null, companyId });
    expect(plan.provenance).toMatchObject({ source: "rule_based_fallback", path: { node: "plan_actions", path: "fallback", fallback: "offline_planner", why: "offline" } });
    expect(plan.reasoning).toContain("Offline planner (no model configured)");
    expect(plan.runId).toBeTruthy();
    expect(plan.threadId).toBeTruthy();
    expect(steps.map((s) => [s.action, s.status])).toEqual([
      ["classify_country", "auto_ran"],
      ["score", "auto_ran"],
      ["enroll_in_campaign", "awaiting_approval"],
      ["create_follow_up_task", "auto_ran"],
    ]);
    // The plan works through the VP, the most senior contact.
    expect(steps[2]!.params).toMatchObject({ contactId: contactIds[1] });
    const [company] = await db().select({ country: companies.country }).from(companies).where(eq(companies.id, companyId));
    expect(company!.country).toBe("US");
    expect(steps[0]!.verification).toContain("Verified: The company's country is US.");
    expect(steps[0]!.resultRef).toBe(`company:${companyId}`);
    const [task] = await db().select().from(tasks).where(eq(tasks.id, Number(steps[3]!.resultRef!.split(":")[1])));
    expect(task).toMatchObject({ kind: "follow_up", status: "open", contactId: contactIds[1], assigneeId: rep2.id, createdBy: operator.id, planStepId: steps[3]!.id });
    expect(steps[3]!.verification).toContain(`Verified: Task ${task!.id} is open`);
    expect(steps[1]!.verification).toMatch(/Verified: The contact's stored score is \d\.\d\d, tier [A-D]\./);
    expect(steps[1]!.resultRef).toBe(`score:${contactIds[1]}`);
    expect(steps[2]!.verdictReason).toContain("starts sending mail");
    // The operator approves the enrollment: it runs through the campaign service and is read back.
    expect(await approveStep(operator, steps[2]!.id)).toEqual({ planId, status: "done" });
    const enrolled = await step(planId, "enroll_in_campaign");
    expect(enrolled.resultRef).toBe(`enrollment:${campaignId}:${contactIds[1]}`);
    expect(enrolled.verification).toMatch(/Verified: Enrollment \d+ in "Campaign saas" is active\./);
    const [row] = await db().select().from(campaignEnrollments).where(eq(campaignEnrollments.contactId, contactIds[1]!));
    expect(row).toMatchObject({ campaignId, status: "active" });
  });

  it("a rep listing plans sees a plan that needs a person counted as needing one: its waiting step is in the Needs a person column", async () => {
    const { contactIds } = await account(db(), { hqCity: "Lyon", country: "FR", contacts: [{ seniority: "vp", ownerId: rep.id }] });
    const { planId, status } = await createPlan(rep, { goal: "book a meeting", contactId: contactIds[0]! });
    expect(status).toBe("needs_person");
    const listed = (await plansFor(rep)).find((p) => p.id === planId)!;
    expect(Number(listed.waiting)).toBeGreaterThan(0);
    expect(Number(listed.needsPerson)).toBe(Number(listed.waiting) + Number(listed.failed));
    // Every listed plan agrees with its own status: needs a person exactly when the column is not 0.
    for (const plan of await plansFor(operator)) {
      if (plan.status === "needs_person" || plan.status === "done") expect(Number(plan.needsPerson) > 0).toBe(plan.status === "needs_person");
    }
  });

  it("a rep approving an enrollment is refused by the campaign service, and the step goes to a person with that reason", async () => {
    const { contactIds } = await account(db(), { hqCity: "Berlin", country: "DE", contacts: [{ seniority: "vp", ownerId: rep.id }] });
    const { planId } = await createPlan(rep, { goal: "book a meeting", contactId: contactIds[0]! });
    expect(await approveStep(rep, (await step(planId, "enroll_in_campaign")).id)).toEqual({ planId, status: "failed" });
    expect((await step(planId, "enroll_in_campaign")).verification).toMatch(/^Needs a person: /);
    expect(await db().select().from(campaignEnrollments).where(eq(campaignEnrollments.contactId, contactIds[0]!))).toEqual([]);
  });

  it("an operator approves a classification the planner was unsure of: it runs as the operator and the stored country is verified", async () => {
    const { companyId } = await account(db(), { hqCity: "Birmingham", country: null, contacts: [{ seniority: "vp", ownerId: rep.id }] });
    const { planId } = await createPlan(operator, { goal: "book a meeting", companyId });
    const waiting = await step(planId, "classify_country");
    expect(waiting).toMatchObject({ status: "awaiting_approval", confidence: 0.6 });
    expect(await approveStep(operator, waiting.id)).toEqual({ planId, status: "done" });
    const [company] = await db().select({ country: companies.country }).from(companies).where(eq(companies.id, companyId));
    expect(company!.country).toBe("GB");
    expect(await step(planId, "classify_country")).toMatchObject({ status: "done", decidedBy: operator.id, resultRef: `company:${companyId}` });
  });

  it("an approved step whose verification fails goes back to a person with the reason: no country is stored for an HQ torn between namesakes", async () => {
    const { companyId } = await account(db(), { hqCity: "Cambridge", country: null, contacts: [{ seniority: "vp", ownerId: rep.id }] });
    const { planId } = await createPlan(operator, { goal: "book a meeting", companyId });
    const { status } = await approveStep(operator, (await step(planId, "classify_country")).id);
    expect(status).toBe("failed");
    const classify = await step(planId, "classify_country");
    expect(classify).toMatchObject({ status: "failed", resultRef: `company:${companyId}` });
    expect(classify.verification).toContain("verification failed. No country is stored for the company");
    expect((await getPlan(db(), planId))!.plan.status).toBe("needs_person");
  });

  it("an executor that reports success without the effect is caught by verification and goes to a person", async () => {
    const { contactIds } = await account(db(), { vertical: "retail", hqCity: "Dublin", country: "IE", contacts: [{ seniority: "vp", ownerId: rep.id }] });
    const lying = { ...EXECUTORS, create_follow_up_task: { ...EXECUTORS.create_follow_up_task, run: async () => ({ ok: true as const, ref: "task:999999", summary: "Task made." }) } };
    const { planId } = await createPlan(rep, { goal: "book a meeting", contactId: contactIds[0]! }, { executors: lying, clock: systemClock });
    const task = await step(planId, "create_follow_up_task");
    expect(task.status).toBe("failed");
    expect(task.verification).toContain("verification failed. Task 999999 does not exist.");
  });

  it("a rep approves a waiting draft step on their own contact: it runs through the orchestrator and the draft is verified in the queue", async () => {
    const { contactIds } = await account(db(), { vertical: "retail", hqCity: "Dublin", country: "IE", contacts: [{ seniority: "vp", ownerId: rep.id }] });
    const { planId } = await createPlan(rep, { goal: "book a meeting", contactId: contactIds[0]! });
    const waiting = await step(planId, "draft_reply");
    expect(waiting).toMatchObject({ status: "awaiting_approval", verdict: "needs_approval" });
    expect(waiting.verdictReason).toContain("a draft waits for a person at this autonomy level");
    const result = await approveStep(rep, waiting.id);
    expect(result).toEqual({ planId, status: "done" });
    const done = await step(planId, "draft_reply");
    expect(done).toMatchObject({ status: "done", decidedBy: rep.id });
    const [draft] = await db().select().from(drafts).where(eq(drafts.id, Number(done.resultRef!.split(":")[1])));
    expect(draft).toMatchObject({ contactId: contactIds[0], status: "draft", assignedRepId: rep.id });
    expect(done.verification).toContain(`Verified: Draft ${draft!.id} is in the queue`);
    await expect(approveStep(rep, waiting.id)).rejects.toMatchObject({ code: "conflict:plans" });
  });

  it("a rep approves the proposal step the goal asked for: lead_to_proposal drafts it into the queue and it is verified there", async () => {
    const { contactIds } = await account(db(), { vertical: "retail", hqCity: "Dublin", country: "IE", contacts: [{ seniority: "vp", ownerId: rep.id }] });
    await db().insert(outcomes).values({ threadId: "t-proposal", contactId: contactIds[0]!, label: "interested", polarity: "positive", at: new Date() });
    const { planId } = await createPlan(rep, { goal: "send them a proposal", contactId: contactIds[0]! });
    const waiting = await step(planId, "draft_proposal");
    expect(waiting).toMatchObject({ status: "awaiting_approval", confidence: 0.7 });
    expect(await approveStep(rep, waiting.id)).toEqual({ planId, status: "done" });
    const done = await step(planId, "draft_proposal");
    const [proposal] = await db().select().from(drafts).where(eq(drafts.id, Number(done.resultRef!.split(":")[1])));
    expect(proposal).toMatchObject({ kind: "proposal", status: "draft", contactId: contactIds[0] });
    expect(done.verification).toContain(`Verified: Proposal ${proposal!.id} is in the queue`);
  });

  it("a rep approves the rebuttal step for an unanswered objection: objection_coach drafts a reply to that email and it is verified in the queue", async () => {
    const { contactIds } = await account(db(), { vertical: "retail", hqCity: "Dublin", country: "IE", contacts: [{ seniority: "vp", ownerId: rep.id }] });
    const contactId = contactIds[0]!;
    const [email] = await db()
      .insert(emails)
      .values({ contactId, direction: "inbound", threadId: "t-objection", messageId: `<objection-${contactId}@test>`, subject: "Re: Peak season", body: "Honestly this is far too expensive for us right now.", sentAt: new Date() })
      .returning({ id: emails.id });
    await db().insert(outcomes).values({ threadId: "t-objection", contactId, emailId: email!.id, label: "not_interested", polarity: "negative", at: new Date() });
    const { planId } = await createPlan(rep, { goal: "book a meeting", contactId });
    const waiting = await step(planId, "handle_objection");
    expect(waiting).toMatchObject({ status: "awaiting_approval", params: { contactId, emailId: email!.id } });
    expect(await approveStep(rep, waiting.id)).toEqual({ planId, status: "done" });
    const done = await step(planId, "handle_objection");
    const [reply] = await db().select().from(drafts).where(eq(drafts.id, Number(done.resultRef!.split(":")[1])));
    expect(reply).toMatchObject({ status: "draft", contactId, graphId: "objection_coach" });
    expect(done.verification).toMatch(/Rebuttal \d+ to a price objection waits in the queue.*Verified: Rebuttal \d+ is in the queue/);
  });

  it("a rep rejects a waiting step with a reason: it never runs, and the plan is done once nothing waits", async () => {
    const { contactIds } = await account(db(), { vertical: "retail", hqCity: "Dublin", country: "IE", contacts: [{ seniority: "vp", ownerId: rep.id }] });
    const { planId } = await createPlan(rep, { goal: "book a meeting", contactId: contactIds[0]! });
    const before = (await db().select().from(drafts).where(eq(drafts.contactId, contactIds[0]!))).length;
    await rejectStep(rep, (await step(planId, "draft_reply")).id, "They asked us to wait until March.");
    expect(await step(planId, "draft_reply")).toMatchObject({ status: "rejected", rejectReason: "They asked us to wait until March.", decidedBy: rep.id });
    expect((await db().select().from(drafts).where(eq(drafts.contactId, contactIds[0]!))).length).toBe(before);
    expect((await getPlan(db(), planId))!.plan.status).toBe("done");
  });

  it("a step left Running by a process that died is decided again after the cut-off, and its task is not made twice; a step running now is not", async () => {
    const { companyId } = await account(db(), { hqCity: "Austin, TX", country: "US", contacts: [{ seniority: "vp", ownerId: rep2.id }] });
    const { planId } = await createPlan(operator, { goal: "book a meeting with the economic buyer", companyId });
    const followUp = await step(planId, "create_follow_up_task");
    expect(followUp.status).toBe("auto_ran");
    const madeBefore = await db().select().from(tasks).where(eq(tasks.planStepId, followUp.id));
    expect(madeBefore).toHaveLength(1);
    // The step was approved and its task stored, then the process died before it settled the step.
    await db().update(planSteps).set({ status: "approved", updatedAt: new Date() }).where(eq(planSteps.id, followUp.id));
    await expect(approveStep(operator, followUp.id)).rejects.toThrow("This step was already decided.");
    expect(cutOff(await step(planId, "create_follow_up_task"))).toBe(false);
    await db().update(planSteps).set({ updatedAt: new Date(Date.now() - STEP_CUT_OFF_MS - 1_000) }).where(eq(planSteps.id, followUp.id));
    expect(cutOff(await step(planId, "create_follow_up_task"))).toBe(true);
    expect(await approveStep(operator, followUp.id)).toMatchObject({ planId, status: "done" });
    const after = await step(planId, "create_follow_up_task");
    expect(after.resultRef).toBe(`task:${madeBefore[0]!.id}`);
    expect(await db().select().from(tasks).where(eq(tasks.planStepId, followUp.id))).toHaveLength(1);
    // Rejecting works on a cut-off step too.
    const score = await step(planId, "score");
    await db().update(planSteps).set({ status: "approved", updatedAt: new Date(Date.now() - STEP_CUT_OFF_MS - 1_000) }).where(eq(planSteps.id, score.id));
    await rejectStep(operator, score.id, "Scored by hand instead.");
    expect(await step(planId, "score")).toMatchObject({ status: "rejected", rejectReason: "Scored by hand instead." });
  });

  it("a contact nobody may write to is flagged for a person, and the flag is a verified open task", async () => {
    const { contactIds } = await account(db(), { hqCity: "Berlin", country: "DE", contacts: [{ seniority: "vp", ownerId: rep.id, doNotContact: true }] });
    const { planId } = await createPlan(rep, { goal: "book a meeting", contactId: contactIds[0]! });
    const steps = await stepsOf(planId);
    expect(steps.map((s) => [s.action, s.status])).toEqual([["flag_for_person", "auto_ran"]]);
    expect(steps[0]!.verification).toContain("Verified");
  });

  it("a contact who just finished another campaign is not proposed for enrollment the guard would refuse: the plan says it is the cooldown", async () => {
    const { contactIds } = await account(db(), { hqCity: "Berlin", country: "DE", contacts: [{ seniority: "vp", ownerId: rep.id }] });
    const [earlier] = await db().insert(emailCampaigns).values({ name: "Earlier sequence", vertical: "saas", status: "completed", cadenceDays: [0, 4] }).returning({ id: emailCampaigns.id });
    await db().insert(campaignEnrollments).values({ campaignId: earlier!.id, contactId: contactIds[0]!, status: "completed", step: 2 });
    const { planId } = await createPlan(rep, { goal: "book a meeting", contactId: contactIds[0]! });
    const { plan, steps } = (await getPlan(db(), planId))!;
    expect(steps.map((s) => s.action)).not.toContain("enroll_in_campaign");
    expect(plan.reasoning).toContain('cannot join "Campaign saas" (finished another campaign within the cooldown)');
  });

  it("a campaign stored with no vertical is never proposed: a retail account's VP is not enrolled in a campaign aimed who knows where", async () => {
    const [unknown] = await db().insert(emailCampaigns).values({ name: "Fintech compliance automation", vertical: null, status: "active", cadenceDays: [0, 4, 7] }).returning({ id: emailCampaigns.id });
    try {
      const { contactIds } = await account(db(), { vertical: "retail", hqCity: "Dublin", country: "IE", contacts: [{ seniority: "vp", ownerId: rep.id }] });
      const { planId } = await createPlan(rep, { goal: "book a meeting", contactId: contactIds[0]! });
      const steps = await stepsOf(planId);
      expect(steps.map((s) => s.action)).not.toContain("enroll_in_campaign");
      expect(steps.map((s) => s.action)).toContain("draft_reply");
    } finally {
      await db().update(emailCampaigns).set({ status: "paused" }).where(eq(emailCampaigns.id, unknown!.id));
    }
  });
});

describe("who may plan and decide", () => {
  it("a rep cannot plan for an account nor for another rep's contact, and nothing is written", async () => {
    const { companyId, contactIds } = await account(db(), { hqCity: "Paris", country: "FR", contacts: [{ seniority: "vp", ownerId: rep2.id }] });
    const before = (await plansFor(admin)).length;
    await expect(createPlan(rep, { goal: "book a meeting", companyId })).rejects.toMatchObject({ code: "forbidden:plans" });
    await expect(createPlan(rep, { goal: "book a meeting", contactId: contactIds[0]! })).rejects.toMatchObject({ code: "forbidden:plans" });
    await expect(createPlan(operator, { goal: "book a meeting", companyId: 999_999 })).rejects.toMatchObject({ code: "not_found:companies" });
    expect((await plansFor(admin)).length).toBe(before);
  });

  it("a rep sees and decides only plans on their own contacts; another rep's plan is not found", async () => {
    const { contactIds } = await account(db(), { vertical: "retail", hqCity: "Dublin", country: "IE", contacts: [{ seniority: "vp", ownerId: rep2.id }] });
    const { planId } = await createPlan(rep2, { goal: "book a meeting", contactId: contactIds[0]! });
    expect((await plansFor(rep)).some((p) => p.id === planId)).toBe(false);
    expect((await plansFor(rep2)).find((p) => p.id === planId)).toMatchObject({ waiting: 1, ran: 2, failed: 0 });
    await expect(planView(rep, String(planId))).rejects.toMatchObject({ code: "not_found:plans" });
    await expect(approveStep(rep, (await step(planId, "draft_reply")).id)).rejects.toMatchObject({ code: "not_found:plans" });
    expect((await step(planId, "draft_reply")).status).toBe("awaiting_approval");
    expect((await planView(operator, String(planId))).plan.id).toBe(planId);
    await expect(planView(operator, "abc")).rejects.toMatchObject({ code: "not_found:plans" });
  });
});

describe("the autonomy an admin grants", () => {
  it("only an admin sets it; a level that is not one is refused naming the field; plans made after it run draft steps by themselves and record the level", async () => {
    const { planAutonomy, setPlanAutonomy } = await import("./plan-autonomy");
    const { auditLog } = await import("@/db/schema");
    expect(await planAutonomy()).toEqual({ level: "reversible", configured: false });
    await expect(setPlanAutonomy(operator, "drafts")).rejects.toMatchObject({ code: "forbidden:admin" });
    await expect(setPlanAutonomy(admin, "everything")).rejects.toMatchObject({ code: "bad_request:admin", field: "level", message: expect.stringContaining("must be one of suggest, reversible, drafts, granted") });
    expect(await planAutonomy()).toEqual({ level: "reversible", configured: false });

    expect(await setPlanAutonomy(admin, "drafts")).toEqual({ from: "reversible", to: "drafts" });
    expect(await planAutonomy()).toEqual({ level: "drafts", configured: true });
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, "plans.autonomy"));
    expect(entry).toMatchObject({ actorId: admin.id, targetId: "plans.autonomy", detail: { from: "reversible", to: "drafts" } });

    // At "drafts" the level no longer holds a draft step back: only its confidence decides.
    const { contactIds } = await account(db(), { vertical: "retail", hqCity: "Dublin", country: "IE", contacts: [{ seniority: "vp", ownerId: rep.id }] });
    const { planId } = await createPlan(rep, { goal: "book a meeting", contactId: contactIds[0]! });
    expect((await getPlan(db(), planId))!.plan.autonomy).toBe("drafts");
    const drafted = await step(planId, "draft_reply");
    expect(drafted.verdictReason).toMatch(/^draft_reply needs approval: confidence 0\.\d\d is below its threshold 0\.70\.$/);

    // At "suggest" nothing runs by itself, not even what runs at the default.
    expect(await setPlanAutonomy(admin, "suggest")).toEqual({ from: "drafts", to: "suggest" });
    const { companyId } = await account(db(), { hqCity: "Austin, TX", country: null, contacts: [{ seniority: "vp", ownerId: rep2.id }] });
    const held = await createPlan(operator, { goal: "book a meeting with the economic buyer", companyId });
    const steps = await stepsOf(held.planId);
    expect(steps.length).toBeGreaterThan(0);
    for (const s of steps) expect(s).toMatchObject({ status: "awaiting_approval", verdictReason: expect.stringContaining("(level suggest)") });
    const [company] = await db().select({ country: companies.country }).from(companies).where(eq(companies.id, companyId));
    expect(company!.country).toBeNull();

    // Back to the default for whatever runs after.
    expect(await setPlanAutonomy(admin, "reversible")).toEqual({ from: "suggest", to: "reversible" });
  });
});
