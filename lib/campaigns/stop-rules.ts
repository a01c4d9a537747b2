import type { EnrollmentStatus } from "@/db/schema";
import { DAY_MS } from "@/lib/clock";
import { GATE_MESSAGES, safetyVerdict, type GateInput, type GateReason } from "@/lib/safety/gate";

/** How long an out-of-office pauses an enrollment when it names no return date. */
export const OOO_DEFAULT_DAYS = 7;

/** Why an enrollment stops: the safety gate's reasons plus the campaign's own. */
export type StopReason = GateReason | "meeting" | "company_reply";

export type StopDecision =
  | { action: "continue" }
  | { action: "stop"; status: EnrollmentStatus; reason: StopReason; message: string }
  | { action: "pause"; until: Date; reason: "out_of_office"; message: string };

/** What the rules read about one enrollment's contact, at compose, approval or send time. */
export type StopInput = {
  /** The contact's flags and whether its address is suppressed (lib/safety/gate.ts). */
  gate: GateInput;
  /** A meeting was booked with the contact since the enrollment began. */
  meetingBooked: boolean;
  /** Someone else at the contact's company replied to this campaign since the enrollment began. */
  companyReplied: boolean;
  stopOnCompanyReply: boolean;
  /** The latest out-of-office answer since the last touch, with the return date it stated. */
  outOfOffice: { at: Date; returnDate: Date | null } | null;
  now: Date;
};

const STATUS_OF: Record<StopReason, EnrollmentStatus> = {
  suppressed: "stopped",
  do_not_contact: "stopped",
  bounced: "bounced",
  unsubscribed: "unsubscribed",
  replied: "replied",
  meeting: "meeting",
  company_reply: "stopped",
};

export const STOP_MESSAGES: Record<StopReason, string> = {
  ...GATE_MESSAGES,
  meeting: "A meeting is booked with the contact; the sequence ends and a person takes over.",
  company_reply: "Someone else at the contact's company replied, and this campaign stops company-wide.",
};

/** The enrollment status a stop reason ends in; anything else a person or a rule ended is `stopped`. */
export function stopStatusOf(reason: string): EnrollmentStatus {
  return Object.hasOwn(STATUS_OF, reason) ? STATUS_OF[reason as StopReason] : "stopped";
}

const stop = (reason: StopReason): StopDecision => ({ action: "stop", status: STATUS_OF[reason], reason, message: STOP_MESSAGES[reason] });

/** When an out-of-office pause ends: the stated return date, else 7 days after the answer. */
export function oooPauseUntil(at: Date, returnDate: Date | null): Date {
  return returnDate ?? new Date(at.getTime() + OOO_DEFAULT_DAYS * DAY_MS);
}

/**
 * Whether the next touch may go: the shared safety gate first (suppression, do-not-contact,
 * bounced, unsubscribed), then a booked meeting (it outranks the reply that usually comes with
 * it), a reply, a reply from the company when the campaign says so; an out-of-office answer
 * pauses until its return date. Pure, so compose, approval and the sender decide alike.
 */
export function stopDecision(input: StopInput): StopDecision {
  const gate = safetyVerdict(input.gate);
  if (!gate.allowed && gate.reason !== "replied") return stop(gate.reason);
  if (input.meetingBooked) return stop("meeting");
  if (!gate.allowed) return stop(gate.reason);
  if (input.stopOnCompanyReply && input.companyReplied) return stop("company_reply");
  if (input.outOfOffice) {
    const until = oooPauseUntil(input.outOfOffice.at, input.outOfOffice.returnDate);
    if (until.getTime() > input.now.getTime()) {
      return { action: "pause", until, reason: "out_of_office", message: `The contact is out of the office until ${until.toISOString().slice(0, 10)}.` };
    }
  }
  return { action: "continue" };
}

/** Labels of inbound_classify that are a person answering (the inbound service's REAL_REPLIES). */
const REPLY_LABELS = new Set(["interested", "not_interested", "info_request", "partnership"]);

/**
 * What one classified inbound message does to the sender's active enrollments: a reply, a
 * bounce, an unsubscribe or a meeting stops them; an auto-reply pauses them until the return
 * date (or 7 days); spam changes nothing.
 */
export function decideOnInbound(label: string, returnDate: Date | null, at: Date): StopDecision {
  if (label === "meeting_scheduled") return stop("meeting");
  if (label === "unsubscribe") return stop("unsubscribed");
  if (label === "bounced") return stop("bounced");
  if (REPLY_LABELS.has(label)) return stop("replied");
  if (label === "auto_reply") {
    const until = oooPauseUntil(at, returnDate);
    return { action: "pause", until, reason: "out_of_office", message: `The contact is out of the office until ${until.toISOString().slice(0, 10)}.` };
  }
  return { action: "continue" };
}
