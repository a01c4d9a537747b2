import { checkProposal, flaggedClaims, groundedShare, withFaithfulnessNote } from "@/lib/outreach/proposal";
import { allowedTerms } from "../rules";
import type { LeadToProposalStateType } from "../state";

/**
 * Every claim against the facts it cites (lib/outreach/faithfulness.ts). A claim that cites
 * nothing, an unknown fact, or a fact that does not say it is kept but flagged, with why: the rep
 * sees what was written and cannot approve until it is fixed, marked an assumption or removed.
 * The proposal's confidence becomes its grounded share (lib/outreach/proposal.ts).
 */
export function checkFaithfulness(state: LeadToProposalStateType): Partial<LeadToProposalStateType> {
  const snapshot = state.snapshot!;
  const written = state.proposal!;
  const document = checkProposal({ title: written.title, sections: written.sections, facts: snapshot.facts, findings: state.findings ?? [], allowedTerms: allowedTerms(snapshot) });
  const flagged = flaggedClaims(document).length;
  return { document, proposal: { ...written, provenance: { ...written.provenance, confidence: groundedShare(document), reason: withFaithfulnessNote(written.provenance.reason, flagged, "draft") } } };
}
