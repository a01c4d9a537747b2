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
