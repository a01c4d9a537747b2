import type { ReflectedEmail } from "./state";

/** The version stamped on a deterministic summary. */
export const RULES_VERSION = "memory-reflect-rules-v1-2026-11";

/**
 * Confidence of a model's one-line summary: a paraphrase nobody checked, so no higher than a
 * keyword rule's better matches. The rule's own line copies the date, subject and label, so it is
 * as sure as the stored email (only the label, itself classified, can be wrong).
 */
export const SUMMARY_CONFIDENCE = { model: 0.7, subjectLine: 0.9 } as const;

/** Longest memory line, so recalled notes stay short in a prompt. */
export const MAX_LINE_CHARS = 200;

// Zero-width and bidirectional controls, as in lib/safety/fence: nothing invisible goes into a memory.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/**
 * One clean line of at most `max` characters: no line breaks, control or invisible characters,
 * nor fence markers, since the memory is later placed inside a fenced prompt block.
 */
export function oneLine(text: string, max = MAX_LINE_CHARS): string {
  const flat = text
    .replace(INVISIBLE, "")
    .replace(/[<>]{3,}/g, " ")
    .replace(/[\u0000-\u001F\u007F]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** "2026-11-21" (UTC). */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const verb = (email: ReflectedEmail) => (email.direction === "outbound" ? "Sent" : "Received");
const subjectOf = (email: ReflectedEmail) => email.subject.trim() || "(no subject)";

/** The deterministic memory: "Sent 2026-11-21: <subject>" or "Received 2026-11-21: <subject> (<label>)". */
export function deterministicSummary(email: ReflectedEmail): string {
  const label = email.direction === "inbound" && email.label ? ` (${email.label})` : "";
  return oneLine(`${verb(email)} ${isoDay(email.sentAt)}: ${oneLine(subjectOf(email), MAX_LINE_CHARS - 40)}${label}`);
}

/** A model's summary under the same fixed prefix, so what was said and when stays machine-written. */
export function modelSummaryLine(email: ReflectedEmail, summary: string): string {
  const label = email.direction === "inbound" && email.label ? ` (${email.label})` : "";
  return oneLine(`${verb(email)} ${isoDay(email.sentAt)}${label}: ${summary}`);
}
