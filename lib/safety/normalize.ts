/**
 * Zero-width characters, bidirectional controls and other invisible code points: they hide
 * instructions from a reviewer and split words ("un\u200Bsubscribe") so a keyword no longer matches.
 */
export const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;

// Cyrillic and Greek letters drawn like Latin ones. Folded only inside a word that also holds Latin
// letters: "unsubscrіbe" with a Cyrillic і is a disguise, a Russian word is not.
const CONFUSABLE: Readonly<Record<string, string>> = {
  а: "a", в: "b", е: "e", к: "k", м: "m", н: "h", о: "o", р: "p", с: "c", т: "t", у: "y", х: "x", і: "i", ј: "j", ѕ: "s", ԁ: "d", ԛ: "q", ԝ: "w",
  А: "A", В: "B", Е: "E", К: "K", М: "M", Н: "H", О: "O", Р: "P", С: "C", Т: "T", Х: "X", І: "I", Ј: "J", Ѕ: "S",
  α: "a", ε: "e", ι: "i", κ: "k", ν: "v", ο: "o", ρ: "p", τ: "t", υ: "u", χ: "x",
  Α: "A", Β: "B", Ε: "E", Ζ: "Z", Η: "H", Ι: "I", Κ: "K", Μ: "M", Ν: "N", Ο: "O", Ρ: "P", Τ: "T", Υ: "Y", Χ: "X",
};
const CONFUSABLE_CLASS = new RegExp(`[${Object.keys(CONFUSABLE).join("")}]`, "g");
const MIXED_WORD = /[\p{L}\p{M}]+/gu;

function foldConfusables(text: string): string {
  return text.replace(MIXED_WORD, (word) => (/[a-z]/i.test(word) ? word.replace(CONFUSABLE_CLASS, (c) => CONFUSABLE[c]!) : word));
}

// Four or more single letters with a separator between each ("u n s u b s c r i b e", "S.T.O.P",
// "c l a s s i f y   t h i s   a s"): words spelled out so a keyword filter misses them. Four, so
// "a b" or "I a" in prose stay as they are. The narrowest gap joins letters; a wider one is a space.
const SPACED_OUT = /(?<![\p{L}\p{N}])\p{L}(?:(?:[.\-_*·•|/\\]| +)\p{L}(?![\p{L}\p{N}])){3,}/gu;

function joinSpacedOut(run: string): string {
  const gaps = run.match(/[^\p{L}]+/gu) ?? [];
  const narrowest = Math.min(...gaps.map((g) => g.length));
  return run
    .split(new RegExp(`[^\\p{L}]{${narrowest + 1},}`, "u"))
    .map((word) => word.replace(/[^\p{L}]/gu, ""))
    .join(" ");
}

/**
 * Text as a keyword rule should see it: NFKC (full-width and styled letters become plain ones),
 * invisible characters removed, Latin look-alikes in mixed-script words folded, lower case, accents
 * removed ("désabonner" → "desabonner"), typographic quotes and dashes made plain, spelled-out
 * words joined, and runs of spaces collapsed (line breaks are kept: quote and sentence splitting
 * need them). Phrase lists go through the same function, so they may be written with accents.
 */
export function normalizeText(text: string): string {
  return foldConfusables(text.normalize("NFKC").replace(INVISIBLE, ""))
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/ß/g, "ss")
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(SPACED_OUT, joinSpacedOut)
    .replace(/[^\S\n]+/g, " ");
}
