import type { OutreachContext } from "@/db/queries/outreach";
import type { ComposeBrief } from "@/lib/outreach/brief";
import type { Memory } from "@/lib/safety/trust";
import type { GateVerdict } from "@/lib/safety/gate";
import type { ReplySkipReason } from "./state";

/** Labels nobody answers: automatic mail, junk and requests to stop. */
export const NO_REPLY_LABELS: ReadonlySet<string> = new Set(["auto_reply", "spam", "bounced", "unsubscribe"]);

/** Why no reply should be drafted, or null to draft one. The safety gate comes before the label. */
export function replySkipReason(input: {
  contactId: number;
  email: { contactId: number; direction: "inbound" | "outbound"; label: string | null } | null;
  gate: GateVerdict | null;
}): ReplySkipReason | null {
  const { email, gate } = input;
  if (!email || !gate || email.contactId !== input.contactId) return "not_found";
  if (email.direction !== "inbound") return "not_inbound";
  if (!gate.allowed) return gate.reason;
  if (email.label && NO_REPLY_LABELS.has(email.label)) return "no_reply_needed";
  return null;
}

/** The compose brief for answering `inbound`: the hydrated contact, its facts, first-party memories, the message. */
export function replyBrief(
  context: OutreachContext,
  inbound: { subject: string; body: string },
  memories: Memory[],
  limits: { maxInboundChars: number; maxMemories: number },
): ComposeBrief {
  const { contact, company } = context;
  return {
    action: "reply",
    contact: { firstName: contact.firstName, lastName: contact.lastName, title: contact.title, seniority: contact.seniority, department: contact.department },
    company: { name: company.name, vertical: company.vertical, size: company.size, hqCity: company.hqCity },
    facts: context.facts,
    campaign: context.campaign ? { name: context.campaign.name, angle: context.campaign.angle, tone: context.campaign.tone } : null,
    memories: memories.slice(0, limits.maxMemories).map(({ source, content }) => ({ source, content })),
    inbound: { subject: inbound.subject, body: inbound.body.slice(0, limits.maxInboundChars) },
    previousSubject: null,
    senderName: context.ownerName ?? "The Sales Team",
    roles: ["researcher", "composer"],
  };
}
