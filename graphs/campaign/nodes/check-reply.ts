import { db } from "@/db/client";
import { loadTouchContext } from "@/db/queries/campaigns";
import { stopEnrollments } from "@/db/queries/enrollments";
import { campaignSendCheck } from "@/lib/campaigns/send-check";
import { stopStatusOf } from "@/lib/campaigns/stop-rules";
import { systemClock } from "@/lib/clock";
import { contextOf, isReplyStop, nowOf } from "../rules";
import type { CampaignStateType } from "../state";

/**
 * Ends the thread when the contact answered (a reply, a booked meeting, a colleague's reply when
 * the campaign stops company-wide) or the enrollment already ended; otherwise refreshes what the
 * thread knows of the contact for this touch.
 */
export async function checkReply(state: CampaignStateType): Promise<Partial<CampaignStateType>> {
  const loaded = await loadTouchContext(db(), state.campaignId, state.contactId);
  if (!loaded) return { outcome: { status: "ended", step: state.step, enrollment: "missing", reason: "The enrollment or the contact no longer exists." } };
  const now = nowOf(state.at, systemClock.now);
  const verdict = await campaignSendCheck(db(), { enrollmentId: loaded.enrollmentId }, { now: () => now });
  if (!verdict.allowed && isReplyStop(verdict.reason)) {
    if (verdict.reason !== "enrollment_ended") {
      await stopEnrollments(db(), [loaded.enrollmentId], { status: stopStatusOf(verdict.reason), reason: verdict.message, at: now });
    }
    return { outcome: { status: "ended", step: state.step, enrollment: verdict.reason, reason: verdict.message } };
  }
  return { context: contextOf(loaded), outcome: undefined };
}
