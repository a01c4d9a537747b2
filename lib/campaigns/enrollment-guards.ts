import type { EnrollmentStatus } from "@/db/schema";
import { DAY_MS } from "@/lib/clock";
import { safetyVerdict, type GateInput, type GateReason } from "@/lib/safety/gate";

/** Why a contact is left out of a campaign's audience: a guard of the campaign or the safety gate. */
export type ExclusionReason = "already_enrolled" | "active_elsewhere" | "cooldown" | GateReason;

export const EXCLUSION_MESSAGES: Record<ExclusionReason, string> = {
  already_enrolled: "Already enrolled in this campaign; a contact is enrolled once per campaign.",
  active_elsewhere: "Active in another campaign, and this one does not allow overlap.",
  cooldown: "Finished another campaign within the cooldown.",
  suppressed: "On the suppression list.",
  do_not_contact: "Marked do-not-contact.",
  bounced: "Mail to the address bounced.",
  unsubscribed: "Unsubscribed.",
  replied: "Has replied; a person takes over.",
};

/** Statuses in which an enrollment still holds its contact. */
export const LIVE_ENROLLMENT: ReadonlySet<EnrollmentStatus> = new Set(["active", "paused"]);

export type GuardCampaign = { id: number; allowOverlap: boolean; cooldownDays: number };
/** One of the contact's enrollments in any campaign; `updatedAt` is when a finished one ended. */
export type PastEnrollment = { campaignId: number; status: EnrollmentStatus; updatedAt: Date };

export type GuardVerdict = { allowed: true } | { allowed: false; reason: ExclusionReason };

/**
 * May this contact be enrolled? The safety gate first (no point planning mail that may not go),
 * then once per campaign, one live campaign at a time unless the campaign allows overlap, and
 * a cooldown of `cooldownDays` after another campaign ended for the contact.
 */
export function enrollmentGuard(campaign: GuardCampaign, gate: GateInput, past: readonly PastEnrollment[], now: Date): GuardVerdict {
  const safety = safetyVerdict(gate);
  if (!safety.allowed) return safety;
  if (past.some((e) => e.campaignId === campaign.id)) return { allowed: false, reason: "already_enrolled" };
  const others = past.filter((e) => e.campaignId !== campaign.id);
  if (!campaign.allowOverlap && others.some((e) => LIVE_ENROLLMENT.has(e.status))) return { allowed: false, reason: "active_elsewhere" };
  const cooldownStart = now.getTime() - campaign.cooldownDays * DAY_MS;
  if (others.some((e) => !LIVE_ENROLLMENT.has(e.status) && e.updatedAt.getTime() > cooldownStart)) return { allowed: false, reason: "cooldown" };
  return { allowed: true };
}

export type AudienceVerdicts = { eligible: number[]; excluded: Partial<Record<ExclusionReason, number>> };

/** The guard over a whole audience: who may be enrolled, and how many each guard leaves out. */
export function partitionAudience(
  campaign: GuardCampaign,
  audience: readonly { contactId: number; gate: GateInput; past: readonly PastEnrollment[] }[],
  now: Date,
): AudienceVerdicts {
  const eligible: number[] = [];
  const excluded: Partial<Record<ExclusionReason, number>> = {};
  for (const c of audience) {
    const verdict = enrollmentGuard(campaign, c.gate, c.past, now);
    if (verdict.allowed) eligible.push(c.contactId);
    else excluded[verdict.reason] = (excluded[verdict.reason] ?? 0) + 1;
  }
  return { eligible, excluded };
}
