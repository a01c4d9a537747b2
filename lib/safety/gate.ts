import type { suppression } from "@/db/schema";

/** Why outreach to a contact is refused, in the order the gate checks them. */
export const SKIP_REASONS = ["suppressed", "do_not_contact", "bounced", "unsubscribed", "replied"] as const;
export type GateReason = (typeof SKIP_REASONS)[number];

export type GateInput = {
  suppressed: boolean;
  doNotContact: boolean;
  bounced: boolean;
  unsubscribed: boolean;
  replied: boolean;
};

export type GateVerdict = { allowed: true } | { allowed: false; reason: GateReason };

/**
 * The safety gate, as a pure function so the graph (before any model) and the sender (at send
 * time) apply exactly the same rule. The central suppression list comes first, then the flags.
 * `answeringInbound`: a person asked to answer the contact's own message, so "replied" is the
 * reason for the email rather than a reason to stay silent; every other check still holds.
 */
export function safetyVerdict(input: GateInput, { answeringInbound = false } = {}): GateVerdict {
  if (input.suppressed) return { allowed: false, reason: "suppressed" };
  if (input.doNotContact) return { allowed: false, reason: "do_not_contact" };
  if (input.bounced) return { allowed: false, reason: "bounced" };
  if (input.unsubscribed) return { allowed: false, reason: "unsubscribed" };
  if (input.replied && !answeringInbound) return { allowed: false, reason: "replied" };
  return { allowed: true };
}

export const GATE_MESSAGES: Record<GateReason, string> = {
  suppressed: "The address is on the suppression list.",
  do_not_contact: "The contact is marked do-not-contact.",
  bounced: "Mail to this address bounced.",
  unsubscribed: "The contact unsubscribed.",
  replied: "The contact has replied; automated outreach stops and a person takes over.",
};

type SuppressionReason = (typeof suppression.$inferSelect)["reason"];

/**
 * Why an address is on the suppression list, for a refusal that names the cause: a bounce or an
 * unsubscribe puts the address on the list as well as setting the contact's flag, and the gate
 * checks the list first, so "suppressed" alone would hide the real reason.
 */
export const SUPPRESSION_MESSAGES: Record<SuppressionReason, string> = {
  bounce: "Mail to this address bounced, so it is on the suppression list.",
  unsubscribe: "The contact unsubscribed, so the address is on the suppression list.",
  complaint: "The contact reported our mail as spam, so the address is on the suppression list.",
  manual: "Someone put this address on the suppression list by hand.",
  legal: "The address is on the suppression list for legal reasons.",
};

const isSuppressionReason = (value: string | null | undefined): value is SuppressionReason => typeof value === "string" && Object.hasOwn(SUPPRESSION_MESSAGES, value);

/**
 * The gate's refusal as a person should read it: a suppressed address says why it was suppressed
 * when the caller knows (the list's `reason`); anything else falls back to the gate's own words.
 */
export function refusalMessage(reason: GateReason, suppressedFor?: string | null): string {
  return reason === "suppressed" && isSuppressionReason(suppressedFor) ? SUPPRESSION_MESSAGES[suppressedFor] : GATE_MESSAGES[reason];
}
