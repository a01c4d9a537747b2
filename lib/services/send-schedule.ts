import "server-only";
import { db } from "@/db/client";
import { deferralsForDrafts, deferredSendsForContact } from "@/db/queries/governor";
import type { StoredDeferReason } from "@/db/schema";
import { systemClock, type Clock } from "@/lib/clock";
import type { DeferReason } from "@/lib/governor/decide";
import { describeDeferral, scheduledLabel } from "@/lib/governor/sentence";

/** What the queue and the timeline show beside a send the governor is holding back. */
export type ScheduledSend = {
  /** "Scheduled · Tue 09:00 (recipient's local time): outside the send window" */
  label: string;
  /** describeDeferral's full sentence: the rule, the numbers, and the time. */
  detail: string;
  at: Date;
};

/** The stored reason is lib/governor's DeferReason as the sender wrote it (lib/mail/governor-claim.ts). */
export function scheduledSend(stored: StoredDeferReason, at: Date, now: Date): ScheduledSend {
  const reason = stored as unknown as DeferReason;
  const zone = stored.recipientZone ?? "UTC";
  return { label: scheduledLabel(reason, at, zone, now), detail: describeDeferral(reason, at, zone), at };
}

/** The scheduled line of each of these drafts whose send is deferred, by draft id (callers have already checked access to the drafts). */
export async function schedulesOfDrafts(draftIds: readonly number[], clock: Clock = systemClock): Promise<Record<number, ScheduledSend>> {
  const now = clock.now();
  const out: Record<number, ScheduledSend> = {};
  for (const [draftId, d] of await deferralsForDrafts(db(), draftIds)) out[draftId] = scheduledSend(d.reason, d.predictedSendAt, now);
  return out;
}

/** A contact's deferred sends for its timeline (the contact page has already checked access). */
export async function scheduledSendsOfContact(contactId: number, clock: Clock = systemClock): Promise<(ScheduledSend & { draftId: number; subject: string })[]> {
  const now = clock.now();
  const rows = await deferredSendsForContact(db(), contactId);
  return rows.flatMap((r) => (r.reason && r.at ? [{ draftId: r.draftId, subject: r.subject, ...scheduledSend(r.reason, r.at, now) }] : []));
}
