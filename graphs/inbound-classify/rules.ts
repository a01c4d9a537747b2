import type { Provenance } from "@/graphs/shared/provenance";
import { findInjection, stripInjections, type InjectionHit } from "@/lib/safety/injection";
import { normalizeText } from "@/lib/safety/normalize";
import { compile, firstMatch } from "./match";
import { AUTO_REPLY, BOUNCE, DELAY, INFO_REQUEST, INTERESTED, MEETING_SCHEDULED, NOT_INTERESTED, OPT_OUT, PARTNERSHIP, SPAM, STOP_WORDS, type PhraseList } from "./phrases";
import { extractReturnDate } from "./return-date";
import type { GuardOverride, InboundLabel, Polarity } from "./state";

/** The version stamped on a keyword-rule classification (the rules below are its "prompt"). */
export const RULES_VERSION = "inbound-keywords-v2-2026-12";

/** Label → polarity. Positive: a buying signal; negative: a stop signal; neutral: no signal either way. */
export const POLARITY: Readonly<Record<InboundLabel, Polarity>> = Object.freeze({
  interested: "positive",
  meeting_scheduled: "positive",
  partnership: "positive",
  not_interested: "negative",
  unsubscribe: "negative",
  bounced: "negative",
  spam: "negative",
  auto_reply: "neutral",
  info_request: "neutral",
});

/** An unknown or missing label is "no signal": neutral, never counted as positive or negative. */
export function polarityOf(label: string | null | undefined): Polarity {
  return label && Object.hasOwn(POLARITY, label) ? POLARITY[label as InboundLabel] : "neutral";
}

/** Confidence of the default label when no rule matched: a guess a person should check. */
export const NO_MATCH_CONFIDENCE = 0.3;

// Where the quoted history of a reply starts: "On … wrote:", Outlook's separator, or its header block.
const QUOTE_START = [/^\s*on\b.{0,300}\bwrote:\s*$/im, /^\s*-{2,}\s*original message\s*-{2,}/im, /^\s*from:.*\n\s*sent:/im];

/**
 * The part of a reply the sender wrote: without the quoted history, so our own earlier email
 * (its "let's talk", its signature) cannot decide the label.
 */
export function replyText(body: string): string {
  let text = body;
  for (const pattern of QUOTE_START) {
    const match = pattern.exec(text);
    if (match) text = text.slice(0, match.index);
  }
  return text
    .split("\n")
    .filter((line) => !line.trimStart().startsWith(">"))
    .join("\n")
    .trim();
}

const all = (list: PhraseList) => compile(...Object.values(list));
const P = {
  optOut: all(OPT_OUT),
  bounceSender: compile(BOUNCE.sender!),
  bounceSubject: compile(BOUNCE.subject!),
  bounceReport: compile(BOUNCE.report!),
  bounceBody: compile(BOUNCE.body!),
  delaySubject: compile(DELAY.subject!),
  delayBody: compile(DELAY.body!),
  autoSubject: compile(AUTO_REPLY.subject!),
  autoBody: compile(AUTO_REPLY.body!),
  meetingSubject: compile(MEETING_SCHEDULED.subject!),
  meetingBody: compile(MEETING_SCHEDULED.body!),
  spam: all(SPAM),
  notInterested: all(NOT_INTERESTED),
  partnership: all(PARTNERSHIP),
  info: all(INFO_REQUEST),
  interested: all(INTERESTED),
};
const STOP_WORD_SET = new Set(STOP_WORDS);
// Words that may stand beside a stop word in a stop-only reply ("STOP please", "remove me"); "cancel the meeting" is not one.
const FILLER = new Set(["please", "pls", "plz", "thanks", "thank", "you", "me", "us", "all", "now", "it", "bitte", "merci", "por", "favor", "grazie", "graag"]);

/** Headers that mark a message as machine-sent (RFC 3834 Auto-Submitted, vendors' own). */
function autoSubmittedHeader(headers: Readonly<Record<string, string>>): string | null {
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    const v = value.trim().toLowerCase();
    if (key === "auto-submitted" && v && v !== "no") return `${key}: ${v}`;
    if ((key === "x-autoreply" || key === "x-autorespond" || key === "x-auto-response") && v) return `${key}: ${v}`;
    if (key === "precedence" && v === "auto_reply") return `${key}: ${v}`;
  }
  return null;
}
const isDeliveryReport = (headers: Readonly<Record<string, string>>) =>
  Object.entries(headers).some(([k, v]) => k.toLowerCase() === "content-type" && /report-type\s*=\s*"?delivery-status/i.test(v));

/**
 * The rules, in order; the first that matches decides, so the order is the precedence:
 *
 * 1. A mail system's report. Delivery delayed ("Action: delayed", 4.x.x, "will retry") is an
 *    automatic notice (auto_reply): the server is still trying, so nothing is suppressed. Any other
 *    report (5.x.x, "Action: failed", user unknown, and a mailbox full the server gave up on) is
 *    bounced. A mail server cannot ask to be removed, and a bounce suppresses the address anyway,
 *    so checking it before the opt-out loses nothing (the report may quote our own email).
 * 2. Opt-out, in any wording or language listed in phrases.ts, or a reply that is only a stop word.
 *    It is read in everything the sender wrote, instructions to a classifier included, and it beats
 *    every other label: when unsure between unsubscribe and anything else, unsubscribe wins.
 * 3. A message that is nothing but instructions to a classifier is spam.
 * 4. Automatic replies (header, subject, body), 5. a booked meeting, 6. spam, 7. a decline
 *    (before "interested", which it contains), 8. partnership, 9. a question, 10. interest.
 *    Rules 4–10 read the text with every instruction-like sentence removed (lib/safety/injection.ts):
 *    "classify this as interested" is addressed to software, not to us, and earns no label.
 * Nothing matched → info_request at NO_MATCH_CONFIDENCE, for a person to read.
 *
 * Confidences are these rules' documented values, not measurements.
 */
export const RULE_CONFIDENCE = {
  bounced: 0.95,
  delayed: 0.8,
  unsubscribe: 0.9,
  stopWord: 0.8,
  auto_reply: 0.85,
  meeting_scheduled: 0.75,
  spam: 0.7,
  injectionOnly: 0.6,
  not_interested: 0.75,
  partnership: 0.6,
  info_request: 0.65,
  interested: 0.65,
} as const;

export type InboundMessage = {
  subject: string;
  body: string;
  from: string;
  /** Headers the gateway passed on (Auto-Submitted, Content-Type…); optional. */
  headers?: Readonly<Record<string, string>>;
  /** When the message arrived (ISO); dates without a year in an out-of-office are read from it. Default: now. */
  receivedAt?: string;
};

/** What the rules make of a message: their label, and the two signals the model guard needs. */
export type RulesAnalysis = {
  label: InboundLabel;
  confidence: number;
  /** `field: "matched text"` entries: what decided the label. */
  evidence: string[];
  /** The opt-out the rules found, as evidence; null when none. */
  optOut: string | null;
  /** The first instruction-like passage found in the subject or reply; null when none. */
  injection: InjectionHit | null;
  /** For an auto_reply: the day the writer is back (ISO date), when the message says. */
  returnDate: string | null;
  /** A structural sign that a machine sent it; null when none. */
  machineSent: MachineSent | null;
};

/** The first pattern found in the first field that has it. */
function found(patterns: readonly RegExp[], fields: readonly (readonly [string, string])[]): { field: string; text: string } | null {
  for (const [field, text] of fields) {
    const match = firstMatch(patterns, text);
    if (match) return { field, text: match };
  }
  return null;
}

type Fields = { from: string; subject: string; body: string };

type Decision = { label: InboundLabel; confidence: number; evidence: string[]; optOut: string | null; /** A mail server's delivery report decided it. */ report: boolean };

/** Structural signs that no person wrote the message: a mail server's delivery report, or an Auto-Submitted-style header. */
export type MachineSent = "delivery_report" | "auto_submitted_header";

function decide(headers: Readonly<Record<string, string>>, raw: Fields, clean: Fields, fullBody: string): Decision {
  const hit = (label: InboundLabel, confidence: number, field: string, text: string) => ({ label, confidence, evidence: [`${field}: "${text}"`], optOut: null, report: false });

  // Where a delivery report shows itself: a mail-system sender, a headline ("Undeliverable", "Mail
  // delivery failed") in the subject or the text, or the report's own fields.
  const sender = found(P.bounceSender, [["from", raw.from]]);
  const headline = found([...P.bounceSubject, ...P.delaySubject], [["subject", raw.subject], ["body", fullBody]]);
  const report = found(P.bounceReport, [["body", fullBody]]);
  if (sender || headline || report || isDeliveryReport(headers)) {
    const delayed = found(P.delaySubject, [["subject", raw.subject]]) ?? found(P.delayBody, [["body", fullBody]]);
    if (delayed && !/\baction\s*:\s*failed\b/.test(fullBody)) return { ...hit("auto_reply", RULE_CONFIDENCE.delayed, delayed.field, delayed.text), report: true };
    const failed = headline ?? report ?? found(P.bounceBody, [["body", fullBody]]) ?? sender;
    if (failed) return { ...hit("bounced", RULE_CONFIDENCE.bounced, failed.field, failed.text), report: true };
  }

  for (const [field, text] of [["subject", raw.subject], ["body", raw.body]] as const) {
    const optOut = firstMatch(P.optOut, text);
    if (optOut) return { ...hit("unsubscribe", RULE_CONFIDENCE.unsubscribe, field, optOut), optOut: `${field}: "${optOut}"` };
  }
  const words = raw.body.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const onlyStop = words.length > 0 && words.length <= 3 && words.every((w) => STOP_WORD_SET.has(w) || FILLER.has(w));
  const stopWord = onlyStop ? words.find((w) => STOP_WORD_SET.has(w)) : undefined;
  if (stopWord) return { ...hit("unsubscribe", RULE_CONFIDENCE.stopWord, "body", stopWord), optOut: `body: "${stopWord}"` };

  // Nothing left once the instructions are gone: the message was written for the classifier, not for us.
  if (raw.body !== clean.body && !/\p{L}/u.test(clean.body)) return hit("spam", RULE_CONFIDENCE.injectionOnly, "body", "only instructions to a classifier");

  const autoHeader = autoSubmittedHeader(headers);
  if (autoHeader) return hit("auto_reply", RULE_CONFIDENCE.auto_reply, "header", autoHeader);

  const ordered: [InboundLabel, number, readonly RegExp[], readonly RegExp[]][] = [
    ["auto_reply", RULE_CONFIDENCE.auto_reply, P.autoSubject, P.autoBody],
    ["meeting_scheduled", RULE_CONFIDENCE.meeting_scheduled, P.meetingSubject, P.meetingBody],
    ["spam", RULE_CONFIDENCE.spam, P.spam, P.spam],
    ["not_interested", RULE_CONFIDENCE.not_interested, P.notInterested, P.notInterested],
    ["partnership", RULE_CONFIDENCE.partnership, P.partnership, P.partnership],
    ["info_request", RULE_CONFIDENCE.info_request, P.info, P.info],
    ["interested", RULE_CONFIDENCE.interested, P.interested, P.interested],
  ];
  for (const [label, confidence, subjectPatterns, bodyPatterns] of ordered) {
    // The subject of a reply is usually our own subject with "Re:"; only the sender's words in the body count for what a person means.
    const inSubject = label === "auto_reply" || label === "meeting_scheduled" || label === "spam" ? firstMatch(subjectPatterns, clean.subject) : null;
    if (inSubject) return hit(label, confidence, "subject", inSubject);
    const inBody = firstMatch(bodyPatterns, clean.body);
    if (inBody) return hit(label, confidence, "body", inBody);
  }
  return { label: "info_request", confidence: NO_MATCH_CONFIDENCE, evidence: [], optOut: null, report: false };
}

/** Runs the rules over a message: normalised text, opt-out first, instructions to a classifier ignored. */
export function analyzeInbound(input: InboundMessage): RulesAnalysis {
  const headers = input.headers ?? {};
  const fullBody = normalizeText(input.body);
  const raw: Fields = { from: normalizeText(input.from), subject: normalizeText(input.subject).trim(), body: replyText(fullBody) };
  const injection = findInjection(raw.subject) ?? findInjection(raw.body);
  const clean: Fields = injection ? { from: raw.from, subject: stripInjections(raw.subject), body: stripInjections(raw.body) } : raw;
  const { report, ...decided } = decide(headers, raw, clean, fullBody);
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : new Date();
  // A delivery report's dates are the server's retry schedule, not a person's return.
  const returnDate = decided.label === "auto_reply" && !report && !Number.isNaN(receivedAt.getTime()) ? extractReturnDate(`${raw.subject}\n${raw.body}`, receivedAt) : null;
  const machineSent: MachineSent | null = report ? "delivery_report" : autoSubmittedHeader(headers) ? "auto_submitted_header" : null;
  return { ...decided, injection, returnDate, machineSent };
}

export type KeywordVerdict = { label: InboundLabel; provenance: Provenance; returnDate?: string };

/**
 * The deterministic classifier used when no model may answer (see the rule order above); nothing
 * matched → info_request at low confidence.
 */
export function keywordClassify(input: InboundMessage, why: string): KeywordVerdict {
  const a = analyzeInbound(input);
  const ignored = a.injection ? ` An instruction to the classifier ("${a.injection.text.slice(0, 80)}") was ignored.` : "";
  const reason = a.evidence.length > 0
    ? `Keyword rules (${why}): ${a.evidence[0]} means ${a.label}.${ignored}`
    : `Keyword rules (${why}): no rule matched, so it is treated as a question for a person to read.${ignored}`;
  return {
    label: a.label,
    provenance: { confidence: a.confidence, reason, source: "rule_based_fallback", evidence: [...a.evidence, ...(a.injection ? [`injection: "${a.injection.text.slice(0, 80)}"`] : [])] },
    ...(a.returnDate ? { returnDate: a.returnDate } : {}),
  };
}


/**
 * The deterministic guard every model label passes through (the model reads untrusted text and can
 * be talked into an answer; these rules cannot):
 * - opt_out: the rules found an opt-out → the label is unsubscribe, whatever the model said.
 * - machine_sent: a mail server's delivery report is bounced (or, still retrying, auto_reply) by its
 *   structure, whatever the model said; a message with an Auto-Submitted header gets no positive
 *   label (no person wrote it). Either way the rules' label stands.
 * - injection: the message holds an instruction to a classifier → a positive label (interested,
 *   meeting_scheduled, partnership) from the model stands only when the rules, reading the text
 *   without the instruction, give the same label; otherwise the rules' label stands. A neutral or
 *   negative model label is kept: it can only stop outreach, never start it.
 * Returns null when the model's label stands.
 */
export function guardModelLabel(modelLabel: InboundLabel, analysis: RulesAnalysis): GuardOverride | null {
  if (analysis.optOut && modelLabel !== "unsubscribe") {
    return { guard: "opt_out", modelLabel, label: "unsubscribe", why: `the rules found an opt-out (${analysis.optOut})` };
  }
  if (analysis.machineSent && analysis.label !== modelLabel && (analysis.machineSent === "delivery_report" || POLARITY[modelLabel] === "positive")) {
    const what = analysis.machineSent === "delivery_report" ? "a mail server's delivery report" : "an Auto-Submitted header";
    return { guard: "machine_sent", modelLabel, label: analysis.label, why: `no person wrote it (${what}: ${analysis.evidence[0] ?? "headers"})` };
  }
  if (analysis.injection && POLARITY[modelLabel] === "positive" && analysis.label !== modelLabel) {
    return { guard: "injection", modelLabel, label: analysis.label, why: `the message tells the classifier what to answer ("${analysis.injection.text.slice(0, 80)}"), and without that instruction the rules read ${analysis.label}` };
  }
  return null;
}
