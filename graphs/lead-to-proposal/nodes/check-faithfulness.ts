import { checkProposal, flaggedClaims, groundedShare } from "@/lib/outreach/proposal";
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
  const note = flagged ? ` ${flagged} claim${flagged === 1 ? "" : "s"} failed the faithfulness check and ${flagged === 1 ? "is" : "are"} flagged.` : " Every claim passed the faithfulness check.";
  return { document, proposal: { ...written, provenance: { ...written.provenance, confidence: groundedShare(document), reason: written.provenance.reason + note } } };
}
