import type { Provenance } from "@/db/schema";
import { inSentence, tokenInSentence } from "@/lib/format";
import { OFFLINE_MODEL_LABEL } from "@/lib/llm/types";
import type { ComposeBrief, OutreachDraft } from "./brief";

/**
 * The offline templates' version: stamped on a template draft where a prompt version would go,
 * since no prompt ran. Bump it on any change to the wording below.
 */
export const TEMPLATE_VERSION = "template-v4";

/**
 * A template draft's confidence is how much grounded material it was filled from, never a
 * constant: `base` for the bare template, plus `perFact` times each used fact's own confidence
 * (at most two facts are used), plus `angle` when a campaign angle shaped it. So it stays
 * between 0.4 and 0.8: a template never claims what a reviewed model draft might.
 */
export const TEMPLATE_CONFIDENCE = { base: 0.4, perFact: 0.15, angle: 0.1 } as const;

/** The documented rule above, rounded to hundredths. */
export function templateConfidence(used: readonly { confidence: number }[], hasAngle: boolean): number {
  const facts = used.slice(0, 2).reduce((sum, f) => sum + TEMPLATE_CONFIDENCE.perFact * Math.min(1, Math.max(0, f.confidence)), 0);
  return Math.round((TEMPLATE_CONFIDENCE.base + facts + (hasAngle ? TEMPLATE_CONFIDENCE.angle : 0)) * 100) / 100;
}

const GREETING = { warm: "Hi", direct: "Hi", formal: "Dear", casual: "Hey", consultative: "Hi" } as const;
const CLOSING = { warm: "Warm regards", direct: "Best", formal: "Kind regards", casual: "Cheers", consultative: "Best regards" } as const;
const VERBS = new Set(["runs", "uses", "raised", "secured", "opened", "launched", "reported", "named", "migrated", "partnered", "moved", "rolled", "announced", "expanded", "replaced", "relaunched", "standardised", "standardized", "grew", "won", "hired", "acquired", "signed", "is", "has", "was", "plans", "wants", "needs", "operates", "sells", "serves", "builds"]);

/** The first word as it reads mid-sentence: "Opened 3 stores" → "opened 3 stores", but "SOC 2 audit" stays. */
const lowerFirst = (s: string) => s.replace(/^\S+/, (word) => inSentence(word));
const stripPeriod = (s: string) => s.trim().replace(/[.\s]+$/, "");

/**
 * A company fact as a clause about the company: "Opened 3 stores" → "Acme opened 3 stores",
 * "Hiring 12 engineers" → "Acme is hiring 12 engineers", "Fleet grew to 52 trucks" → "Acme's
 * fleet grew to 52 trucks".
 */
export function factClause(company: string, fact: string): string {
  const text = stripPeriod(fact);
  const first = text.split(/\s+/)[0]?.toLowerCase() ?? "";
  if (first.endsWith("ing")) return `${company} is ${lowerFirst(text)}`;
  if (VERBS.has(first) || first.endsWith("ed")) return `${company} ${lowerFirst(text)}`;
  return `${company}'s ${lowerFirst(text)}`;
}

function angleSentence(brief: ComposeBrief): string {
  const angle = brief.campaign?.angle ? stripPeriod(brief.campaign.angle) : null;
  const team = brief.contact.department ? `${inSentence(brief.contact.department)} teams` : "teams";
  return angle
    ? `We help ${tokenInSentence(brief.company.vertical)} ${team} with exactly that: ${lowerFirst(angle)}.`
    : `We help ${team} like yours spend less time on manual pipeline work.`;
}

/**
 * A first email's subject, from the campaign's angle and the company, never from the campaign's
 * name: that is the operator's internal label ("QA retail batch 3"), not something a prospect reads.
 */
function initialSubject(brief: ComposeBrief): string {
  const angle = brief.campaign?.angle ? stripPeriod(brief.campaign.angle) : "";
  const fromAngle = angle ? `${brief.company.name}: ${lowerFirst(angle)}` : "";
  return fromAngle && fromAngle.length <= 70 ? fromAngle : `An idea for ${brief.company.name}`;
}

/**
 * The follow-up's question. The sequence's last touch closes the loop instead of asking to check
 * back; the touch's position picks the shape, its writer's note is never copied in.
 */
function followupAsk(brief: ComposeBrief): string {
  const last = brief.touch && brief.touch.number >= brief.touch.of;
  return last
    ? "I will not keep filling your inbox: if the timing is ever right, just reply and I will pick it up from there."
    : "Is this worth a quick conversation, or should I check back next quarter?";
}

const reSubject = (subject: string) => `Re: ${subject.replace(/^(re:\s*)+/i, "")}`;

/**
 * The deterministic draft used when no model can write one: grounded in the contact, the
 * company's most confident facts and the campaign angle, never in anything invented.
 */
export function templateDraft(brief: ComposeBrief, reason: string): OutreachDraft {
  const tone = brief.campaign?.tone ?? "consultative";
  const { contact, company } = brief;
  const [top, second] = brief.facts;
  let subject: string;
  let paragraphs: string[];
  if (brief.action === "reply") {
    subject = reSubject(brief.inbound?.subject ?? brief.previousSubject ?? `${company.name}`);
    paragraphs = [
      `Thank you for getting back to me.${top ? ` Since ${factClause(company.name, top.fact)}, I think the timing is good.` : ""} ${angleSentence(brief)}`,
      "Would a 20-minute call on Tuesday or Wednesday next week suit you?",
    ];
  } else if (brief.action === "followup") {
    subject = brief.previousSubject ? reSubject(brief.previousSubject) : `Following up: ${initialSubject(brief)}`;
    paragraphs = [
      `I wanted to follow up on my earlier note.${top ? ` Since ${factClause(company.name, top.fact)}, a short example from a similar team might be useful.` : ""} ${angleSentence(brief)}`,
      followupAsk(brief),
    ];
  } else {
    subject = initialSubject(brief);
    const hook = top ? `I noticed that ${factClause(company.name, top.fact)}.` : `I have been following ${company.name}'s work in ${tokenInSentence(company.vertical)}.`;
    // factClause gives a clause ("Acme is hiring…"), so it follows a conjunction, never "With".
    const more = second ? ` Since ${factClause(company.name, second.fact)} as well, it seemed worth reaching out.` : "";
    paragraphs = [`${hook}${more} ${angleSentence(brief)}`, "Would you be open to a 20-minute call next week to see whether it fits?"];
  }
  const body = [`${GREETING[tone]} ${contact.firstName},`, ...paragraphs, `${CLOSING[tone]},\n${brief.senderName}`].join("\n\n");
  const used = [top, second].filter((f) => f !== undefined);
  const provenance: Provenance = {
    confidence: templateConfidence(used, Boolean(brief.campaign?.angle)),
    reason: `Offline template (${reason}), filled from ${used.length} company fact${used.length === 1 ? "" : "s"}${brief.campaign?.angle ? " and the campaign angle" : ""}.`,
    source: "rule_based_fallback",
    evidence: used.map((f) => `${f.fact} (${f.source}, ${Math.round(f.confidence * 100)}%)`),
  };
  return { subject, body, model: OFFLINE_MODEL_LABEL, provenance, refinements: 0 };
}
