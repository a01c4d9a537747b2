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
    config: { allow_accept: true, allow_edit: true, allow_respond: false, allow_ignore: true },
    description: `**${state.action?.kind} email** to ${contact.firstName} ${contact.lastName} at ${company.name}.\n\n${draft.provenance.reason}`,
  });
  return { response };
}
