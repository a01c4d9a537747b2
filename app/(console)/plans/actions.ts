"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/actions";
import { approveStep, createPlan, PlanRequest, RejectReason, rejectStep } from "@/lib/services/plans";

const StepInput = z.object({ stepId: z.number({ error: "Say which step." }).int("Say which step.").positive("Say which step.") }).strict();
const RejectInput = z.object({ stepId: StepInput.shape.stepId, reason: RejectReason }).strict();

/** Plans toward a goal for a contact (its owner, operators, admins) or an account (operators, admins). */
export async function createPlanAction(input: z.input<typeof PlanRequest>) {
  return runAction("plans", "rep", PlanRequest, input, async (user, request) => {
    const result = await createPlan(user, request);
    revalidatePath("/plans");
    return result;
  });
}

/** Runs a waiting step through its executor and verification, as the person approving it. */
export async function approveStepAction(input: z.input<typeof StepInput>) {
  return runAction("plans", "rep", StepInput, input, async (user, { stepId }) => {
    const result = await approveStep(user, stepId);
    revalidatePath(`/plans/${result.planId}`);
    return result;
  });
}

/** Rejects a waiting step with the reason; it never runs. */
export async function rejectStepAction(input: z.input<typeof RejectInput>) {
  return runAction("plans", "rep", RejectInput, input, async (user, { stepId, reason }) => {
    const result = await rejectStep(user, stepId, reason);
    revalidatePath(`/plans/${result.planId}`);
    return result;
  });
}
