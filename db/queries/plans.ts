import { and, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import { companies, contacts, planSteps, plans, users, type PlanStatus, type Provenance, type StepStatus } from "../schema";

export type NewPlan = { goal: string; contactId: number | null; companyId: number; autonomy: string; createdBy: string };

export async function insertPlan(database: Database, plan: NewPlan): Promise<number> {
  const [row] = await database.insert(plans).values({ ...plan, status: "planning" }).returning({ id: plans.id });
  return row!.id;
}

export type NewStep = {
  position: number;
  action: string;
  params: Record<string, unknown>;
  confidence: number;
  reason: string;
  verdict: string;
  verdictReason: string;
  status: StepStatus;
};

export type Planned = {
  reasoning: string;
  provenance: Provenance & { path?: unknown };
  promptVersion: string;
  runId: string | null;
  threadId: string | null;
};

/** The planning run's result: the plan's reasoning and provenance and all its steps, in one batch. */
export async function recordPlanning(database: Database, planId: number, planned: Planned, steps: NewStep[]): Promise<void> {
  const update = database.update(plans).set({ ...planned, status: "needs_person", updatedAt: new Date() }).where(eq(plans.id, planId));
  if (!steps.length) {
    await update;
    return;
  }
  await database.batch([update, database.insert(planSteps).values(steps.map((s) => ({ ...s, planId })))]);
}

export async function failPlanning(database: Database, planId: number, reason: string, runId: string | null): Promise<void> {
  await database.update(plans).set({ status: "failed", reasoning: reason, runId, updatedAt: new Date() }).where(eq(plans.id, planId));
}

/**
 * Steps that keep a plan at `needs_person`: waiting for approval, failed, or being run after an
 * approval. The plan's status and the list's "Needs a person" column both count these, so a plan
 * marked as needing a person never shows 0 there.
 */
export const NEEDS_PERSON_STEPS = ["awaiting_approval", "failed", "approved"] as const satisfies readonly StepStatus[];

/**
 * Sets the plan's status from its steps: `needs_person` while any waits for approval, failed or is
 * being run after an approval; `done` once each is settled. A failed planning run stays failed.
 */
export async function refreshPlanStatus(database: Database, planId: number): Promise<PlanStatus> {
  const [row] = await database
    .select({ open: sql<number>`count(*)` })
    .from(planSteps)
    .where(and(eq(planSteps.planId, planId), inArray(planSteps.status, [...NEEDS_PERSON_STEPS])));
  const status: PlanStatus = Number(row?.open ?? 0) > 0 ? "needs_person" : "done";
  await database.update(plans).set({ status, updatedAt: new Date() }).where(and(eq(plans.id, planId), sql`${plans.status} <> 'failed'`));
  return status;
}

export async function getPlan(database: Database, planId: number) {
  const [plan] = await database
    .select({ plan: plans, companyName: companies.name, contactFirst: contacts.firstName, contactLast: contacts.lastName, contactOwnerId: contacts.ownerId, createdByName: users.name })
    .from(plans)
    .innerJoin(companies, eq(companies.id, plans.companyId))
    .leftJoin(contacts, eq(contacts.id, plans.contactId))
    .leftJoin(users, eq(users.id, plans.createdBy))
    .where(eq(plans.id, planId))
    .limit(1);
  if (!plan) return null;
  const steps = await database.select().from(planSteps).where(eq(planSteps.planId, planId)).orderBy(planSteps.position);
  return { ...plan, steps };
}

export type PlanDetail = NonNullable<Awaited<ReturnType<typeof getPlan>>>;
export type StepRow = PlanDetail["steps"][number];

export async function getStep(database: Database, stepId: number) {
  const [row] = await database.select().from(planSteps).where(eq(planSteps.id, stepId)).limit(1);
  return row ?? null;
}

/**
 * Moves a step from one of `from` to `to` only if it is still there: two people deciding the same
 * step at once cannot both run it. True when this call moved it.
 */
export async function claimStep(
  database: Database,
  stepId: number,
  from: StepStatus[],
  to: StepStatus,
  change: { decidedBy?: string; rejectReason?: string } = {},
  /** Also takes a step left "approved" (running) since before this time: its run was cut off. */
  runningSince?: Date,
): Promise<boolean> {
  const cutOff = runningSince ? and(eq(planSteps.status, "approved"), lt(planSteps.updatedAt, runningSince)) : undefined;
  const moved = await database
    .update(planSteps)
    .set({ status: to, ...change, ...(change.decidedBy ? { decidedAt: new Date() } : {}), updatedAt: new Date() })
    .where(and(eq(planSteps.id, stepId), cutOff ? or(inArray(planSteps.status, from), cutOff) : inArray(planSteps.status, from)))
    .returning({ id: planSteps.id });
  return moved.length > 0;
}

/** What running a step did and what reading the state back found. */
export async function settleStep(database: Database, stepId: number, outcome: { status: StepStatus; verification: string; resultRef: string | null }): Promise<void> {
  await database.update(planSteps).set({ ...outcome, updatedAt: new Date() }).where(eq(planSteps.id, stepId));
}

export type PlanListFilter = { ownerId?: string; limit: number };

/** Plans newest first with their steps counted by status; `ownerId`: only plans on that rep's contacts. */
export async function listPlans(database: Database, filter: PlanListFilter) {
  const count = (status: StepStatus) => sql<number>`(SELECT count(*) FROM plan_steps s WHERE s.plan_id = ${plans.id} AND s.status = ${status})`;
  const needsPerson = sql.join(NEEDS_PERSON_STEPS.map((status) => sql`${status}`), sql`, `);
  return database
    .select({
      id: plans.id,
      goal: plans.goal,
      status: plans.status,
      contactId: plans.contactId,
      companyId: plans.companyId,
      companyName: companies.name,
      contactFirst: contacts.firstName,
      contactLast: contacts.lastName,
      promptVersion: plans.promptVersion,
      createdAt: plans.createdAt,
      ran: sql<number>`${count("auto_ran")} + ${count("done")}`,
      waiting: count("awaiting_approval"),
      failed: count("failed"),
      needsPerson: sql<number>`(SELECT count(*) FROM plan_steps s WHERE s.plan_id = ${plans.id} AND s.status IN (${needsPerson}))`,
      dropped: count("dropped"),
      rejected: count("rejected"),
    })
    .from(plans)
    .innerJoin(companies, eq(companies.id, plans.companyId))
    .leftJoin(contacts, eq(contacts.id, plans.contactId))
    .where(filter.ownerId ? eq(contacts.ownerId, filter.ownerId) : undefined)
    .orderBy(desc(plans.createdAt), desc(plans.id))
    .limit(filter.limit);
}

export type PlanListRow = Awaited<ReturnType<typeof listPlans>>[number];
