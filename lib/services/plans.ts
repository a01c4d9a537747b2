import "server-only";
import { z } from "zod";
import { db } from "@/db/client";
import { contactNamesOf, getContactOwner, getContactSummary } from "@/db/queries/contacts";
import { getCompanyDetail } from "@/db/queries/companies";
import { claimStep, failPlanning, getPlan, getStep, insertPlan, listPlans, recordPlanning, refreshPlanStatus, settleStep, type NewStep, type PlanDetail, type StepRow } from "@/db/queries/plans";
import type { StepStatus } from "@/db/schema";
import type { PlannedStep } from "@/graphs/crm-orchestrator/graph";
import { meta as crmOrchestrator } from "@/graphs/crm-orchestrator/meta";
import type { SessionUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { systemClock, type Clock } from "@/lib/clock";
import { EXECUTORS, type ActionContext, type ActionExecutor, type ActionExecutors } from "@/lib/crm-actions/executors";
import { confirmVerdict } from "@/lib/crm-actions/confirm";
import type { AutonomyLevel } from "@/lib/crm-actions/gate";
import { ACTION_PARAMS, isCrmAction, type CrmAction } from "@/lib/crm-actions/vocabulary";
import { AppError, isAppError } from "@/lib/errors";
import { graphClient } from "@/lib/langgraph/instance";
import { withSpan } from "@/lib/telemetry/span";
import { planAutonomy } from "./plan-autonomy";

const SPAN = { graph: crmOrchestrator.assistantId, feature: crmOrchestrator.feature };

/** What the console runs steps with; tests hand in their own to break a verification on purpose. */
export type PlanDeps = { executors: ActionExecutors; clock: Clock };
const DEFAULTS: PlanDeps = { executors: EXECUTORS, clock: systemClock };

export const PlanRequest = z
  .object({
    goal: z.string().trim().min(3, "Say what the plan is for (3 characters at least).").max(300, "The goal is too long (300 characters at most)."),
    contactId: z.number().int().positive().optional(),
    companyId: z.number().int().positive().optional(),
  })
  .strict()
  .refine((r) => (r.contactId === undefined) !== (r.companyId === undefined), { message: "Choose a contact or an account, not both.", path: ["contactId"] });
export type PlanRequest = z.infer<typeof PlanRequest>;

/**
 * Who may see and decide a plan: admins and operators every plan; a rep only plans on contacts
 * they own (never account plans: an account's contacts belong to several reps).
 */
function canSee(user: SessionUser, plan: Pick<PlanDetail, "plan" | "contactOwnerId">): boolean {
  return hasRole(user.role, "operator") || (plan.plan.contactId !== null && plan.contactOwnerId === user.id);
}

/** The subject of a plan request, checked against who asks. */
async function subjectOf(user: SessionUser, request: PlanRequest): Promise<{ companyId: number; contactId: number | null }> {
  if (request.contactId !== undefined) {
    const summary = await getContactSummary(db(), request.contactId);
    if (!summary) throw new AppError("not_found:contacts");
    if (!hasRole(user.role, "operator")) {
      if ((await getContactOwner(db(), request.contactId)) !== user.id) throw new AppError("forbidden:plans", { message: "You can only plan for your own contacts." });
    }
    return { companyId: summary.company.id, contactId: request.contactId };
  }
  if (!hasRole(user.role, "operator")) throw new AppError("forbidden:plans", { message: "Only operators and admins can plan for a whole account." });
  if (!(await getCompanyDetail(db(), request.companyId!))) throw new AppError("not_found:companies");
  return { companyId: request.companyId!, contactId: null };
}

/** The graph's steps as they arrive (possibly from a remote LangGraph server): parsed, never trusted. */
const ReturnedStep = z.object({
  position: z.number().int().min(0),
  action: z.string().max(60),
  params: z.record(z.string(), z.unknown()),
  confidence: z.number(),
  reason: z.string().max(1000),
  verdict: z.enum(["auto_run", "needs_approval", "dropped"]),
  verdictReason: z.string().max(1000),
});

/** The step as stored, with the console's own verdict (lib/crm-actions/confirm.ts). */
function stepToStore(step: PlannedStep, level: AutonomyLevel): NewStep {
  const { verdict, verdictReason } = confirmVerdict(step, level);
  const status = verdict === "dropped" ? "dropped" : verdict === "auto_run" ? "auto_ran" : "awaiting_approval";
  return { position: step.position, action: step.action, params: step.params, confidence: step.confidence, reason: step.reason, verdict, verdictReason, status };
}

/**
 * Act, then verify: runs one step through its executor (the services the UI uses) and reads the
 * state back. Only a verified effect settles the step as `success`; a refusal, an exception or a
 * failed verification leaves it `failed`, for a person, with why.
 */
async function actAndVerify(deps: PlanDeps, ctx: Omit<ActionContext, "startedAt">, step: Pick<StepRow, "id" | "action" | "params">, success: StepStatus): Promise<void> {
  const action = step.action as CrmAction;
  const executor = deps.executors[action] as ActionExecutor<CrmAction>;
  const params = ACTION_PARAMS[action].parse(step.params) as never;
  let outcome: { status: StepStatus; verification: string; resultRef: string | null };
  const acting: ActionContext = { ...ctx, startedAt: deps.clock.now() };
  try {
    const ran = await executor.run(acting, params);
    if (!ran.ok) outcome = { status: "failed", verification: `Needs a person: ${ran.reason}`, resultRef: null };
    else {
      const check = await executor.verify(acting, params, ran.ref);
      outcome = check.ok
        ? { status: success, verification: `${ran.summary} Verified: ${check.detail}`, resultRef: ran.ref }
        : { status: "failed", verification: `Needs a person: verification failed. ${check.detail} (${ran.summary})`, resultRef: ran.ref };
    }
  } catch (e) {
    if (!isAppError(e)) console.error("[internal:plans] step", step.id, e);
    outcome = { status: "failed", verification: `Needs a person: the step could not run (${isAppError(e) ? e.message : "an internal error"}).`, resultRef: null };
  }
  await settleStep(db(), step.id, outcome);
}

export type PlanResult = { planId: number; status: string };

/**
 * Plans toward a goal for a contact or an account: crm_orchestrator reasons and decomposes; the
 * plan and every step (dropped ones too) are stored; the steps the gate lets run are run as the
 * person who asked and verified; everything else waits on the plan's page.
 */
export function createPlan(user: SessionUser, request: PlanRequest, deps: PlanDeps = DEFAULTS): Promise<PlanResult> {
  return withSpan("plans.create_plan", SPAN, async () => {
    const subject = await subjectOf(user, request);
    // The level an admin granted (the default until one does); the plan records the level it was made at.
    const autonomy = (await planAutonomy()).level;
    const planId = await insertPlan(db(), { goal: request.goal, ...subject, autonomy, createdBy: user.id });
    let result;
    try {
      result = await graphClient().run("crm_orchestrator", { goal: request.goal, ...subject, autonomy }, { metadata: { requested_by: user.id, plan_id: planId } });
    } catch (e) {
      await failPlanning(db(), planId, `The planning run failed: ${isAppError(e) ? e.message : "an internal error"}.`, null);
      if (!isAppError(e)) console.error("[internal:plans] planning", planId, e);
      return { planId, status: "failed" };
    }
    const { planning, steps } = result.values;
    const parsed = z.array(ReturnedStep).safeParse(steps ?? []);
    if (!planning || !parsed.success) {
      await failPlanning(db(), planId, "The planning run ended without a plan.", result.runId || null);
      return { planId, status: "failed" };
    }
    await recordPlanning(
      db(),
      planId,
      { reasoning: planning.reasoning, provenance: planning.provenance, promptVersion: planning.promptVersion, runId: result.runId || null, threadId: result.threadId },
      parsed.data.map((s) => stepToStore(s, autonomy)),
    );
    const stored = (await getPlan(db(), planId))!;
    // One at a time, in the plan's order: a later step may read what an earlier one wrote.
    for (const step of stored.steps.filter((s) => s.status === "auto_ran")) {
      await actAndVerify(deps, { user, companyId: subject.companyId, stepId: step.id }, step, "auto_ran");
    }
    return { planId, status: await refreshPlanStatus(db(), planId) };
  });
}

async function loadStepFor(user: SessionUser, stepId: number) {
  const step = await getStep(db(), stepId);
  const plan = step ? await getPlan(db(), step.planId) : null;
  if (!step || !plan || !canSee(user, plan)) throw new AppError("not_found:plans", { message: "That step does not exist or is not yours to decide." });
  return { step, plan };
}

/**
 * How long a step may stay "Running" (approved, its action not yet settled) before it counts as
 * cut off: well past the longest action's run (a draft through the orchestrator's budget).
 */
export const STEP_CUT_OFF_MS = 10 * 60_000;

/** Whether a step is "Running" only because the process running it died (a person may decide it again). */
export function cutOff(step: { status: StepStatus; updatedAt: Date }, now: Date = new Date()): boolean {
  return step.status === "approved" && now.getTime() - step.updatedAt.getTime() > STEP_CUT_OFF_MS;
}

const runningSince = () => new Date(Date.now() - STEP_CUT_OFF_MS);

/**
 * A person approves a waiting (or failed) step: it runs through the same executor and
 * verification as an unattended step, acting as the approver. A step someone else is deciding,
 * or has decided, is a conflict; one left running by a process that died may be approved again
 * (the executors check the state first: a draft already pending is found, not written twice).
 */
export function approveStep(user: SessionUser, stepId: number, deps: PlanDeps = DEFAULTS): Promise<{ planId: number; status: StepStatus }> {
  return withSpan("plans.approve_step", SPAN, async () => {
    const { step, plan } = await loadStepFor(user, stepId);
    if (!isCrmAction(step.action)) throw new AppError("conflict:plans", { message: "A dropped step cannot be approved." });
    if (!(await claimStep(db(), stepId, ["awaiting_approval", "failed"], "approved", { decidedBy: user.id }, runningSince()))) {
      throw new AppError("conflict:plans", { message: "This step was already decided." });
    }
    await actAndVerify(deps, { user, companyId: plan.plan.companyId, stepId }, step, "done");
    await refreshPlanStatus(db(), plan.plan.id);
    return { planId: plan.plan.id, status: (await getStep(db(), stepId))!.status };
  });
}

export const RejectReason = z.string().trim().min(1, "Say why you reject this step.").max(500, "The reason is too long (500 characters at most).");

/** A person rejects a waiting (or failed, or cut-off) step, with the reason; it never runs (again). */
export async function rejectStep(user: SessionUser, stepId: number, reason: string): Promise<{ planId: number }> {
  const { plan } = await loadStepFor(user, stepId);
  if (!(await claimStep(db(), stepId, ["awaiting_approval", "failed"], "rejected", { decidedBy: user.id, rejectReason: reason }, runningSince()))) {
    throw new AppError("conflict:plans", { message: "This step was already decided." });
  }
  await refreshPlanStatus(db(), plan.plan.id);
  return { planId: plan.plan.id };
}

/** Plans the user may see, newest first (100 at most). */
export function plansFor(user: SessionUser) {
  return listPlans(db(), { ownerId: hasRole(user.role, "operator") ? undefined : user.id, limit: 100 });
}

/** One plan with its steps, from an id as it arrives in a URL. */
export async function planView(user: SessionUser, rawId: string): Promise<PlanDetail & { contactNames: Record<number, string> }> {
  const id = Number(rawId);
  const plan = Number.isInteger(id) && id > 0 ? await getPlan(db(), id) : null;
  if (!plan || !canSee(user, plan)) throw new AppError("not_found:plans", { message: "That plan does not exist or is not yours." });
  // An account's plan works through several contacts: each step names the one it acts on.
  const ids = plan.steps.map((s) => s.params?.contactId).filter((v): v is number => typeof v === "number" && Number.isInteger(v));
  return { ...plan, contactNames: Object.fromEntries(await contactNamesOf(db(), ids)) };
}
