import { gazetteer, type PlaceKind, type Reading } from "./gazetteer";
import { normalizeName, parseHq } from "./normalize";
import { readSegment, type Match, type SegmentReading } from "./read";
import { BLANK_STRINGS } from "./tables/vocabulary";

/** Bump on any change to the rules below or to the tables (lib/geo/tables, lib/geo/generated). */
export const RESOLVER_VERSION = "geo-resolver-v1-2026-12";

/**
 * The resolver's confidences, one documented value per kind of evidence (never measured
 * per string). `country`: a country named, in any language. `code`/`region`: an ISO code, a
 * US state or postal code, a first-level region or county, read with no rival. `city`: a city
 * whose namesakes abroad are at most a fifth of its size. `likely`: the larger of two namesakes
 * (2–5× the other), or a code after a town read as a US/CA/AU state by the "City, ST"
 * convention when it is also a country's code. For null: `nonplace` (empty, remote, global,
 * multi-country regions, industries), `ambiguous` (several countries fit and nothing decides),
 * `unknown` (no place recognised).
 */
export const CONFIDENCE = { country: 0.98, code: 0.95, region: 0.95, city: 0.9, likely: 0.6, nonplace: 0.95, ambiguous: 0.5, unknown: 0.3 } as const;

/** A resolution at least this confident is "sure": the graph lets it overrule a model (graphs/country-classify/rules.ts). */
export const SURE = 0.95;

export type Basis = "country" | "code" | "region" | "city" | "likely" | "convention" | "empty" | "nonplace" | "industry" | "ambiguous" | "unknown";

/** The resolver's answer in the classifier's contract, with its basis and the names it matched. */
export type CountryResolution = {
  /** ISO 3166-1 alpha-2, or null when no single country can be named. */
  country: string | null;
  confidence: number;
  /** At most two short sentences a person reads. */
  reasons: string[];
  basis: Basis;
  /** The names matched and what each can be (at most six). */
  evidence: string[];
};

// Strongest first: the evidence a country's answer rests on is its strongest reading.
const STRENGTH: readonly PlaceKind[] = ["country", "code", "postal", "state", "region", "county", "city"];
const CLEAR_LEAD = 1_000;
const DOMINANT = 5;
const LARGER = 2;

type Candidate = { country: string; reading: Reading; weight: number };

const quote = (text: string) => `"${text}"`;
const clip = (list: string[], n: number) => list.slice(0, n);

function none(basis: Basis, reasons: string[], evidence: string[] = []): CountryResolution {
  const confidence = basis === "ambiguous" ? CONFIDENCE.ambiguous : basis === "unknown" ? CONFIDENCE.unknown : CONFIDENCE.nonplace;
  return { country: null, confidence, reasons: clip(reasons, 2), basis, evidence: clip(evidence, 6) };
}

/** Each country a match can be, with its strongest reading. */
function candidatesOf(match: Match): Map<string, Candidate> {
  const byCountry = new Map<string, Candidate>();
  for (const reading of match.readings) {
    if (!reading.country) continue;
    const seen = byCountry.get(reading.country);
    if (!seen || reading.weight > seen.weight) byCountry.set(reading.country, { country: reading.country, reading, weight: reading.weight });
  }
  return byCountry;
}

const describe = (match: Match) => `${quote(match.text)}: ${[...candidatesOf(match).values()].slice(0, 3).map((c) => c.reading.label).join("; ")}`;

function strongest(country: string, matches: Match[]): Reading {
  const readings = matches.flatMap((m) => m.readings.filter((r) => r.country === country));
  return readings.sort((a, b) => STRENGTH.indexOf(a.kind) - STRENGTH.indexOf(b.kind))[0]!;
}

function confidenceOf(kind: PlaceKind): { basis: Basis; confidence: number } {
  if (kind === "country") return { basis: "country", confidence: CONFIDENCE.country };
  if (kind === "code") return { basis: "code", confidence: CONFIDENCE.code };
  if (kind === "city") return { basis: "city", confidence: CONFIDENCE.city };
  return { basis: "region", confidence: CONFIDENCE.region };
}

function named(country: string, matches: Match[], basis: Basis, confidence: number, second: string | null, evidence: string[]): CountryResolution {
  const reading = strongest(country, matches);
  const match = matches.find((m) => m.readings.includes(reading))!;
  const first = `${quote(match.text)} is ${reading.label}.`;
  return { country, confidence, reasons: second ? [first, second] : [first], basis, evidence: clip(evidence, 6) };
}

/**
 * Picks among several countries that fit every match, by weight (a country or US state over a
 * region over a city; cities by population). A clear lead (×1000) keeps its kind's confidence;
 * ×5 is a dominant city (0.9); ×2 the likelier namesake (0.6); less is ambiguous.
 */
function pick(candidates: Candidate[], matches: Match[], evidence: string[]): CountryResolution {
  const sorted = candidates.sort((a, b) => b.weight - a.weight);
  const [top, next] = [sorted[0]!, sorted[1]!];
  const ratio = top.weight / Math.max(next.weight, 1);
  const others = sorted.slice(1, 4).map((c) => c.country).join(", ");
  if (ratio >= CLEAR_LEAD) {
    const { basis, confidence } = confidenceOf(strongest(top.country, matches).kind);
    return named(top.country, matches, basis, confidence, `Also a smaller place in ${others}.`, evidence);
  }
  if (ratio >= DOMINANT) return named(top.country, matches, "city", CONFIDENCE.city, `Namesakes in ${others} are far smaller.`, evidence);
  if (ratio >= LARGER) return named(top.country, matches, "likely", CONFIDENCE.likely, `Also a place in ${others}, less than half its size.`, evidence);
  return none("ambiguous", [`${quote(matches.map((m) => m.text).join(", "))} fits ${sorted.slice(0, 3).map((c) => c.country).join(" and ")} alike.`], evidence);
}

/**
 * Several countries fit and one match is a code after a town ("Smallville, DE"): LinkedIn writes
 * US (and Canadian, Australian) locations as "City, ST", so the state reading is taken, at `likely`.
 */
function byConvention(consistent: Set<string>, matches: Match[], evidence: string[]): CountryResolution | null {
  for (const match of matches) {
    if (!match.codeAfterTown) continue;
    const postal = match.readings.filter((r) => r.kind === "postal" && consistent.has(r.country!));
    if (postal.length !== 1) continue;
    const state = postal[0]!;
    const rival = match.readings.find((r) => r.kind === "code" && r.country !== state.country);
    return {
      country: state.country,
      confidence: CONFIDENCE.likely,
      reasons: [`${quote(match.text)} after a town is read as ${state.label} ("City, ST").`, ...(rival ? [`It is also ${rival.label}.`] : [])],
      basis: "convention",
      evidence: clip(evidence, 6),
    };
  }
  return null;
}

/**
 * An HQ string → ISO 3166-1 alpha-2 or null, deterministically, from the shipped tables. The
 * seed's rules: US states (name or code) imply US, UK nations and regions GB, country names in
 * any language their code; parenthetical remarks are set aside (one may only narrow a place
 * the main text names: "London (UK)"); remote, global, multi-country regions, industries and
 * empty input give null. Segments ("Austin", "TX") must agree: the countries every segment can
 * be are intersected; when none fits them all, the weightiest segment decides (a state over a
 * city: "Paris, TX" is US) unless two weighty ones disagree.
 */
export function resolveCountry(hq: string): CountryResolution {
  const text = hq.normalize("NFKC").trim();
  if (!normalizeName(text)) return none("empty", ["The HQ string is empty."]);
  if (BLANK_STRINGS.has(text.toLowerCase())) return none("nonplace", [`${quote(text)} gives no location.`]);
  const g = gazetteer();
  const parsed = parseHq(text);
  const segments = parsed.segments.length ? parsed.segments : parsed.remarks;
  const read = segments.map((s, i) => readSegment(s, i, g));
  const matches = read.flatMap((r) => (r.kind === "places" ? r.matches : []));
  const evidence = matches.map(describe);
  if (!matches.length) return noPlace(read);

  let consistent = new Set(candidatesOf(matches[0]!).keys());
  for (const match of matches.slice(1)) consistent = new Set([...candidatesOf(match).keys()].filter((c) => consistent.has(c)));
  if (parsed.segments.length) {
    for (const remark of parsed.remarks.flatMap((s) => { const r = readSegment(s, 1, g); return r.kind === "places" ? r.matches : []; })) {
      const narrowed = [...candidatesOf(remark).keys()].filter((c) => consistent.has(c));
      if (narrowed.length) consistent = new Set(narrowed);
    }
  }

  if (consistent.size === 1) {
    const [country] = consistent;
    const { basis, confidence } = confidenceOf(strongest(country!, matches).kind);
    const split = matches.find((m) => candidatesOf(m).size > 1);
    return named(country!, matches, basis, confidence, split ? `${quote(split.text)} alone could be elsewhere; the rest of the string decides.` : null, evidence);
  }
  if (consistent.size > 1) {
    const convention = byConvention(consistent, matches, evidence);
    if (convention) return convention;
    const weights = new Map<string, Candidate>();
    for (const match of matches) for (const c of candidatesOf(match).values()) if (consistent.has(c.country) && (weights.get(c.country)?.weight ?? -1) < c.weight) weights.set(c.country, c);
    return pick([...weights.values()], matches, evidence);
  }
  return conflict(matches, evidence);
}

/** No country fits every segment: the weightiest decides alone, unless another almost as weighty points elsewhere. */
function conflict(matches: Match[], evidence: string[]): CountryResolution {
  const weightOf = (m: Match) => Math.max(...[...candidatesOf(m).values()].map((c) => c.weight));
  const ranked = [...matches].sort((a, b) => weightOf(b) - weightOf(a));
  const top = ranked[0]!;
  const topCountries = new Set(candidatesOf(top).keys());
  const rival = ranked.slice(1).find((m) => weightOf(m) * DOMINANT >= weightOf(top) && ![...candidatesOf(m).keys()].some((c) => topCountries.has(c)));
  if (rival) return none("ambiguous", [`${quote(top.text)} and ${quote(rival.text)} point to different countries.`], evidence);
  const alone = [...candidatesOf(top).values()];
  const outvoted = ranked.find((m) => m !== top);
  const note = outvoted ? `${quote(outvoted.text)} is also ${[...candidatesOf(outvoted).values()][0]!.reading.label}; ${quote(top.text)} decides.` : null;
  if (alone.length === 1) {
    const { basis, confidence } = confidenceOf(alone[0]!.reading.kind);
    return named(alone[0]!.country, [top], basis, confidence, note, evidence);
  }
  return byConvention(new Set(alone.map((c) => c.country)), [top], evidence) ?? pick(alone, [top], evidence);
}

function noPlace(read: SegmentReading[]): CountryResolution {
  if (!read.length) return none("empty", ["The HQ string holds only a remark in parentheses."]);
  const unknown = read.filter((r) => r.kind === "unknown");
  if (unknown.length) return none("unknown", [`No known place in ${quote(unknown.map((r) => r.text).join(", "))}.`]);
  const industry = read.find((r) => r.kind === "industry");
  if (industry && read.every((r) => r.kind === "industry")) return none("industry", [`${quote(industry.text)} is an industry, not a place.`]);
  const nonplace = read.find((r) => r.kind === "nonplace") ?? industry!;
  return none("nonplace", [`${quote(nonplace.text)} names no single country.`]);
}
