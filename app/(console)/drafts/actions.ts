"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { REJECT_LABELS } from "@/db/schema";
import { DraftEdit } from "@/lib/services/drafts";
import { approveWithUndo, batchApproveWithUndo, batchReject, reviseDraftFor, undoApprovals } from "@/lib/services/draft-decisions";
import { rejectDraft } from "@/lib/services/drafts";
import { runAction } from "@/lib/actions";
import { visiblePart } from "@/lib/services/params";

const draftId = z.number({ error: "Choose a draft." }).int().positive("Choose a draft.");
const draftIds = (verb: string) =>
  z.array(draftId, { error: "Select at least one draft." }).min(1, "Select at least one draft.").max(100, `${verb} at most 100 drafts at a time.`);

/**
 * Why a draft is rejected: a preset label, words, or both; "other" needs the words. Checked here
 * so an empty reason is refused naming `reason` before anything is resumed.
 */
const Rejection = {
  reason: z.string({ error: "Say why you are rejecting it." }).trim().max(500, "Keep the reason under 500 characters.").default(""),
  label: z.enum(REJECT_LABELS, { error: "Choose one of the listed reasons." }).nullable().default(null),
};
const saysWhy = (input: { reason: string; label: string | null }, ctx: z.RefinementCtx) => {
  const words = visiblePart(input.reason).length > 0;
  if (!words && (input.label === null || input.label === "other")) {
    ctx.addIssue({ code: "custom", path: ["reason"], message: input.label === "other" ? "Say what the other reason is." : "Choose a reason or say why you are rejecting it." });
  }
};

// Strict: a key these actions do not read is a malformed call, refused before anything runs.
const ApproveInput = z.object({ draftId, edit: DraftEdit.optional() }).strict();
const RejectInput = z.object({ draftId, ...Rejection }).strict().superRefine(saysWhy);
const BatchInput = z.object({ draftIds: draftIds("Approve") }).strict();
const BatchRejectInput = z.object({ draftIds: draftIds("Reject"), ...Rejection }).strict().superRefine(saysWhy);
const UndoInput = z.object({ draftIds: draftIds("Undo") }).strict();
const ReviseInput = z
  .object({
    draftId,
    /** The rep's instruction ("shorter, mention the pilot"); absent or null: regenerate. */
    instruction: z
      .string({ error: "Say how to change the draft." })
      .trim()
      .max(500, "Keep the instruction under 500 characters.")
      .refine((text) => visiblePart(text).length > 0, "Say how to change the draft, or regenerate it.")
      .nullable()
      .default(null),
  })
  .strict();

/** Approves one draft as written, or with the rep's edits (both versions are kept); it waits the undo window. */
export async function approveDraftAction(input: z.input<typeof ApproveInput>) {
  return runAction("drafts", "rep", ApproveInput, input, async (user, { draftId, edit }) => {
    const result = await approveWithUndo(user, draftId, edit);
    revalidatePath("/drafts");
    return { result };
  });
}

export async function rejectDraftAction(input: z.input<typeof RejectInput>) {
  return runAction("drafts", "rep", RejectInput, input, async (user, { draftId, reason, label }) => {
    const result = await rejectDraft(user, draftId, reason, label);
    revalidatePath("/drafts");
    return { result };
  });
}

/** Approves each selected draft as written; they share one undo window. The answer lists each one. */
export async function batchApproveAction(input: z.input<typeof BatchInput>) {
  return runAction("drafts", "rep", BatchInput, input, async (user, { draftIds }) => {
    const results = await batchApproveWithUndo(user, draftIds);
    revalidatePath("/drafts");
    return { results };
  });
}

/** Rejects each selected draft with one label and reason. */
export async function batchRejectAction(input: z.input<typeof BatchRejectInput>) {
  return runAction("drafts", "rep", BatchRejectInput, input, async (user, { draftIds, reason, label }) => {
    const results = await batchReject(user, draftIds, reason, label);
    revalidatePath("/drafts");
    return { results };
  });
}

/** Withdraws approvals still in their undo window; the drafts wait in the queue again. */
export async function undoApprovalAction(input: z.input<typeof UndoInput>) {
  return runAction("drafts", "rep", UndoInput, input, async (user, { draftIds }) => {
    const results = await undoApprovals(user, draftIds);
    revalidatePath("/drafts");
    return { results };
  });
}

/** Redrafts a waiting draft with the rep's instruction, or regenerates it; the previous version is kept. */
export async function reviseDraftAction(input: z.input<typeof ReviseInput>) {
  return runAction("drafts", "rep", ReviseInput, input, async (user, { draftId, instruction }) => {
    const result = await reviseDraftFor(user, draftId, instruction);
    revalidatePath("/drafts");
    return { result };
  });
}
