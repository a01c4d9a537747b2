import { normalizeText } from "@/lib/safety/normalize";
import type { Phrase } from "./phrases";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const WORD_CHAR = "[\\p{L}\\p{N}]";

/** A phrase as a whole-word pattern over normalised text; `word*` lets that word go on. */
function phrasePattern(phrase: string): RegExp {
  const words = normalizeText(phrase).trim().split(/\s+/);
  const body = words.map((w) => (w.endsWith("*") ? `${escape(w.slice(0, -1))}${WORD_CHAR}*` : escape(w))).join("\\s+");
  const start = new RegExp(`^${WORD_CHAR}`, "u").test(words[0]!) ? `(?<!${WORD_CHAR})` : "";
  const last = words.at(-1)!;
  const end = !last.endsWith("*") && new RegExp(`${WORD_CHAR}$`, "u").test(last) ? `(?!${WORD_CHAR})` : "";
  return new RegExp(`${start}${body}${end}`, "u");
}

/** A phrase list (or several, e.g. every language) compiled once. */
export function compile(...lists: readonly (readonly Phrase[])[]): readonly RegExp[] {
  return lists.flat().map((p) => (typeof p === "string" ? phrasePattern(p) : p));
}

/** The first pattern's match in the text, as written there; null when none matches. */
export function firstMatch(patterns: readonly RegExp[], text: string): string | null {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) return match[0];
  }
  return null;
}
