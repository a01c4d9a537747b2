import { interrupt } from "@langchain/langgraph";
import type { LeadToProposalStateType } from "../state";

/**
 * Pauses the thread until a person decides (Agent Inbox request shape, as the email
 * orchestrator's await_approval). Nothing else happens here: a resumed thread re-runs this node.
 */
export function awaitApproval(state: LeadToProposalStateType): Partial<LeadToProposalStateType> {
  const { contact, company } = state.snapshot!;
  const outcome = state.outcome;
  const flagged = outcome && "flagged" in outcome ? outcome.flagged : 0;
  const response = interrupt({
    action_request: { action: "approve_proposal", args: { draft_id: state.draftId, title: state.document!.title } },
    config: { allow_accept: true, allow_edit: true, allow_respond: false, allow_ignore: true },
    description:
      `**Proposal** for ${contact.firstName} ${contact.lastName} at ${company.name}. Approving never sends it; it becomes exportable.` +
      (flagged ? `\n\n${flagged} claim${flagged === 1 ? "" : "s"} flagged by the faithfulness check: fix, mark as assumptions or remove them first.` : ""),
  });
  return { response };
}
