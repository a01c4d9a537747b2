import { interrupt } from "@langchain/langgraph";
import { systemClock } from "@/lib/clock";
import { CampaignResume, type CampaignStateType } from "../state";

/**
 * Pauses the thread until a person decides on the touch in their queue (Agent Inbox request
 * shape, `kind: "approval"` so the scheduler can tell it from a sleep). Nothing else happens in
 * this node, because a resumed thread runs it again from the top.
 */
export function awaitApproval(state: CampaignStateType): Partial<CampaignStateType> {
  const { contact, company, campaign } = state.context!;
  const draft = state.draft!;
  const touch = state.step + 1;
  const response: unknown = interrupt({
    kind: "approval",
    action_request: { action: "send_email", args: { draft_id: state.draftId, to: contact.email, subject: draft.subject, body: draft.body } },
    // No "respond": a campaign touch is approved, edited or skipped; the plan is not renegotiated here.
    config: { allow_accept: true, allow_edit: true, allow_respond: false, allow_ignore: true },
    description: `**Touch ${touch} of ${state.plan!.maxTouches}** of ${campaign.name} to ${contact.firstName} ${contact.lastName} at ${company.name}.\n\n${draft.provenance.reason}`,
  });
  const parsed = CampaignResume.safeParse(Array.isArray(response) ? response[0] : response);
  return { response, at: (parsed.success ? parsed.data.at : undefined) ?? systemClock.now().toISOString() };
}
