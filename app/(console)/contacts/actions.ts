"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { draftOutreach } from "@/lib/services/drafts";
import { runAction } from "@/lib/actions";

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
