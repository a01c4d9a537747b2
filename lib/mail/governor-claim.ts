import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "@/db/client";
import { governorCounts, recordDeferral, sendContextFor } from "@/db/queries/governor";
import { claimForSending, getOutbox, type OutboxEntry } from "@/db/queries/outbox";
import type { Clock } from "@/lib/clock";
import { countingDays, decide, type DeferReason, type SendRequest } from "@/lib/governor/decide";
import type { GovernorRules } from "@/lib/governor/rules";
import { mailboxFor, type SenderMailbox } from "./mailbox";

/** A campaign or contact pause that applies to this row, or null. The campaign engine plugs in here. */
export type PauseSource = (database: Database, entry: OutboxEntry) => Promise<SendRequest["pause"]>;

/** What every sender runs under: the governor's rules, the one clock, the mailboxes' zone, and pauses. */
export type Governance = {
  rules: GovernorRules;
  clock: Clock;
  /** SENDER_TIMEZONE: every mailbox's zone today (lib/mail/mailbox.ts). */
  senderZone: string;
  /** Default: nothing is paused. */
  pauseFor?: PauseSource;
};

export type GovernedClaim =
  | { kind: "claimed"; entry: OutboxEntry; mailbox: SenderMailbox }
  | { kind: "deferred"; reason: DeferReason; notBefore: Date; mailbox: SenderMailbox }
  | { kind: "not_queued" };

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
  const pause = (await governance.pauseFor?.(database, first)) ?? null;
  const { rules, clock } = governance;

  for (let round = 0; round < MAX_ROUNDS; round++) {
    const now = clock.now();
    const request: SendRequest = { mailbox, to: first.toEmail, place: context.place, pause };
    const days = countingDays(request, now);
    const counted = { mailboxId: mailbox.id, mailboxDay: days.mailbox, domain: days.domain.domain, domainDay: days.domain };
    const decision = decide(request, await governorCounts(database, counted), clock, rules);
    if (!decision.allowed) {
      await recordDeferral(database, outboxId, { mailboxId: mailbox.id, domain: days.domain.domain, reason: { ...decision.reason, recipientZone: days.domain.zone }, notBefore: decision.notBefore }, defer ? [defer(decision.notBefore)] : []);
      return { kind: "deferred", reason: decision.reason, notBefore: decision.notBefore, mailbox };
    }
    const entry = await claimForSending(database, outboxId, leaseUntil, {
      ...counted,
      at: now,
      mailboxDailyCap: rules.mailboxDailyCap,
      domainDailyCap: rules.domainDailyCap,
      minGapSeconds: rules.minGapSeconds,
    });
    if (entry) return { kind: "claimed", entry, mailbox };
    if ((await getOutbox(database, outboxId))?.status !== "queued") return { kind: "not_queued" };
  }
  throw new Error(`The send governor lost ${MAX_ROUNDS} claims in a row for outbox row ${outboxId} to other senders.`);
}
