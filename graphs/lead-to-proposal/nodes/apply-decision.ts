import { db } from "@/db/client";
import { decideDraft, getDraft } from "@/db/queries/drafts";
import { updateProposalDocument } from "@/db/queries/proposals";
import { checkProposal, flaggedClaims, groundedShare, proposalMarkdown } from "@/lib/outreach/proposal";
import { ProposalResponse, type LeadToProposalStateType } from "../state";

/**
 * Applies the decision. A rejection records its reason. An approval (as stored, or with the
 * person's edit, re-checked first) marks the proposal approved — exportable, never sent — unless
 * a claim is still flagged: then it stays a draft and the thread waits again (needs_fix).
 */
export async function applyDecision(state: LeadToProposalStateType): Promise<Partial<LeadToProposalStateType>> {
  const draftId = state.draftId!;
  const response = ProposalResponse.parse(Array.isArray(state.response) ? state.response[0] : state.response);
  const database = db();
  if (response.type === "ignore") {
    await decideDraft(database, draftId, {
      status: "rejected",
      decidedBy: response.decidedBy,
      rejectReason: response.reason || (response.label ? null : "Rejected without a reason."),
      rejectLabel: response.label,
    });
    return { outcome: { status: "rejected", draftId, reason: response.reason } };
  }
  // The console may have saved edits while the thread waited: the stored document is the one decided on.
  const stored = (await getDraft(database, draftId))!;
  let document = stored.document ?? state.document!;
  if (response.type === "edit") {
    document = checkProposal({ ...document, title: response.args.title, sections: response.args.sections });
    const flagged = flaggedClaims(document).length;
    await updateProposalDocument(database, draftId, {
      title: document.title,
      markdown: proposalMarkdown(document, { export: false }),
      document,
      reviewFlags: flagged ? ["unsupported_claims"] : [],
      provenance: { ...stored.provenance, confidence: groundedShare(document) },
    });
  }
  const flagged = flaggedClaims(document).length;
  if (flagged > 0) return { document, outcome: { status: "needs_fix", draftId, flagged } };
  await decideDraft(database, draftId, { status: "approved", decidedBy: response.decidedBy });
  return { document, outcome: { status: "approved", draftId, edited: response.type === "edit" || stored.editedBody !== null } };
}
