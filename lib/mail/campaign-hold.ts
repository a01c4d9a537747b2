import { enrollmentOfDraft } from "@/db/queries/drafts";
import { campaignSendCheck } from "@/lib/campaigns/send-check";
import type { Clock } from "@/lib/clock";
import type { SendHold } from "./governor-claim";

/**
 * A campaign's stop rules, checked once more at the moment of sending: a touch approved while
 * its contact had not yet answered is never sent once they have (or bounced, unsubscribed, booked
 * a meeting, or the enrollment ended): it is stopped with the reason. A paused campaign or
 * enrollment, or an out-of-office pause, holds it until the pause ends or someone resumes.
 * Mail outside campaigns passes through (one read by primary key).
 */
export function campaignHold(clock: Clock): SendHold {
  return async (database, entry) => {
    const enrollmentId = await enrollmentOfDraft(database, entry.draftId);
    if (enrollmentId === null) return null;
    const verdict = await campaignSendCheck(database, { enrollmentId }, clock);
    if (verdict.allowed) return null;
    if (verdict.final) return { kind: "stop", message: verdict.message };
    return { kind: "pause", scope: verdict.reason === "campaign_paused" ? "campaign" : "contact", until: verdict.retryAt };
  };
}
