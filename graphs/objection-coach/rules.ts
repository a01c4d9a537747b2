import { unsupportedReason, type FaithfulnessOptions, type SentenceVerdict, type SourceText } from "@/lib/outreach/faithfulness";
import { OBJECTION_KINDS, OBJECTION_LABELS, type ObjectionClass, type ObjectionKind } from "@/lib/objections/kinds";
import type { CoachedSentence } from "@/db/schema";
import type { NewCoaching } from "@/db/queries/objections";
import type { ObjectionCoachStateType } from "./state";

/** Stamped on a classification or a draft the rules and the offline template made; bump on any change below. */
export const RULES_VERSION = "objection-rules-v1";

/**
 * Phrases that name each objection, as people write them in replies and reps write them in
 * notes. Deliberately specific: a phrase that also fits another objection is left out, because
 * a wrong class drafts an answer to a question nobody asked — "none" is the better answer.
 */
export const OBJECTION_PHRASES: Record<ObjectionKind, RegExp[]> = {
  price: [
    /\btoo (expensive|pricey|costly)\b/, /\b(price|pricing|cost|quote)s? (is|are|seems?|looks?) (too |a bit |very |rather )?(high|steep)\b/, /\bcheaper\b/,
    /\bcan'?t justify the (cost|price|spend)\b/, /\bcosts? too much\b/, /\bout of our price range\b/, /\b(a )?discount\b/,
  ],
  timing: [
    /\bnot the right time\b/, /\bbad (time|timing)\b/, /\b(next|following) (quarter|year|month)\b/, /\b(revisit|circle back|reconnect|touch base|check back)\b.{0,25}\b(in|after|later|next)\b/,
    /\bafter (the )?(holidays|peak|summer|year[- ]end|q[1-4]|audit|launch)\b/, /\btoo busy (right now|at the moment|this (month|quarter))\b/, /\bmaybe later\b/, /\blater this year\b/, /\bin a few months\b/,
  ],
  incumbent_vendor: [
    /\balready (use|using|have|work with|working with|signed with|partnered with)\b/, /\b(current|existing) (vendor|provider|tool|solution|platform|partner|supplier)\b/,
    /\b(locked|tied) into\b/, /\bunder contract\b/, /\bhappy with (our|what we|the tool|the solution)\b/, /\b(signed|renewed) (a |our )?(contract|agreement) with\b/,
  ],
  no_budget: [
    /\bno budget\b/, /\bdon'?t have (the |a |any )?budget\b/, /\bbudget (is|has been|was) (frozen|cut|spent|allocated|exhausted|used up)\b/, /\bnot budgeted\b/,
    /\bbudget freeze\b/, /\bspending freeze\b/, /\bno funds\b/, /\bbudgets? (are|is) (tight|locked)\b/,
  ],
  not_a_priority: [
    /\bnot a (top |high |current )?priority\b/, /\b(isn'?t|is not) a (top |high )?priority\b/, /\bother priorities\b/, /\blow(er)? (on the )?priority\b/,
    /\bnot on our (radar|roadmap)\b/, /\bnot (something|an area) we'?re (looking at|focused on|focusing on)\b/, /\bwe'?re fine (as is|for now)\b/, /\bnot a focus\b/,
  ],
  security_compliance: [
    /\bsecurity (review|team|questionnaire|assessment|concerns?|requirements?)\b/, /\bcompliance\b/, /\bsoc ?2\b/, /\biso ?27001\b/, /\bgdpr\b/, /\bhipaa\b/,
    /\bdata (protection|privacy|residency|processing agreement)\b/, /\binfosec\b/, /\bvendor (risk|assessment)\b/, /\bwhere (is|does) (the |our )?data\b/,
  ],
  integration_effort: [
    /\bintegrat(e|ion|ing)\b/, /\bimplementation (effort|time|work|project)\b/, /\bengineering (time|resources|bandwidth|capacity)\b/, /\b(it|dev|engineering) team (doesn'?t|does not|has no) (have )?(the )?(bandwidth|capacity|time)\b/,
    /\bhow (hard|long|difficult) (is|would) it (be )?to (set up|implement|connect|roll out)\b/, /\bset ?up (effort|takes|time)\b/, /\bconnect (to|with) our (crm|systems?|stack)\b/, /\bmigrat(e|ion)\b/,
  ],
  consult_others: [
    /\b(check|talk|speak|discuss|run (it|this)|share (it|this)) (with|by|past) (my|our|the) (team|boss|manager|cfo|ceo|cto|ciso|coo|vp|director|head|leadership|board|colleagues?|partners?|procurement|legal|it)\b/,
    /\bneed (to )?(get )?(sign[- ]?off|approval|buy[- ]?in)\b/, /\bnot (my|solely my) (decision|call)\b/, /\bloop in\b/, /\bcommittee\b/, /\bthe decision (maker|isn'?t mine)\b/,
  ],
  send_more_info: [
    /\bsend (me |us |over )?(some |more |a |any )?(info|information|details|materials?|deck|brochure|case stud(y|ies)|overview|one[- ]pager|documentation|pricing sheet)\b/,
    /\b(more|additional|further) (info|information|details)\b/, /\banything (in writing|i can read|written)\b/, /\bdo you have (a |any )?(deck|case stud(y|ies)|documentation|overview|brochure)\b/,
  ],
};

/**
 * Which objection wins when phrases of several match equally often: the specific before the
 * generic ("security review … next quarter" is a security objection with a timing remark).
 */
export const PRECEDENCE: readonly ObjectionKind[] = [
  "security_compliance", "integration_effort", "incumbent_vendor", "no_budget", "price", "consult_others", "not_a_priority", "timing", "send_more_info",
];

/**
 * The rules' documented confidences: `single` — one objection's phrases matched; `contested` —
 * phrases of two or more matched, the most matched (then PRECEDENCE) won; `none` — no phrase matched.
 */
export const RULE_CONFIDENCE = { single: 0.75, contested: 0.55, none: 0.6 } as const;

export type Classification = { objection: ObjectionClass; confidence: number; reason: string; evidence: string[] };

/** The deterministic classifier: phrase rules over the lower-cased text. */
export function classifyByRules(text: string): Classification {
  const lower = text.toLowerCase().replace(/[’]/g, "'");
  const hits = OBJECTION_KINDS.map((kind) => ({
    kind,
    matched: OBJECTION_PHRASES[kind].map((re) => lower.match(re)?.[0]).filter((m): m is string => m !== undefined),
  })).filter((h) => h.matched.length > 0);
  if (hits.length === 0) {
    return { objection: "none", confidence: RULE_CONFIDENCE.none, reason: "No phrase of the nine objections appears in the message.", evidence: [] };
  }
  hits.sort((a, b) => b.matched.length - a.matched.length || PRECEDENCE.indexOf(a.kind) - PRECEDENCE.indexOf(b.kind));
  const [best, ...others] = hits;
  const evidence = hits.map((h) => `${h.kind}: ${h.matched.map((m) => `"${m}"`).join(", ")}`);
  const reason = `The message says ${best!.matched.map((m) => `"${m}"`).join(", ")} (${OBJECTION_LABELS[best!.kind]})${others.length ? `; it also matched ${others.map((o) => OBJECTION_LABELS[o.kind]).join(", ")}` : ""}.`;
  return { objection: best!.kind, confidence: others.length ? RULE_CONFIDENCE.contested : RULE_CONFIDENCE.single, reason, evidence };
}

/**
 * The faithfulness gate's policy on one unsupported sentence. Removed: a sentence no source
 * mentions at all, or one with a figure, a name or a negation that no source has (checked against
 * all the sources together, so the reason names it) — claims the contact would take as fact.
 * Flagged and kept: a sentence that rests on its sources but rewords them too freely.
 */
export function gateVerdict(sentence: string, reason: string, sources: readonly SourceText[], options: FaithfulnessOptions): CoachedSentence {
  const hard = unsupportedReason(sentence, sources.map((s) => s.text), options);
  if (hard && /^(the figure |it names |it negates )/.test(hard)) return { sentence, action: "removed", reason: hard.replace("the cited source", "the playbook or the facts") };
  if (reason === NO_SOURCE) return { sentence, action: "removed", reason: "neither the playbook nor the facts mention what it says" };
  return { sentence, action: "flagged", reason };
}
const NO_SOURCE = "no source mentions what it says";

/** Applies the gate to a body's verdicts: the body without removed sentences, and what was removed or flagged. */
export function applyGate(verdicts: readonly SentenceVerdict[], sources: readonly SourceText[], options: FaithfulnessOptions = {}): { body: string; sentences: CoachedSentence[] } {
  const sentences: CoachedSentence[] = [];
  const kept: string[] = [];
  for (const v of verdicts) {
    if (v.status !== "unsupported") {
      kept.push(v.sentence);
      continue;
    }
    const verdict = gateVerdict(v.sentence, v.reason, sources, options);
    sentences.push(verdict);
    if (verdict.action === "flagged") kept.push(v.sentence);
  }
  return { body: kept.join(" "), sentences };
}

/** The review flags a gated draft carries into the queue: the draft says what the gate did. */
export function gateFlags(sentences: readonly CoachedSentence[]): string[] {
  const removed = sentences.filter((s) => s.action === "removed").length;
  const flagged = sentences.filter((s) => s.action === "flagged").length;
  return [
    ...(removed ? [`faithfulness: removed ${removed} sentence${removed === 1 ? "" : "s"} the playbook and facts do not support`] : []),
    ...(flagged ? [`faithfulness: ${flagged} sentence${flagged === 1 ? "" : "s"} flagged — check against the playbook before sending`] : []),
  ];
}

/**
 * The offline rebuttal core: the playbook's approved response, its first proof point, and the
 * company's most confident fact restated as it is — nothing else, so it passes its own gate.
 */
export function templateCore(entry: { response: string; proofPoints: string[] }, fact: { fact: string } | undefined, companyName: string): string {
  const proof = entry.proofPoints[0];
  const factLine = fact ? ` I noted this about ${companyName}: ${fact.fact.trim().replace(/[.\s]+$/, "")}.` : "";
  return `${entry.response}${proof ? ` ${proof}` : ""}${factLine}`;
}

/**
 * A template draft's confidence is how much approved material it used, never a constant: 0.5
 * for the playbook response, 0.1 for a proof point, plus 0.1 × the used fact's own confidence.
 */
export function templateConfidence(entry: { proofPoints: string[] }, fact: { confidence: number } | undefined): number {
  return Math.round((0.5 + (entry.proofPoints.length ? 0.1 : 0) + (fact ? 0.1 * Math.min(1, Math.max(0, fact.confidence)) : 0)) * 100) / 100;
}

/** The reply around the gated core: a greeting, the core, the call to action and the sender, all fixed text. */
export function wrapReply(core: string, firstName: string, senderName: string): string {
  return `Hi ${firstName},\n\n${core}\n\nWould a short call next week help? I am glad to answer anything else.\n\nBest regards,\n${senderName}`;
}

/** The reply's subject: "Re:" the contact's email, or, for a rep's note, a follow-up on the conversation. */
export function replySubject(inboundSubject: string | null, companyName: string): string {
  return inboundSubject ? `Re: ${inboundSubject.replace(/^(re:\s*)+/i, "")}` : `Following up on our conversation — ${companyName}`;
}

/**
 * The coach's reasoning as stored beside its draft (or alone, for "none"): the class and how it
 * was reached, the playbook version drawn from, and what the faithfulness gate did.
 */
export function coachingRecord(state: ObjectionCoachStateType, ids: { runId: string | null; threadId: string | null }): NewCoaching {
  const context = state.context!;
  const classification = state.classification!;
  const rebuttal = state.rebuttal;
  const drewOn = rebuttal
    ? [`playbook: ${context.company.vertical} v${context.playbook.version}, ${classification.objection}`, `rebuttal: ${rebuttal.model} (${rebuttal.promptVersion})`]
    : [];
  return {
    contactId: context.contact.id,
    emailId: context.inbound?.id ?? null,
    note: context.note,
    objection: classification.objection,
    confidence: classification.confidence,
    vertical: context.company.vertical,
    playbookVersion: context.playbook.version,
    sentences: rebuttal?.sentences ?? [],
    provenance: { ...classification.provenance, evidence: [...classification.provenance.evidence, ...drewOn] },
    promptVersion: classification.promptVersion,
    runId: ids.runId,
    threadId: ids.threadId,
    requestedBy: state.requestedBy,
  };
}
