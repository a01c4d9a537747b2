"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { approveDraft, batchApprove, DraftEdit, rejectDraft } from "@/lib/services/drafts";
import { runAction } from "@/lib/actions";
import { visibleText } from "@/lib/services/params";

const draftId = z.number({ error: "Choose a draft." }).int().positive("Choose a draft.");

const ApproveInput = z.object({ draftId, edit: DraftEdit.optional() });
const RejectInput = z.object({
  draftId,
  reason: visibleText({ max: 500, empty: "Say why you are rejecting it.", tooLong: "Keep the reason under 500 characters." }),
});
const BatchInput = z.object({
  draftIds: z.array(draftId).min(1, "Select at least one draft.").max(100, "Approve at most 100 drafts at a time."),
});

/** Approves one draft as written, or with the rep's edits (both versions are kept). */
export async function approveDraftAction(input: z.input<typeof ApproveInput>) {
  return runAction("drafts", "rep", ApproveInput, input, async (user, { draftId, edit }) => {
    const result = await approveDraft(user, draftId, edit);
    revalidatePath("/drafts");
    return { result };
  });
}

export async function rejectDraftAction(input: z.input<typeof RejectInput>) {
  return runAction("drafts", "rep", RejectInput, input, async (user, { draftId, reason }) => {
    const result = await rejectDraft(user, draftId, reason);
    revalidatePath("/drafts");
    return { result };
  });
}

/** Approves each selected draft as written; the answer lists what happened to each one. */
export async function batchApproveAction(input: z.input<typeof BatchInput>) {
  return runAction("drafts", "rep", BatchInput, input, async (user, { draftIds }) => {
    const results = await batchApprove(user, draftIds);
    revalidatePath("/drafts");
    return { results };
  });
}

