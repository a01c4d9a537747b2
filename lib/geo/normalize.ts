// Letters that NFD does not decompose into a base letter and a mark.
const FOLDED: Readonly<Record<string, string>> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i", ħ: "h" };
const ABBREVIATIONS: Readonly<Record<string, string>> = { st: "saint", ste: "sainte" };

/**
 * The form every place name is matched in, on both sides (the tables and the HQ string): NFKC,
 * lower case, accents and apostrophes dropped ("Île-de-France" → "ile de france", "Côte d'Ivoire"
 * → "cote divoire"), any other punctuation a space, "St"/"Ste" spelled out, and runs of single
 * letters joined ("U.S.A." → "usa", "D.C." → "dc"). Latin, Greek and Cyrillic accents are the
 * only marks removed, so other scripts (日本, 대한민국) keep their spelling.
 */
export function normalizeName(text: string): string {
  const plain = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[ßæœøłđðþıħ]/g, (c) => FOLDED[c]!)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC")
    .replace(/['’`ʻʼ]/g, "")
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, " ")
    .trim();
  if (!plain) return "";
  const tokens = plain.split(" ").map((t) => ABBREVIATIONS[t] ?? t);
  const joined: string[] = [];
  let letters = "";
  for (const token of tokens) {
    if (token.length === 1 && /\p{L}/u.test(token)) {
      letters += token;
      continue;
    }
    if (letters) joined.push(letters);
    letters = "";
    joined.push(token);
  }
  if (letters) joined.push(letters);
  return joined.join(" ");
}

/** Lower case with accents kept: tells "Münster" (DE) from "Munster" (IE) when the writer typed the accent. */
export function accentedForm(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/['’`ʻʼ]/g, "").replace(/[^\p{L}\p{M}\p{N}]+/gu, " ").trim();
}

/** Whether the text carries an accent or a letter outside ASCII that the matching form folds away. */
export function hasAccents(text: string): boolean {
  return accentedForm(text) !== normalizeName(text) && /[^\u0000-\u007f]/.test(text);
}

/** An HQ string taken apart: its main segments (most general last) and its parenthetical remarks. */
export type ParsedHq = { segments: string[]; remarks: string[] };

// "City, State, Country" and the other separators LinkedIn-style strings use; " - " only with spaces,
// so "Baden-Württemberg" and "Tel Aviv-Yafo" stay whole.
const SEPARATORS = /[,;|/\\•·\n\r\t]+|\s[-–—]+\s/;
const PARENTHESES = /\(([^()]*)\)|\[([^[\]]*)\]/g;
// A postal code is no place name: "New York, NY 10001", "Austin, TX 78701-1234".
const POSTAL = /\b\d{3,}(?:-\d{2,4})?\b/g;

/**
 * Splits an HQ string: parenthetical remarks ("(remote-friendly)", "(HQ)", "(UK)") come out
 * first — the seed's rule is to strip them before deciding, and the resolver uses one only to
 * narrow a place the main text already names — then the rest splits at separators; postal codes
 * and empty pieces are dropped.
 */
export function parseHq(raw: string): ParsedHq {
  const text = raw.normalize("NFKC");
  const remarks: string[] = [];
  const main = text.replace(PARENTHESES, (_, round: string | undefined, square: string | undefined) => {
    remarks.push((round ?? square ?? "").trim());
    return " , ";
  });
  // An unclosed "(" starts a remark that runs to the end.
  const open = main.search(/[([]/);
  const body = open === -1 ? main : main.slice(0, open);
  if (open !== -1) remarks.push(main.slice(open + 1).trim());
  const split = (s: string) => s.split(SEPARATORS).map((p) => p.replace(POSTAL, " ").replace(/\s+/g, " ").trim()).filter((p) => normalizeName(p) !== "");
  return { segments: split(body), remarks: remarks.flatMap(split) };
}
