import { DateTime } from "luxon";
import { formatNumber } from "@/lib/format";
import type { DeferReason } from "./decide";

/**
 * How the governor's answers read to a person. Dates are told in one zone the reader chooses
 * (the campaign owner's), with the year only when it is not the launch's.
 */

/** "Thursday 10 Dec", or "Monday 15 Feb 2027" when the year differs from `reference`'s. */
export function describeDay(at: Date, zone: string, reference: Date): string {
  const d = DateTime.fromJSDate(at, { zone }).setLocale("en-GB");
  const sameYear = d.year === DateTime.fromJSDate(reference, { zone }).year;
  return d.toFormat(sameYear ? "cccc d LLL" : "cccc d LLL yyyy");
}

type TouchEnd = { last: Date | null };

/** "1,200 contacts: touch 1 finishes on Thursday 10 Dec, the last touch on Monday 15 Feb." */
export function forecastSentence(contacts: number, touches: readonly TouchEnd[], zone: string, start: Date): string {
  const who = `${formatNumber(contacts)} ${contacts === 1 ? "contact" : "contacts"}`;
  const first = touches[0]?.last;
  const last = touches.at(-1)?.last;
  if (!first || !last) return `${who}: nothing to send.`;
  if (touches.length === 1) return `${who}, one touch: it finishes on ${describeDay(first, zone, start)}.`;
  return `${who}: touch 1 finishes on ${describeDay(first, zone, start)}, the last touch on ${describeDay(last, zone, start)}.`;
}

/** "Mon 9 Mar 09:00 CET" in the reader's zone. */
export function describeInstant(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).setLocale("en-GB").toFormat("ccc d LLL HH:mm ZZZZ");
}

/** One line beside a deferred send: why it waits and when it goes, told in the reader's zone. */
export function describeDeferral(reason: DeferReason, notBefore: Date, readerZone: string): string {
  const when = describeInstant(notBefore, readerZone);
  switch (reason.kind) {
    case "paused":
      return reason.detail.until ? `Paused (${reason.detail.scope}); goes ${when}.` : `Paused (${reason.detail.scope}) until resumed; would go ${when} if resumed now.`;
    case "approval_pending":
      return `Waiting for approval; goes ${when} once approved now.`;
    case "holiday":
      return `${reason.detail.name} in ${reason.detail.country}; goes ${when}.`;
    case "outside_window": {
      const { zone, localTime, window } = reason.detail;
      const skipped = reason.detail.skippedHolidays.map((h) => h.name);
      return `Outside business hours in ${zone} (${localTime.slice(11)} there, open ${window.start}–${window.end})${skipped.length ? `, then ${skipped.join(", ")}` : ""}; goes ${when}.`;
    }
    case "mailbox_cap":
      return `Mailbox reached its daily cap (${formatNumber(reason.detail.sent)} of ${formatNumber(reason.detail.cap)}); goes ${when}.`;
    case "domain_cap":
      return `${reason.detail.domain} reached its daily cap (${formatNumber(reason.detail.sent)} of ${formatNumber(reason.detail.cap)}); goes ${when}.`;
    case "min_gap":
      return `Spacing sends ${formatNumber(reason.detail.minGapSeconds)} s apart from this mailbox; goes ${when}.`;
    case "contact_gap":
      return `The contact was emailed less than ${gapWords(reason.detail.contactGapSeconds)} ago; goes ${when}.`;
  }
}

/** Why a send waits, as a short clause after its time. */
function shortReason(reason: DeferReason): string {
  switch (reason.kind) {
    case "paused":
      return `paused (${reason.detail.scope})`;
    case "approval_pending":
      return "waiting for approval";
    case "holiday":
      return `${reason.detail.name} in ${reason.detail.country}`;
    case "outside_window":
      return "outside the send window";
    case "mailbox_cap":
      return "the mailbox's daily cap is reached";
    case "domain_cap":
      return `${reason.detail.domain}'s daily cap is reached`;
    case "min_gap":
      return "spacing sends from this mailbox";
    case "contact_gap":
      return `the contact was emailed less than ${gapWords(reason.detail.contactGapSeconds)} ago`;
  }
}

/**
 * The line beside a deferred send in the queue and the timeline, told in the recipient's own
 * time: "Scheduled · Tue 09:00 (recipient's local time): outside the send window". A time more
 * than six days away also names the date, so "Tue" is never next month's.
 */
export function scheduledLabel(reason: DeferReason, at: Date, recipientZone: string, now: Date): string {
  const d = DateTime.fromJSDate(at, { zone: recipientZone }).setLocale("en-GB");
  const far = at.getTime() - now.getTime() > 6 * 86_400_000;
  return `Scheduled · ${d.toFormat(far ? "ccc d LLL HH:mm" : "ccc HH:mm")} (recipient's local time): ${shortReason(reason)}`;
}

/** 86,400 s → "a day", 7,200 s → "2 hours", 600 s → "10 minutes". */
export function gapWords(seconds: number): string {
  if (seconds % 86_400 === 0) return seconds === 86_400 ? "a day" : `${seconds / 86_400} days`;
  if (seconds % 3_600 === 0) return seconds === 3_600 ? "an hour" : `${seconds / 3_600} hours`;
  return `${Math.round(seconds / 60)} minutes`;
}
