import type { ContactState, CrmState } from "@/db/queries/crm-state";
import { enrollmentGuard, EXCLUSION_MESSAGES, type ExclusionReason } from "@/lib/campaigns/enrollment-guards";
import { inSentence } from "@/lib/format";
import { resolveCountry } from "@/lib/geo/resolve";
import type { ProposedAction } from "./state";
import { clipText } from "@/lib/format";

/**
 * The offline planner's confidences (classify_country takes the offline resolver's own, lib/geo):
 * each is this rule's documented value — how often the rule's
 * premise makes the action right — not a measurement. They sit against the gate's thresholds
 * (lib/crm-actions/vocabulary.ts) on purpose: a rule sure of its premise clears its threshold; a
 * guess (which campaign, whether to write again) stays under it and waits for a person.
 */
export const RULE_CONFIDENCE = {
  /** Nobody can be written to: a person must decide; the premise is a fact of the CRM. */
  flagBlocked: 0.95,
  /** The contact the plan rests on has no score: scoring it is useful and harmless. */
  score: 0.9,
  /** Their latest email is inbound and unanswered: an answer is due. */
  replyToInbound: 0.8,
  /** Their latest email is inbound after a negative outcome: likely an objection. */
  objection: 0.75,
  /** No email waiting and no campaign running: a next email is a reasonable step, not a certain one. */
  nextEmail: 0.65,
  /** Which campaign fits is a guess from the account's vertical. */
  enroll: 0.55,
  /** A proposal is asked for by the goal and the contact has answered positively. */
  proposal: 0.7,
  /** A follow-up task keeps a person on the goal whatever else runs. */
  followUp: 0.8,
} as const;

/** Days until the follow-up task is due (DESIGN §4's FOLLOWUP_DAYS). */
export const FOLLOW_UP_DAYS = 3;

const SENIORITY_ORDER = ["c_level", "vp", "director", "manager", "senior", "entry"];
const rank = (c: ContactState) => (c.seniority ? SENIORITY_ORDER.indexOf(c.seniority) : SENIORITY_ORDER.length);
const PROPOSAL_WORDS = /\b(proposal|pricing|quote|offer|contract)\b/i;

/** The contact a plan works through: the subject contact, or the account's most senior contactable one. */
export function targetOf(crm: CrmState, contactId: number | null): ContactState | null {
  if (contactId !== null) return crm.contacts.find((c) => c.id === contactId) ?? null;
  return [...crm.contacts].filter((c) => !c.blocked).sort((a, b) => rank(a) - rank(b) || a.id - b.id)[0] ?? null;
}

/**
 * The first campaign the enrollment guard (the rule approval runs) would let the contact into,
 * or, when it refuses them all, why it refuses the first: a plan never proposes what approving
 * would refuse. Blocked contacts never get here, so the gate's only open question is a reply.
 */
function campaignFor(crm: CrmState, target: ContactState): { chosen: CrmState["campaigns"][number] | null; refused: { name: string; reason: ExclusionReason } | null } {
  const gate = { suppressed: false, doNotContact: false, bounced: false, unsubscribed: false, replied: target.replied };
  const past = target.enrollments.map((e) => ({ campaignId: e.campaignId, status: e.status, updatedAt: new Date(e.updatedAt) }));
  let refused: { name: string; reason: ExclusionReason } | null = null;
  for (const campaign of crm.campaigns) {
    const verdict = enrollmentGuard(campaign, gate, past, new Date(crm.readAt));
    if (verdict.allowed) return { chosen: campaign, refused: null };
    refused ??= { name: campaign.name, reason: verdict.reason };
  }
  return { chosen: null, refused };
}

/**
 * The deterministic plan: the rules a careful rep follows, each with its documented confidence.
 * Returns the actions and the reasoning in words.
 */
export function planOffline(crm: CrmState, contactId: number | null, goal: string): { reasoning: string; actions: ProposedAction[] } {
  const actions: ProposedAction[] = [];
  const why: string[] = [];
  const add = (action: string, params: Record<string, unknown>, confidence: number, reason: string) => actions.push({ action, params, confidence, reason });

  const hq = crm.company.hqCity?.trim();
  if (!crm.company.country && hq) {
    // The offline resolver's own confidence says how likely classifying will name a country: sure
    // of one → the step clears the gate; torn between namesakes → a person decides; sure the
    // string names no country ("Remote") → classifying is pointless, so it is not proposed.
    const resolution = resolveCountry(hq);
    const hopeless = resolution.country === null && resolution.basis !== "ambiguous" && resolution.basis !== "unknown";
    if (hopeless) why.push(`${crm.company.name}'s HQ ("${hq}") names no country, so it is not classified.`);
    else add("classify_country", { companyId: crm.company.id }, resolution.country ? resolution.confidence : Math.min(resolution.confidence, 0.5), `${crm.company.name} has an HQ city ("${hq}") but no country; send windows need one. ${resolution.reasons[0] ?? ""}`.trim());
  }
  const target = targetOf(crm, contactId);
  if (!target || target.blocked) {
    const reason = target ? `${target.name} cannot be written to (${target.blocked}); a person decides what to do toward "${goal}".` : `No contact at ${crm.company.name} can be written to; a person decides who to reach for "${goal}".`;
    add("flag_for_person", { ...(target ? { contactId: target.id } : {}), reason }, RULE_CONFIDENCE.flagBlocked, reason);
    return { reasoning: [...why, reason, "Nothing is drafted."].join(" "), actions };
  }
  why.push(contactId === null ? `The plan works through ${target.name} (${target.title ?? "no title"}), the most senior contact who can be written to.` : `The plan is for ${target.name} (${target.title ?? "no title"}).`);
  if (target.score) why.push(`${target.name} scores ${target.score.score.toFixed(2)} (tier ${target.score.tier}).`);
  else add("score", { contactId: target.id }, RULE_CONFIDENCE.score, `${target.name} has no score yet; scoring explains the choice term by term.`);

  const inboundWaiting = target.lastEmail?.direction === "inbound" && !target.openDrafts;
  const enrolled = target.enrollments.some((e) => e.status === "active" || e.status === "paused");
  const { chosen, refused } = enrolled ? { chosen: null, refused: null } : campaignFor(crm, target);
  const refusal = refused ? `No campaign is proposed: ${target.name} cannot join "${refused.name}" (${inSentence(EXCLUSION_MESSAGES[refused.reason]).replace(/\.$/, "")}).` : null;
  if (inboundWaiting && target.outcomes.negative > 0) {
    add("handle_objection", { contactId: target.id, emailId: target.lastEmail!.id }, RULE_CONFIDENCE.objection, "Their latest email is unanswered and they have a negative outcome: likely an objection to answer.");
    why.push("An objection waits for an answer.");
  } else if (inboundWaiting) {
    add("draft_reply", { contactId: target.id }, RULE_CONFIDENCE.replyToInbound, "Their latest email is inbound and unanswered.");
    why.push("Their reply waits for an answer.");
  } else if (target.openDrafts > 0) {
    why.push(`Something for ${target.name} (a draft or a proposal) already waits in the queue; nothing new is drafted until a person decides it.`);
  } else if (!enrolled && chosen) {
    add("enroll_in_campaign", { contactId: target.id, campaignId: chosen.id }, RULE_CONFIDENCE.enroll, `Not in a campaign; "${chosen.name}" is active for this vertical.`);
    why.push("A campaign could carry the outreach; that starts sends, so a person decides.");
  } else if (!enrolled && refused?.reason === "cooldown") {
    // The cooldown exists so the contact gets a rest from outreach: a fresh email would defeat it.
    why.push(`${refusal} Nothing new is drafted during the rest.`);
  } else if (!enrolled) {
    if (refusal) why.push(refusal);
    add("draft_reply", { contactId: target.id }, RULE_CONFIDENCE.nextEmail, "No draft waits and no campaign runs: a next email moves the goal on.");
    why.push("A next email is drafted for a person to review.");
  }
  if (PROPOSAL_WORDS.test(goal) && target.outcomes.positive > 0) {
    add("draft_proposal", { contactId: target.id }, RULE_CONFIDENCE.proposal, "The goal asks for a proposal and the contact has answered positively.");
  }
  add("create_follow_up_task", { contactId: target.id, title: clipText(`Follow up with ${target.name}: ${goal}`, 200), dueInDays: FOLLOW_UP_DAYS }, RULE_CONFIDENCE.followUp, `Keep a person on "${goal}".`);
  return { reasoning: why.join(" "), actions };
}
