import { db } from "@/db/client";
import { holdForPausedCampaign, stopEnrollments, updateEnrollmentProgress } from "@/db/queries/enrollments";
import { campaignSendCheck } from "@/lib/campaigns/send-check";
import { stopStatusOf } from "@/lib/campaigns/stop-rules";
import { systemClock } from "@/lib/clock";
import { nowOf } from "../rules";
import type { CampaignStateType } from "../state";

/**
 * Before a touch is composed: the shared safety gate and the campaign's stop rules (suppression,
 * do-not-contact, bounce, unsubscribe), the touch budget, and holds (a paused campaign or
 * enrollment, an out-of-office until its return date). A stop ends the enrollment and the
 * thread; a hold sleeps until it lifts.
 */
export async function guard(state: CampaignStateType): Promise<Partial<CampaignStateType>> {
  const { enrollmentId } = state.context!;
  const now = nowOf(state.at, systemClock.now);
  if (state.plan && state.step >= state.plan.maxTouches) {
    await updateEnrollmentProgress(db(), enrollmentId, { status: "completed", nextWakeAt: null, lastEvent: "sequence complete", lastEventAt: now }, now, ["active", "paused"]);
    return { outcome: { status: "ended", step: state.step, enrollment: "completed", reason: "Every touch of the plan is done." } };
  }
  const verdict = await campaignSendCheck(db(), { enrollmentId }, { now: () => now });
  if (verdict.allowed) return { outcome: undefined };
  if (verdict.final) {
    await stopEnrollments(db(), [enrollmentId], { status: stopStatusOf(verdict.reason), reason: verdict.message, at: now });
    return { outcome: { status: "ended", step: state.step, enrollment: verdict.reason, reason: verdict.message } };
  }
  // A paused campaign holds this enrollment as one it paused, so resuming the campaign wakes it
  // (an out-of-office that ended while the campaign was paused made it active again meanwhile).
  if (verdict.reason === "campaign_paused") await holdForPausedCampaign(db(), enrollmentId, now);
  return { outcome: { status: "sleeping", step: state.step, wakeAt: verdict.retryAt?.getTime() ?? null, why: verdict.message, hold: true } };
}
