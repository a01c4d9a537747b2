"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { REJECT_LABELS } from "@/db/schema";
import { runAction } from "@/lib/actions";
import { ProposalEdit } from "@/lib/outreach/proposal";
import { approveProposal, draftProposalFor, rejectProposal, saveProposalEdits } from "@/lib/services/proposals";
import { visiblePart } from "@/lib/services/params";

const id = (what: string) => z.number({ error: `Choose a ${what}.` }).int(`Choose a ${what}.`).positive(`Choose a ${what}.`);
const draftId = id("proposal");

// Strict: a key these actions do not read is a malformed call, refused before anything runs.
const DraftInput = z
  .object({ contactId: id("contact").optional(), companyId: id("company").optional() })
  .strict()
  .refine((t) => (t.contactId === undefined) !== (t.companyId === undefined), { message: "Choose a contact or a company.", path: ["contactId"] })
  .transform((t) => (t.contactId !== undefined ? { contactId: t.contactId } : { companyId: t.companyId! }));
const SaveInput = z.object({ draftId, edit: ProposalEdit }).strict();
const ApproveInput = z.object({ draftId }).strict();
const RejectInput = z
  .object({
    draftId,
    reason: z.string({ error: "Say why you are rejecting it." }).trim().max(500, "Keep the reason under 500 characters.").default(""),
    label: z.enum(REJECT_LABELS, { error: "Choose one of the listed reasons." }).nullable().default(null),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (visiblePart(input.reason).length === 0 && (input.label === null || input.label === "other"))
      ctx.addIssue({ code: "custom", path: ["reason"], message: input.label === "other" ? "Say what the other reason is." : "Choose a reason or say why you are rejecting it." });
  });

/** "Draft proposal" on a contact or company page: reps for their own contacts, operators and admins for any. */
export async function draftProposalAction(input: z.input<typeof DraftInput>) {
  return runAction("drafts", "rep", DraftInput, input, async (user, target) => {
    const result = await draftProposalFor(user, target);
    revalidatePath("/drafts");
    return { result };
  });
}

/** Saves a rep's edit of a waiting proposal; every claim is re-checked and the answer says how many are flagged. */
export async function saveProposalAction(input: z.input<typeof SaveInput>) {
  return runAction("drafts", "rep", SaveInput, input, async (user, { draftId, edit }) => {
    const result = await saveProposalEdits(user, draftId, edit);
    revalidatePath("/drafts");
    return { result };
  });
}

/** Approves a proposal with no flagged claim: approved and exportable, nothing sent. */
export async function approveProposalAction(input: z.input<typeof ApproveInput>) {
  return runAction("drafts", "rep", ApproveInput, input, async (user, { draftId }) => {
    const result = await approveProposal(user, draftId);
    revalidatePath("/drafts");
    return { result };
  });
}

export async function rejectProposalAction(input: z.input<typeof RejectInput>) {
  return runAction("drafts", "rep", RejectInput, input, async (user, { draftId, reason, label }) => {
    const result = await rejectProposal(user, draftId, reason, label);
    revalidatePath("/drafts");
    return { result };
  });
}
