import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "@/db/client";
import { contactGap, governorCounts, recordDeferral, sendContextFor, type ClaimLimits } from "@/db/queries/governor";
import { claimForSending, getOutbox, recordStopped, type OutboxEntry } from "@/db/queries/outbox";
import type { Clock } from "@/lib/clock";
import { countingDays, decide, type DeferReason, type SendRequest } from "@/lib/governor/decide";
import type { GovernorRules } from "@/lib/governor/rules";
import { mailboxFor, type SenderMailbox } from "./mailbox";

/**
 * What holds this row back besides the governor's own rules, or null: a campaign's or contact's
 * pause (the send waits, "paused", until `until`, or until resumed when null) or a stop (a campaign
 * stop rule fired while it waited: never sent, blocked with the message). The campaign engine's
 * `campaignSendCheck` plugs in here (see `Governance.hold`).
 */
export type SendHold = (database: Database, entry: OutboxEntry) => Promise<
  | null
  | { kind: "pause"; scope: "campaign" | "contact" | "mailbox"; until: Date | null }
  | { kind: "stop"; message: string }
>;

/** A pause with no end is looked at again this often: a resume then sends within it, and nothing spins. */
export const OPEN_PAUSE_RECHECK_MS = 15 * 60_000;

/** What every sender runs under: the governor's rules, the one clock, the mailboxes' zone, and pauses. */
export type Governance = {
  rules: GovernorRules;
  clock: Clock;
  /** SENDER_TIMEZONE: every mailbox's zone today (lib/mail/mailbox.ts). */
  senderZone: string;
  /** Pauses and stops from outside the governor (campaigns); default: none. */
  hold?: SendHold;
};

export type GovernedClaim =
  | { kind: "claimed"; entry: OutboxEntry; mailbox: SenderMailbox }
  | { kind: "deferred"; reason: DeferReason; notBefore: Date; mailbox: SenderMailbox }
  | { kind: "stopped"; message: string }
  | { kind: "not_queued" };

/** The state a decision on the rules that need no counts is asked with. */
const NOTHING_COUNTED = { mailboxSentToday: 0, mailboxLastSentAt: null, domainSentToday: 0, contactLastSentAt: null } as const;

/** Rounds lost to other senders before giving up (each loss means a slot was just taken, so the next look usually defers). */
const MAX_ROUNDS = 8;

/**
 * Asks the governor whether this queued row may go now and, if so, claims it in one conditional
 * UPDATE that re-checks the caps and the gap (db/queries/outbox claimForSending). If not, records
 * the reason and the predicted time on the row, with `defer(notBefore)` (the delivery job's
 * reschedule) in the same batch. A claim lost to another sender is looked at again with fresh counts.
 */
export async function claimUnderGovernor(
  database: Database,
  outboxId: number,
  leaseUntil: Date,
  mail: { from: string },
  governance: Governance,
  defer?: (runAt: Date) => BatchItem<"sqlite">,
): Promise<GovernedClaim> {
  const first = await getOutbox(database, outboxId);
  if (first?.status !== "queued") return { kind: "not_queued" };
  const context = await sendContextFor(database, first);
  const mailbox = mailboxFor(context.rep, { from: mail.from, zone: governance.senderZone });
  const hold = (await governance.hold?.(database, first)) ?? null;
  if (hold?.kind === "stop") {
    const reason = `Not sent: ${hold.message}`;
    return (await recordStopped(database, first, reason)) ? { kind: "stopped", message: reason } : { kind: "not_queued" };
  }
  const pause = hold ? { scope: hold.scope, until: hold.until } : null;
  const { rules, clock } = governance;

  for (let round = 0; round < MAX_ROUNDS; round++) {
    const now = clock.now();
    const request: SendRequest = { mailbox, to: first.toEmail, place: context.place, pause };
    const days = countingDays(request, now);
    const counted = { mailboxId: mailbox.id, mailboxDay: days.mailbox, domain: days.domain.domain, domainDay: days.domain, contact: { outboxId, contactId: first.contactId } };
    const limits = (answersContact: boolean): ClaimLimits => ({
      ...counted,
      at: now,
      mailboxDailyCap: rules.mailboxDailyCap,
      domainDailyCap: rules.domainDailyCap,
      minGapSeconds: rules.minGapSeconds,
      // Re-checked in the claim itself: two emails to one contact approved together race here.
      contactGapSeconds: answersContact ? 0 : rules.contactGapSeconds,
    });
    // The rules that need no counts (pause, approval, holiday, window) allow it: claim at once —
    // the claim's UPDATE counts the caps and gaps itself — and count apart only to say why a claim
    // was refused. One count of the day's sends per delivery instead of two.
    if (decide(request, NOTHING_COUNTED, clock, rules).allowed) {
      const entry = await claimForSending(database, outboxId, leaseUntil, limits((await contactGap(database, first.contactId)).answered));
      if (entry) return { kind: "claimed", entry, mailbox };
      if ((await getOutbox(database, outboxId))?.status !== "queued") return { kind: "not_queued" };
    }
    const state = await governorCounts(database, counted, rules);
    const decision = decide(request, state, clock, rules);
    if (!decision.allowed) {
      // An open-ended pause has no time to wait for: look again later rather than at once.
      const openPause = decision.reason.kind === "paused" && decision.reason.detail.until === null;
      const runAt = openPause ? new Date(Math.max(decision.notBefore.getTime(), now.getTime() + OPEN_PAUSE_RECHECK_MS)) : decision.notBefore;
      await recordDeferral(database, outboxId, { mailboxId: mailbox.id, domain: days.domain.domain, reason: { ...decision.reason, recipientZone: days.domain.zone }, notBefore: decision.notBefore }, defer ? [defer(runAt)] : []);
      return { kind: "deferred", reason: decision.reason, notBefore: decision.notBefore, mailbox };
    }
    // Allowed on fresh counts although the claim above lost: a race with another sender; again.
    const entry = await claimForSending(database, outboxId, leaseUntil, limits(state.answersContact));
    if (entry) return { kind: "claimed", entry, mailbox };
    if ((await getOutbox(database, outboxId))?.status !== "queued") return { kind: "not_queued" };
  }
  throw new Error(`The send governor lost ${MAX_ROUNDS} claims in a row for outbox row ${outboxId} to other senders.`);
}
