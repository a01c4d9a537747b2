import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { db } from "@/db/client";
import { campaignThreadName, stopEnrollments } from "@/db/queries/enrollments";
import { queueApprovedDraft } from "@/graphs/shared/draft-approval";
import { campaignSendCheck } from "@/lib/campaigns/send-check";
import { stopStatusOf } from "@/lib/campaigns/stop-rules";
import { systemClock } from "@/lib/clock";
import { nowOf } from "../rules";
import { CampaignResume, type CampaignStateType } from "../state";

/**
 * The only node that sends: the stop rules are checked again at approval (a reply that came in
 * while the draft waited ends the enrollment and withdraws it), then the approved touch and its
 * delivery job go into the outbox in one batch, exactly once per draft. The sender checks the
 * gate and the campaign once more at the moment of sending.
 */
export async function sendTouch(state: CampaignStateType, config?: LangGraphRunnableConfig): Promise<Partial<CampaignStateType>> {
  const response = CampaignResume.parse(Array.isArray(state.response) ? state.response[0] : state.response);
  if (response.type !== "accept" && response.type !== "edit") throw new Error(`send_touch reached with a "${response.type}" answer (the router sends only approvals here)`);
  const { contact, enrollmentId } = state.context!;
  const now = nowOf(state.at, systemClock.now);
  const verdict = await campaignSendCheck(db(), { enrollmentId }, { now: () => now });
  if (!verdict.allowed && verdict.final) {
    await stopEnrollments(db(), [enrollmentId], { status: stopStatusOf(verdict.reason), reason: verdict.message, at: now });
    return { outcome: { status: "ended", step: state.step, enrollment: verdict.reason, reason: verdict.message } };
  }
  await queueApprovedDraft(
    db(),
    state.draftId!,
    { decidedBy: response.decidedBy, ...(response.type === "edit" ? { edit: response.args } : {}) },
    { contactId: contact.id, toEmail: contact.email, inReplyTo: null, conversationId: campaignThreadName(state.campaignId, contact.id) },
    { parentRunId: typeof config?.configurable?.run_id === "string" ? config.configurable.run_id : null, deliverAt: now },
  );
  return { lastTouchAt: now.getTime(), outcome: undefined };
}
