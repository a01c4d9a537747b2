import { db } from "@/db/client";
import { updateEnrollmentProgress } from "@/db/queries/enrollments";
import { recordRejection } from "@/graphs/shared/draft-approval";
import { systemClock } from "@/lib/clock";
import { nowOf } from "../rules";
import { CampaignResume, type CampaignStateType } from "../state";

/**
 * Records the touch as done: approved and queued, or skipped by the rep's rejection (with their
 * reason); the enrollment's step and last event move on either way, so the sequence continues.
 */
export async function record(state: CampaignStateType): Promise<Partial<CampaignStateType>> {
  const response = CampaignResume.parse(Array.isArray(state.response) ? state.response[0] : state.response);
  const touch = state.step + 1;
  const now = nowOf(state.at, systemClock.now);
  let event = `touch ${touch} approved; queued to send`;
  if (response.type === "ignore") {
    await recordRejection(db(), state.draftId!, response);
    event = `touch ${touch} skipped: rejected${response.reason ? ` (${response.reason})` : ""}`;
  }
  await updateEnrollmentProgress(db(), state.context!.enrollmentId, { step: touch, lastEvent: event, lastEventAt: now, deferredReason: null }, now, ["active", "paused"]);
  return { step: touch, lastTouchAt: state.lastTouchAt && response.type !== "ignore" ? state.lastTouchAt : now.getTime() };
}
