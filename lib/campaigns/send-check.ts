import type { Database } from "@/db/client";
import { stopFactsOf, type StopFacts } from "@/db/queries/enrollments";
import type { DraftRow } from "@/db/queries/drafts";
import { systemClock, type Clock } from "@/lib/clock";
import { stopDecision, type StopReason } from "./stop-rules";

/** Why a campaign touch may not go now. */
export type CampaignSendRefusal = StopReason | "out_of_office" | "enrollment_ended" | "enrollment_paused" | "campaign_paused";

/**
 * `retryAt`: when a held touch may go (a dated pause's end); null when it must wait for a person
 * (a pause without an end) or never goes (`final`: the enrollment ended; its draft is withdrawn).
 */
export type CampaignSendVerdict = { allowed: true } | { allowed: false; reason: CampaignSendRefusal; message: string; final: boolean; retryAt: Date | null };

/**
 * Enrollment states whose approved touches still go: live ones, and `completed`, which the
 * thread records as soon as it has queued its last touch (the sequence is over, not stopped:
 * that last touch is sent, unless a stop rule below fires).
 */
const SENDING_STATES: ReadonlySet<string> = new Set(["active", "paused", "completed"]);

/** The pure part: the verdict from what stopFactsOf read. */
export function sendVerdict(facts: StopFacts, now: Date): CampaignSendVerdict {
  const { enrollment } = facts;
  if (!SENDING_STATES.has(enrollment.status)) {
    return { allowed: false, reason: "enrollment_ended", final: true, retryAt: null, message: enrollment.stopReason ?? `The enrollment is ${enrollment.status}.` };
  }
  const decision = stopDecision({
    gate: facts.gate,
    meetingBooked: facts.meetingBooked,
    companyReplied: facts.companyReplied,
    stopOnCompanyReply: facts.stopOnCompanyReply,
    outOfOffice: null,
    now,
  });
  if (decision.action === "stop") return { allowed: false, reason: decision.reason, final: true, retryAt: null, message: decision.message };
  if (facts.campaignStatus === "paused") return { allowed: false, reason: "campaign_paused", final: false, retryAt: null, message: "The campaign is paused." };
  if (enrollment.status === "paused") {
    const until = enrollment.pausedUntil;
    if (until && until.getTime() > now.getTime()) return { allowed: false, reason: "out_of_office", final: false, retryAt: until, message: enrollment.lastEvent ?? "The contact is out of the office." };
    if (!until) return { allowed: false, reason: "enrollment_paused", final: false, retryAt: null, message: "The contact's enrollment is paused." };
  }
  return { allowed: true };
}

/**
 * The campaign's stop rules for one draft, checked again at the moment of sending (the sender
 * calls this beside the safety gate). A draft outside any campaign enrollment is always allowed
 * here; the shared gate still applies to it.
 */
export async function campaignSendCheck(database: Database, draft: Pick<DraftRow, "enrollmentId">, clock: Clock = systemClock): Promise<CampaignSendVerdict> {
  if (draft.enrollmentId === null) return { allowed: true };
  const facts = await stopFactsOf(database, draft.enrollmentId);
  if (!facts) return { allowed: false, reason: "enrollment_ended", final: true, retryAt: null, message: "The campaign enrollment no longer exists." };
  return sendVerdict(facts, clock.now());
}
