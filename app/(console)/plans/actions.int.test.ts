import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ownEnvironment } from "@/db/testing";
import type { SessionUser } from "@/lib/auth/session";

// This file owns its process's environment: a fresh database and no model (offline). The
// signed-in user is injected where the action reads it; Next's revalidation has no page cache here.
const testEnv = ownEnvironment("plans-actions");
let signedIn: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { planSteps, plans, tasks } = await import("@/db/schema");
const { eq } = await import("drizzle-orm");
const { approveStepAction, createPlanAction, rejectStepAction } = await import("./actions");
const { account, people, seedPeople } = await import("@/lib/services/testing/plan-fixtures");

let companyId = 0;
let repContact = 0;
const counts = async () => ({ plans: (await db().select().from(plans)).length, tasks: (await db().select().from(tasks)).length });

beforeAll(async () => {
  await applyMigrations(db());
  await seedPeople(db());
  const made = await account(db(), { vertical: "retail", hqCity: "Birmingham", country: null, contacts: [{ seniority: "vp", ownerId: people.rep.id }] });
  companyId = made.companyId;
  repContact = made.contactIds[0]!;
});
beforeEach(() => {
  signedIn = null;
});
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

describe("the plan actions", () => {
  it("a visitor without a session is refused, a rep may not plan for an account, and nothing is written", async () => {
    expect(await createPlanAction({ goal: "book a meeting", companyId })).toEqual({ ok: false, error: "Your session has ended. Sign in again." });
    signedIn = people.rep;
    expect(await createPlanAction({ goal: "book a meeting", companyId })).toEqual({ ok: false, error: "Only operators and admins can plan for a whole account." });
    signedIn = people.rep2;
    expect(await createPlanAction({ goal: "book a meeting", contactId: repContact })).toEqual({ ok: false, error: "You can only plan for your own contacts." });
    expect(await counts()).toEqual({ plans: 0, tasks: 0 });
  });

  it("bad input names the field and writes nothing", async () => {
    signedIn = people.operator;
    expect(await createPlanAction({ goal: "x", companyId })).toMatchObject({ ok: false, field: "goal" });
    expect(await createPlanAction({ goal: "book a meeting", companyId, contactId: repContact })).toMatchObject({ ok: false, field: "contactId" });
    expect(await createPlanAction({ goal: "book a meeting" })).toMatchObject({ ok: false, field: "contactId" });
    expect(await approveStepAction({ stepId: -1 })).toMatchObject({ ok: false, field: "stepId" });
    expect(await rejectStepAction({ stepId: 1, reason: "  " })).toMatchObject({ ok: false, field: "reason" });
    expect(await counts()).toEqual({ plans: 0, tasks: 0 });
  });

  it("an operator plans for an account and approves a waiting step; another rep cannot decide the rep's plan", async () => {
    signedIn = people.operator;
    const created = await createPlanAction({ goal: "book a meeting with the economic buyer", companyId });
    expect(created).toMatchObject({ ok: true, status: "needs_person" });
    const planId = (created as { planId: number }).planId;
    const steps = await db().select().from(planSteps).where(eq(planSteps.planId, planId));
    const classify = steps.find((s) => s.action === "classify_country")!;
    signedIn = people.rep2;
    expect(await approveStepAction({ stepId: classify.id })).toEqual({ ok: false, error: "That step does not exist or is not yours to decide." });
    signedIn = people.operator;
    expect(await approveStepAction({ stepId: classify.id })).toEqual({ ok: true, planId, status: "done" });
    const task = steps.find((s) => s.action === "draft_reply")!;
    expect(await rejectStepAction({ stepId: task.id, reason: "Not now." })).toEqual({ ok: true, planId });
    expect(await rejectStepAction({ stepId: task.id, reason: "Again." })).toEqual({ ok: false, error: "This step was already decided." });
  });
});
