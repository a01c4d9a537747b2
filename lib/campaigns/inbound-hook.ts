import type { Database } from "@/db/client";
import { colleaguesOf, liveEnrollmentsOfContacts, pauseEnrollments, queueWakes, stopEnrollments } from "@/db/queries/enrollments";
import { decideOnInbound, STOP_MESSAGES } from "./stop-rules";

export type InboundEvent = { contactId: number; label: string; returnDate: string | null; at: Date };
export type CampaignEffect = { stopped: number[]; paused: number[]; withdrawn: number[] };

/** An out-of-office's stated return day (YYYY-MM-DD), as the instant that day begins (UTC). */
function returnDay(day: string | null): Date | null {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const at = new Date(`${day}T00:00:00.000Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/**
 * What a classified inbound message does to campaigns: a reply, a booked meeting, a bounce or an
 * unsubscribe stops the sender's live enrollments and withdraws their waiting touches with the
 * reason (a reply or a meeting also stops colleagues' enrollments in campaigns that stop
 * company-wide); an out-of-office pauses them until its return date, or 7 days. Stopped threads
 * get a wake so they end rather than wait on a withdrawn draft.
 */
export async function applyInboundToCampaigns(database: Database, event: InboundEvent): Promise<CampaignEffect> {
  const decision = decideOnInbound(event.label, returnDay(event.returnDate), event.at);
  const effect: CampaignEffect = { stopped: [], paused: [], withdrawn: [] };
  if (decision.action === "continue") return effect;
  const own = (await liveEnrollmentsOfContacts(database, [event.contactId])).map((e) => e.id);
  if (decision.action === "pause") {
    await pauseEnrollments(database, own, { until: decision.until, reason: decision.message, scope: "contact", at: event.at });
    return { ...effect, paused: own };
  }
  const stopped = await stopEnrollments(database, own, { status: decision.status, reason: decision.message, at: event.at });
  effect.stopped.push(...own);
  effect.withdrawn.push(...stopped.withdrawn);
  if (decision.reason === "replied" || decision.reason === "meeting") {
    const colleagues = await liveEnrollmentsOfContacts(database, await colleaguesOf(database, event.contactId), true);
    const ids = colleagues.map((e) => e.id);
    const more = await stopEnrollments(database, ids, { status: "stopped", reason: STOP_MESSAGES.company_reply, at: event.at });
    effect.stopped.push(...ids);
    effect.withdrawn.push(...more.withdrawn);
  }
  await queueWakes(database, effect.stopped, event.at);
  return effect;
}
