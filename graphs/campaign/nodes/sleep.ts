import { interrupt } from "@langchain/langgraph";
import { systemClock } from "@/lib/clock";
import { CampaignResume, type CampaignStateType } from "../state";

/**
 * Sleeps until `wake_at` (an interrupt: the thread costs nothing while it waits, and survives any
 * restart). The scheduler resumes it when the time comes — or at once for a hold (`hold: true`,
 * a pause) when the enrollment is active again — and the loop checks replies before anything else.
 */
export function sleep(state: CampaignStateType): Partial<CampaignStateType> {
  const outcome = state.outcome?.status === "sleeping" ? state.outcome : null;
  const value: unknown = interrupt({
    kind: "sleep",
    wake_at: outcome?.wakeAt ? new Date(outcome.wakeAt).toISOString() : null,
    hold: outcome?.hold ?? false,
    step: state.step,
    why: outcome?.why ?? null,
  });
  const parsed = CampaignResume.safeParse(Array.isArray(value) ? value[0] : value);
  return { at: (parsed.success ? parsed.data.at : undefined) ?? systemClock.now().toISOString(), wakeAt: null, outcome: undefined };
}
