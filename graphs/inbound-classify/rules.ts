import type { Provenance } from "@/graphs/shared/provenance";
import type { InboundLabel, Polarity } from "./state";

/** The version stamped on a keyword-rule classification (the rules below are its "prompt"). */
export const RULES_VERSION = "inbound-keywords-v1-2026-11";

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

type Rule = { label: InboundLabel; confidence: number; patterns: readonly RegExp[] };

// First match wins, so the order is the precedence: a stop request beats everything, and
// "not interested" is checked before "interested".
const RULES: readonly Rule[] = [
  { label: "unsubscribe", confidence: 0.9, patterns: [/\bunsubscribe\b/, /\bremove me\b/, /\bopt[- ]?out\b/] },
  { label: "bounced", confidence: 0.9, patterns: [/\bdelivery status notification\b/, /\bundeliverable\b/, /\bmailer-daemon\b/] },
  { label: "auto_reply", confidence: 0.85, patterns: [/\bout of (?:the )?office\b/, /\bauto[- ]?reply\b/, /\bautomatic reply\b/] },
  { label: "meeting_scheduled", confidence: 0.75, patterns: [/\bcalendar\b/, /\bbooked\b/, /\binvit(?:e|ation) accepted\b/] },
  { label: "info_request", confidence: 0.65, patterns: [/\bpricing\b/, /\bcase stud(?:y|ies)\b/, /\bmore information\b/] },
  { label: "not_interested", confidence: 0.75, patterns: [/\bnot interested\b/, /\bno thanks\b/, /\bno,? thank you\b/] },
  { label: "partnership", confidence: 0.6, patterns: [/\bpartner/] },
  { label: "interested", confidence: 0.65, patterns: [/\binterested\b/, /\blet'?s talk\b/, /\bsounds good\b/] },
];

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

export type KeywordVerdict = { label: InboundLabel; provenance: Provenance };

/**
 * The deterministic classifier used when no model may answer: keyword rules over the sender,
 * the subject and the reply text, first match wins; nothing matched → info_request at low confidence.
 */
export function keywordClassify(input: { subject: string; body: string; from: string }, why: string): KeywordVerdict {
  const fields = [
    ["from", input.from],
    ["subject", input.subject],
    ["body", replyText(input.body)],
  ] as const;
  for (const rule of RULES) {
    for (const [field, text] of fields) {
      const normalized = text.toLowerCase().replace(/[\u2018\u2019]/g, "'");
      for (const pattern of rule.patterns) {
        const match = pattern.exec(normalized);
        if (!match) continue;
        return {
          label: rule.label,
          provenance: {
            confidence: rule.confidence,
            reason: `Keyword rules (${why}): "${match[0]}" in the ${field} means ${rule.label}.`,
            source: "rule_based_fallback",
            evidence: [`${field}: "${match[0]}"`],
          },
        };
      }
    }
  }
  return {
    label: "info_request",
    provenance: {
      confidence: NO_MATCH_CONFIDENCE,
      reason: `Keyword rules (${why}): no rule matched, so it is treated as a question for a person to read.`,
      source: "rule_based_fallback",
      evidence: [],
    },
  };
}
