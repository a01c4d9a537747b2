import { interrupt } from "@langchain/langgraph";
import type { OrchestratorStateType } from "../state";

/**
 * Pauses the thread until a person decides (Agent Inbox request shape). Nothing else happens in
 * this node, because a resumed thread runs it again from the top.
 */
export function awaitApproval(state: OrchestratorStateType): Partial<OrchestratorStateType> {
  const { contact, company } = state.snapshot!;
  const draft = state.draft!;
  const response = interrupt({
    action_request: { action: "send_email", args: { draft_id: state.draftId, to: contact.email, subject: draft.subject, body: draft.body } },
    // respond: an instruction redrafts ("shorter, mention the pilot"); an empty one regenerates.
    config: { allow_accept: true, allow_edit: true, allow_respond: true, allow_ignore: true },
    description: `**${state.action?.kind} email** to ${contact.firstName} ${contact.lastName} at ${company.name}.\n\n${draft.provenance.reason}${revisionNote(state)}`,
  });
  return { response };
}

/** After a revision request, what became of it (Agent Inbox shows the description, not the draft row). */
function revisionNote(state: OrchestratorStateType): string {
  const outcome = state.outcome;
  if (outcome?.status !== "revised") return "";
  return outcome.changed ? "\n\nRedrafted at the reviewer's request." : `\n\n${outcome.note}`;
}
