import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { db } from "@/db/client";
import { updateEnrollmentProgress } from "@/db/queries/enrollments";
import { systemClock } from "@/lib/clock";
import { nextTouchAt } from "@/lib/governor/cadence";
import { DEFAULT_RULES } from "@/lib/governor/rules";
import { resolveTimeZone } from "@/lib/governor/timezone";
import { sendCalendar } from "@/lib/governor/window";
import { resolveConfig } from "../config";
import { gapAfter, nowOf } from "../rules";
import type { CampaignStateType } from "../state";

/**
 * After the last touch the enrollment is complete. Otherwise the next touch wakes the plan's gap
 * after this one, in the contact's calendar days and moved into their next open window (the
 * company's HQ gives the zone; the sender's is the fallback); caps are the sender's to apply.
 */
export async function scheduleNext(state: CampaignStateType, config?: LangGraphRunnableConfig): Promise<Partial<CampaignStateType>> {
  const plan = state.plan!;
  const { company, enrollmentId } = state.context!;
  const now = nowOf(state.at, systemClock.now);
  if (state.step >= plan.maxTouches) {
    await updateEnrollmentProgress(db(), enrollmentId, { status: "completed", nextWakeAt: null, predictedSendAt: null, lastEvent: "sequence complete", lastEventAt: now }, now, ["active", "paused"]);
    return { outcome: { status: "ended", step: state.step, enrollment: "completed", reason: "Every touch of the plan is done." } };
  }
  const place = resolveTimeZone({ country: company.country, city: company.hqCity }, resolveConfig(config).senderZone);
  const wake = nextTouchAt(sendCalendar(place, DEFAULT_RULES), new Date(state.lastTouchAt ?? now.getTime()), gapAfter(plan, state.step));
  await updateEnrollmentProgress(db(), enrollmentId, { nextWakeAt: wake, predictedSendAt: wake }, now);
  return { wakeAt: wake.getTime(), outcome: { status: "sleeping", step: state.step, wakeAt: wake.getTime(), why: `Touch ${state.step + 1} is due.`, hold: false } };
}
