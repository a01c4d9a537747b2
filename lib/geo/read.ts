import type { Gazetteer, PlaceKind, Reading } from "./gazetteer";
import { accentedForm, hasAccents, normalizeName } from "./normalize";
import { FILLER_WORDS, INDUSTRY_WORDS, JOINING_WORDS } from "./tables/vocabulary";

/** One name found in a segment, with every place it can be. */
export type Match = {
  /** The name as matched: a code in capitals, anything else in its matching form. */
  text: string;
  readings: readonly Reading[];
  /** A code standing alone after a town ("Austin, TX"): the "City, ST" convention may decide it. */
  codeAfterTown: boolean;
};

/** What one segment of an HQ string turned out to be. */
export type SegmentReading =
  | { kind: "places"; matches: Match[] }
  | { kind: "nonplace"; text: string }
  | { kind: "industry"; text: string }
  | { kind: "unknown"; text: string; words: string[] };

/** Longest name tried, in words ("Provence Alpes Cote dAzur", "East Riding of Yorkshire"). */
const MAX_WORDS = 8;

const STRONG_KINDS: ReadonlySet<PlaceKind> = new Set(["country", "code", "postal", "state", "region"]);

const isFiller = (word: string) => FILLER_WORDS.has(word) || /^\d+$/.test(word);

/**
 * Reads one segment ("Austin", "TX", "Greater London Area", "Sydney NSW"): a code where a code
 * can stand, otherwise the longest known names left to right, skipping filler words. A segment
 * with any other word is no place at all ("Mobile Games" is not Mobile, Alabama) — an industry
 * when all its words are industry words, unknown otherwise.
 */
export function readSegment(raw: string, index: number, g: Gazetteer): SegmentReading {
  const code = readCode(raw, index, g);
  if (code) return { kind: "places", matches: [code] };
  // A trailing code in capitals: "Sydney NSW", "Austin TX".
  const tail = /^(.*\S)\s+([A-Z]{2,3})$/u.exec(raw.trim());
  if (tail && g.codes.has(tail[2]!)) {
    const head = readWords(tail[1]!, g);
    const last: Match = { text: tail[2]!, readings: g.codes.get(tail[2]!)!, codeAfterTown: head.kind === "places" };
    return head.kind === "places" ? { kind: "places", matches: [...head.matches, last] } : { kind: "places", matches: [last] };
  }
  return readWords(raw, g);
}

/**
 * A whole segment that is a code. Two letters count when in capitals or after the first segment
 * ("austin, tx"); three only in capitals ("USA", "NSW"), so ordinary words are never codes.
 * Dots and spaces go first: "U.S." is US, "D.C." is DC.
 */
function readCode(raw: string, index: number, g: Gazetteer): Match | null {
  const compact = raw.replace(/[.\s]/g, "");
  if (!/^\p{L}{2,3}$/u.test(compact)) return null;
  const upper = compact.toUpperCase();
  const allowed = compact === upper || (compact.length === 2 && index > 0);
  const codes = allowed ? (g.codes.get(upper) ?? []) : [];
  // "EU" is no code and names no place: readWords reads it as a non-place.
  const names = (g.names.get(normalizeName(raw)) ?? []).filter((r) => r.country !== null);
  if (!codes.length && !names.length) return null;
  return { text: codes.length ? upper : normalizeName(raw), readings: [...codes, ...names], codeAfterTown: codes.length > 0 && index > 0 };
}

function readWords(raw: string, g: Gazetteer): SegmentReading {
  const text = normalizeName(raw);
  const words = text.split(" ");
  const matches: Match[] = [];
  const unknown: string[] = [];
  let nonplace = false;
  for (let i = 0; i < words.length; ) {
    let taken = 0;
    for (let n = Math.min(MAX_WORDS, words.length - i); n >= 1 && !taken; n--) {
      // A single filler word is never read as a place ("Centre", "Central" are provinces somewhere).
      if (n === 1 && isFiller(words[i]!)) break;
      const key = words.slice(i, i + n).join(" ");
      const readings = g.names.get(key);
      if (!readings) continue;
      taken = n;
      const places = readings.filter((r) => r.country !== null);
      if (places.length) matches.push({ text: key, readings: narrowByAccent(raw, key === text, places), codeAfterTown: false });
      else nonplace = true;
    }
    if (!taken && !isFiller(words[i]!)) unknown.push(words[i]!);
    i += taken || 1;
  }
  const industryWords = words.every((w) => INDUSTRY_WORDS.has(w) || JOINING_WORDS.has(w) || isFiller(w));
  // Words of an industry name are read as one even when a town or province shares a word
  // ("Mobile", Togo's "Maritime"); a country or a state named outright still counts.
  if (industryWords && !matches.some((m) => m.readings.some((r) => STRONG_KINDS.has(r.kind)))) return { kind: "industry", text };
  if (unknown.length) return { kind: "unknown", text, words: unknown };
  if (matches.length) return { kind: "places", matches };
  return nonplace ? { kind: "nonplace", text } : { kind: "unknown", text, words: [] };
}

/** "Münster" typed with its accent is the German city, not the Irish province Munster. */
function narrowByAccent(raw: string, whole: boolean, readings: readonly Reading[]): readonly Reading[] {
  if (!whole || readings.length < 2 || !hasAccents(raw)) return readings;
  const written = accentedForm(raw);
  const exact = readings.filter((r) => r.accented === written);
  return exact.length ? exact : readings;
}
