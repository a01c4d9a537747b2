import { interrupt } from "@langchain/langgraph";
import { OBJECTION_LABELS } from "@/lib/objections/kinds";
import type { ObjectionCoachStateType } from "../state";

/**
 * Pauses the thread until a person decides (Agent Inbox request shape). Nothing else happens in
 * this node, because a resumed thread runs it again from the top.
 */
export function awaitApproval(state: ObjectionCoachStateType): Partial<ObjectionCoachStateType> {
  const { contact, company } = state.context!;
  const rebuttal = state.rebuttal!;
  const kind = state.classification!.objection;
  const label = kind === "none" ? "No objection" : OBJECTION_LABELS[kind];
  const response = interrupt({
    action_request: { action: "send_email", args: { draft_id: state.draftId, to: contact.email, subject: rebuttal.subject, body: rebuttal.body } },
    config: { allow_accept: true, allow_edit: true, allow_respond: true, allow_ignore: true },
    description: `**Objection reply** (${label}) to ${contact.firstName} ${contact.lastName} at ${company.name}.\n\n${state.classification!.reason}${rebuttal.reviewFlags.length ? `\n\n${rebuttal.reviewFlags.join("\n")}` : ""}`,
  });
  return { response };
}
