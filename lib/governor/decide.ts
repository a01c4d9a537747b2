import { systemClock, type Clock } from "@/lib/clock";
import type { Holiday } from "./holidays";
import { DEFAULT_RULES, type GovernorRules } from "./rules";
import { resolveTimeZone, type Place, type ResolvedPlace } from "./timezone";
import { nextOpening, sendCalendar, windowStatusAt, type SendCalendar } from "./window";
import { localStamp, weekdayOf, zoneDayAt } from "./zone-days";

/** A mailbox that sends; its zone decides where its day (and so its daily cap) begins. */
export type Mailbox = { id: string; zone: string };

export type SendRequest = {
  mailbox: Mailbox;
  /** The recipient's address; its domain is what the domain cap counts. */
  to: string;
  /** The contact's place, else its company's HQ; the mailbox's zone is the fallback. */
  place: Place;
  /** A campaign, contact or mailbox pause; `until: null` lasts until someone resumes it. */
  pause?: { until: Date | null; scope: "campaign" | "contact" | "mailbox" } | null;
  /** The draft has not been approved yet. */
  awaitingApproval?: boolean;
};

/**
 * What the caller read just before deciding, over the intervals `countingDays(send, now)` gives:
 * - `mailboxSentToday`: outbox rows of this mailbox sent or being sent with `sent_at` (or claim
 *   time) in `[mailbox.start, mailbox.end)`;
 * - `mailboxLastSentAt`: the latest such time of this mailbox, any day;
 * - `domainSentToday`: rows to any address at `domain.domain`, from any mailbox, in
 *   `[domain.start, domain.end)`.
 * Counting rows being sent as well as sent keeps two senders from both taking the last slot only
 * if the claim and the count are one conditional write, or sends of a mailbox are serialised.
 */
export type GovernorState = {
  /** Sends from this mailbox inside `countingDays().mailbox`. */
  mailboxSentToday: number;
  /** The latest send from this mailbox, or null. */
  mailboxLastSentAt: Date | null;
  /** Sends to the recipient's domain, from any mailbox, inside `countingDays().domain`. */
  domainSentToday: number;
  /** The latest email to this contact (being sent or sent), or null — also null when this one answers a newer message of theirs. */
  contactLastSentAt?: Date | null;
};

/** Machine-readable: stored with the deferred send and shown beside its predicted time. */
export type DeferReason =
  | { kind: "paused"; detail: { scope: "campaign" | "contact" | "mailbox"; until: string | null } }
  | { kind: "approval_pending"; detail: Record<string, never> }
  | { kind: "holiday"; detail: { date: string; name: string; country: string; zone: string } }
  | { kind: "outside_window"; detail: { zone: string; zoneSource: ResolvedPlace["source"]; localTime: string; weekday: number; window: { days: number[]; start: string; end: string }; skippedHolidays: Holiday[] } }
  | { kind: "mailbox_cap"; detail: { mailboxId: string; cap: number; sent: number; zone: string } }
  | { kind: "domain_cap"; detail: { domain: string; cap: number; sent: number; zone: string } }
  | { kind: "min_gap"; detail: { mailboxId: string; minGapSeconds: number; lastSentAt: string } }
  | { kind: "contact_gap"; detail: { contactGapSeconds: number; lastSentAt: string } };

export type DeferKind = DeferReason["kind"];

/**
 * `notBefore` is the earliest instant every rule allows, given what is known now. For a pause
 * without an end or a pending approval it is when the send would go if released at once.
 */
export type Decision = { allowed: true; at: Date } | { allowed: false; reason: DeferReason; notBefore: Date };

type Interval = { start: Date; end: Date };

/** The recipient's domain, lower-cased ("ana@Acme.com" → "acme.com"). */
export function recipientDomain(to: string): string {
  const at = to.lastIndexOf("@");
  return (at >= 0 ? to.slice(at + 1) : to).trim().toLowerCase();
}

/**
 * The days the caps count over at `at`: the mailbox's local day (its zone) and the recipient's
 * local day (their zone) for the domain. The caller counts sends inside these, then decides.
 */
export function countingDays(send: SendRequest, at: Date): { mailbox: Interval; domain: Interval & { domain: string; zone: string } } {
  const place = resolveTimeZone(send.place, send.mailbox.zone);
  const m = zoneDayAt(send.mailbox.zone, at.getTime());
  const d = zoneDayAt(place.zone, at.getTime());
  return {
    mailbox: { start: new Date(m.start), end: new Date(m.end) },
    domain: { start: new Date(d.start), end: new Date(d.end), domain: recipientDomain(send.to), zone: place.zone },
  };
}

type Limits = { cal: SendCalendar; send: SendRequest; state: GovernorState; rules: GovernorRules; nowMs: number };

/** The first blocking cap at `t`, where counts are known only for the days containing now. */
function capAt({ cal, send, state, rules, nowMs }: Limits, t: number): { kind: "mailbox_cap" | "domain_cap" | "min_gap" | "contact_gap"; until: number } | null {
  const mDay = zoneDayAt(send.mailbox.zone, t);
  if (mDay.start <= nowMs && nowMs < mDay.end && state.mailboxSentToday >= rules.mailboxDailyCap) return { kind: "mailbox_cap", until: mDay.end };
  const dDay = zoneDayAt(cal.place.zone, t);
  if (dDay.start <= nowMs && nowMs < dDay.end && state.domainSentToday >= rules.domainDailyCap) return { kind: "domain_cap", until: dDay.end };
  // No gap means none, even after a send stamped a moment ahead (another process's clock).
  const gapEnds = state.mailboxLastSentAt && rules.minGapSeconds > 0 ? state.mailboxLastSentAt.getTime() + rules.minGapSeconds * 1000 : -Infinity;
  if (t < gapEnds) return { kind: "min_gap", until: gapEnds };
  const contactGapEnds = state.contactLastSentAt && rules.contactGapSeconds > 0 ? state.contactLastSentAt.getTime() + rules.contactGapSeconds * 1000 : -Infinity;
  if (t < contactGapEnds) return { kind: "contact_gap", until: contactGapEnds };
  return null;
}

/** Earliest instant from `from` that the window, the holidays, the caps and the gap all allow. */
function earliest(limits: Limits, from: number): number {
  let t = from;
  // Each step moves t forward to a boundary (next opening, next day, gap end); a few suffice.
  for (let i = 0; i < 64; i++) {
    t = nextOpening(limits.cal, t).at;
    const cap = capAt(limits, t);
    if (!cap) return t;
    t = cap.until;
  }
  throw new RangeError("The send governor found no instant that every rule allows.");
}

/**
 * May this send go now? If not: the first rule in the way (pause, approval, holiday, window,
 * mailbox cap, domain cap, gap, the contact's gap — in that order) and the earliest time all of them allow.
 * Pure: `state` is what the caller read, `clock` the only source of now.
 */
export function decide(send: SendRequest, state: GovernorState, clock: Clock = systemClock, rules: GovernorRules = DEFAULT_RULES): Decision {
  const nowMs = clock.now().getTime();
  const place = resolveTimeZone(send.place, send.mailbox.zone);
  const cal = sendCalendar(place, rules);
  const limits: Limits = { cal, send, state, rules, nowMs };
  const pauseEnd = send.pause?.until?.getTime() ?? nowMs;
  const notBefore = new Date(earliest(limits, Math.max(nowMs, pauseEnd)));
  const defer = (reason: DeferReason): Decision => ({ allowed: false, reason, notBefore });

  if (send.pause && (send.pause.until === null || send.pause.until.getTime() > nowMs)) {
    return defer({ kind: "paused", detail: { scope: send.pause.scope, until: send.pause.until?.toISOString() ?? null } });
  }
  if (send.awaitingApproval) return defer({ kind: "approval_pending", detail: {} });

  const status = windowStatusAt(cal, nowMs);
  if (status.kind === "holiday") {
    return defer({ kind: "holiday", detail: { ...status.holiday, country: place.country!, zone: place.zone } });
  }
  if (status.kind !== "open") {
    const w = rules.window;
    return defer({
      kind: "outside_window",
      detail: {
        zone: place.zone,
        zoneSource: place.source,
        localTime: localStamp(place.zone, nowMs),
        weekday: weekdayOf(zoneDayAt(place.zone, nowMs).day),
        window: { days: [...w.days], start: w.start, end: w.end },
        skippedHolidays: nextOpening(cal, nowMs).skippedHolidays,
      },
    });
  }
  const cap = capAt(limits, nowMs);
  if (cap?.kind === "mailbox_cap") return defer({ kind: "mailbox_cap", detail: { mailboxId: send.mailbox.id, cap: rules.mailboxDailyCap, sent: state.mailboxSentToday, zone: send.mailbox.zone } });
  if (cap?.kind === "domain_cap") return defer({ kind: "domain_cap", detail: { domain: recipientDomain(send.to), cap: rules.domainDailyCap, sent: state.domainSentToday, zone: place.zone } });
  if (cap?.kind === "min_gap") return defer({ kind: "min_gap", detail: { mailboxId: send.mailbox.id, minGapSeconds: rules.minGapSeconds, lastSentAt: state.mailboxLastSentAt!.toISOString() } });
  if (cap?.kind === "contact_gap") return defer({ kind: "contact_gap", detail: { contactGapSeconds: rules.contactGapSeconds, lastSentAt: state.contactLastSentAt!.toISOString() } });
  return { allowed: true, at: new Date(nowMs) };
}
