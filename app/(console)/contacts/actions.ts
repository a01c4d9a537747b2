"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { draftOutreach } from "@/lib/services/drafts";
import { runAction } from "@/lib/actions";
import { scoreAllStep, scoreSelected } from "@/lib/services/scores";
import { completeTask } from "@/lib/services/tasks";

/** Each graph run takes seconds; the client sends a few contacts per call so a batch shows progress. */
const MOST_PER_CALL = 10;

const OutreachInput = z.object({
  contactIds: z
    .array(z.number().int().positive("Choose a contact."))
    .min(1, "Choose at least one contact.")
    .max(MOST_PER_CALL, `Draft for at most ${MOST_PER_CALL} contacts per call.`),
  campaignId: z.number().int().positive().nullable().default(null),
});

/** Runs the email orchestrator for a few contacts; each one comes back drafted, skipped or failed. */
export async function draftOutreachAction(input: z.input<typeof OutreachInput>) {
  return runAction("contacts", "rep", OutreachInput, input, async (user, { contactIds, campaignId }) => {
    const results = await draftOutreach(user, contactIds, campaignId);
    if (results.some((r) => r.status === "drafted")) revalidatePath("/drafts");
    return { results };
  });
}

/** Contacts per "Score selected" call: each is a graph run with one model call. */
const MOST_SCORED_PER_CALL = 10;

const ScoreInput = z.object({
  contactIds: z
    .array(z.number().int().positive("Choose a contact."))
    .min(1, "Choose at least one contact.")
    .max(MOST_SCORED_PER_CALL, `Score at most ${MOST_SCORED_PER_CALL} contacts per call.`),
});

/** Scores a few chosen contacts with score_contact; each comes back with its score, tier and who judged it. */
export async function scoreSelectedAction(input: z.input<typeof ScoreInput>) {
  return runAction("contacts", "rep", ScoreInput, input, async (user, { contactIds }) => ({ scores: await scoreSelected(user, contactIds) }));
}

const ScoreAllInput = z.object({ afterId: z.number().int().min(0) });

/** One step of "Score all" (the rules, in batches); the client calls again with `lastId` until it is null. */
export async function scoreAllStepAction(input: z.input<typeof ScoreAllInput>) {
  // Every contact in the CRM, other reps' too: an operator's or admin's.
  return runAction("contacts", "operator", ScoreAllInput, input, async (user, { afterId }) => scoreAllStep(user, afterId));
}

const TaskInput = z.object({ taskId: z.number({ error: "Say which task." }).int("Say which task.").positive("Say which task.") }).strict();

/** Marks a task or flag on a contact done; the contact's page drops it from its open tasks. */
export async function completeTaskAction(input: z.input<typeof TaskInput>) {
  return runAction("contacts", "rep", TaskInput, input, async (user, { taskId }) => {
    const { contactId } = await completeTask(user, taskId);
    if (contactId !== null) revalidatePath(`/contacts/${contactId}`);
    return { done: taskId };
  });
}
