/**
 * Faithfulness: does a piece of generated text say only what its sources say?
 *
 * Shared by every graph that writes grounded prose (lead_to_proposal's claims, objection_coach's
 * rebuttal sentences). Deterministic and cheap (no model), because it is the check on the model:
 * a model judging its own grounding would share its blind spots.
 *
 * A statement is supported by its evidence when all of these hold:
 *  1. every figure in it (12, $20M, 35%, 350,000, "twelve") appears in the evidence;
 *  2. every name or identifier in it (a capitalised word after the first, an acronym, a token with
 *     digits: "Salesforce", "SOC", "HL7", the "B" of "Series B"; "A" and "I" read as words) appears in the evidence or in the
 *     caller's allowed terms (the company's and the contact's names);
 *  3. it does not negate what the evidence asserts ("not", "never"… in it, none in the evidence);
 *  4. at least half of its content words are the evidence's (light stemming, shared 5-letter
 *     prefixes), and at least two of them when it has two;
 *  5. no clause of it (split at commas, semicolons, "and", "but", "so", "because"…) that carries
 *     two or more content words is entirely new — an invented clause padded onto a cited one fails.
 *
 * Known limit, on purpose: it is a lexical check. A paraphrase with no shared words fails (the
 * prompt asks for the fact's own words, and offline text restates facts verbatim); a claim that
 * recombines the fact's own words into a different meaning can pass. Every proposal and rebuttal
 * still goes to a person, who sees each claim beside the fact it cites.
 */

/** A company fact as it is cited: its row id and its text. */
export type CitableFact = { id: number; fact: string };

/** One claim of a generated document: what it says and which facts it says it rests on. */
export type Claim = {
  text: string;
  factIds: number[];
  /** The writer marked it as an assumption: allowed, shown as one, never presented as fact. */
  assumption?: boolean;
};

export type ClaimVerdict =
  | { status: "supported"; factIds: number[] }
  | { status: "assumption" }
  | { status: "unsupported"; reason: string };

/** A source a free-text sentence may rest on: a playbook entry, a fact… `id` is the caller's key. */
export type SourceText = { id: string; text: string };

export type SentenceVerdict = { sentence: string } & (
  | { status: "supported"; sourceIds: string[] }
  | { status: "assumption" }
  /** Nothing to check: a greeting, a sign-off, a question with no figure or name in it. */
  | { status: "no_claim" }
  | { status: "unsupported"; reason: string }
);

export type FaithfulnessOptions = {
  /** Names the text may use without a source saying them: the company, the contact, the sender. */
  allowedTerms?: readonly string[];
};

/** Share of a statement's content words that must come from its evidence (rule 4). */
export const MIN_COVERAGE = 0.5;
/** A sentence or claim opening with this (any case) is the writer's marked assumption. */
export const ASSUMPTION_MARKER = "Assumption:";

const STOPWORDS = new Set(
  (
    "a an the and or but nor so yet for of to in on at by with from into onto over under about above below " +
    "as than then that this these those there here it its it's itself is are was were be been being am do does did " +
    "done has have had having will would shall should can could may might must we our ours us you your yours " +
    "they their theirs them he she his her him i me my mine who whom whose which what when where why how " +
    "all any both each every few more most other some such only own same also just very too again further " +
    "once up down out off if while because until after before during through across per via vs not no never " +
    "whether since ago"
  ).split(" "),
);
const NEGATIONS = new Set(["not", "no", "never", "none", "without", "neither", "nor", "cannot"]);
const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, fifty: 50, hundred: 100,
};
const SCALE: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, million: 1e6, bn: 1e9, b: 1e9, billion: 1e9 };
const CLAUSE_BREAK = /[,;:()]|\s[-–—]\s|\b(?:and|but|while|whereas|so|because|which|although|though|plus)\b/i;

/** Word tokens of a text: letters and digits, hyphenated words split ("go-to-market" → go, to, market). */
function words(text: string): string[] {
  return text.replace(/[’']s\b/g, "").match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A light, deterministic stem: enough that "hiring", "hires" and "hired" meet. */
function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  else if (w.length > 4 && /(?:ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

const isNumberToken = (w: string) => /^\d/.test(w);
const contentStems = (text: string): string[] =>
  words(text)
    .filter((w) => !isNumberToken(w) && w.length > 1 && !STOPWORDS.has(w.toLowerCase()) && !NUMBER_WORDS[w.toLowerCase()])
    .map(stem);

/** Every figure in a text as a number: "$20M" → 20000000, "35%" → 35, "350,000" → 350000, "twelve" → 12. */
export function figures(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\d.,])(\d[\d,]*(?:\.\d+)?)\s*(k|thousand|mn|m|million|bn|b|billion)?(?![\p{L}\d])/giu)) {
    const value = Number(m[1]!.replace(/,/g, ""));
    const scale = m[2] ? SCALE[m[2].toLowerCase()] ?? 1 : 1;
    // "Series B" is a name, not a scale: a scale binds only to a number written right before it.
    if (Number.isFinite(value)) out.push(value * scale);
  }
  for (const w of words(text)) {
    const n = NUMBER_WORDS[w.toLowerCase()];
    if (n !== undefined) out.push(n);
  }
  return out;
}

/**
 * Names and identifiers a statement asserts: capitalised words other than its first, acronyms
 * (even first), tokens mixing letters and digits, and a single capital letter ("Series B").
 */
function names(text: string): string[] {
  const out: string[] = [];
  const tokens = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  tokens.forEach((t, i) => {
    const acronym = t.length >= 2 && /^[\p{Lu}\p{N}]+$/u.test(t) && /\p{Lu}/u.test(t);
    const mixed = /\p{L}/u.test(t) && /\p{N}/u.test(t);
    const capital = /^\p{Lu}/u.test(t) && i > 0 && !STOPWORDS.has(t.toLowerCase());
    if (acronym || mixed || capital) out.push(t.toLowerCase());
  });
  return out;
}

const hasNegation = (text: string) => words(text).some((w) => NEGATIONS.has(w.toLowerCase())) || /n['’]t\b/i.test(text);

/** A source text read once: what the rules compare a statement with. */
type Evidence = { figures: Set<number>; words: Set<string>; stems: Set<string>; prefixes: Set<string>; negation: boolean };

function analyse(text: string): Evidence {
  const stems = new Set(contentStems(text));
  return {
    figures: new Set(figures(text)),
    words: new Set(words(text).map((w) => w.toLowerCase())),
    stems,
    prefixes: new Set([...stems].filter((s) => s.length >= 5).map((s) => s.slice(0, 5))),
    negation: hasNegation(text),
  };
}

function merge(parts: readonly Evidence[]): Evidence {
  if (parts.length === 1) return parts[0]!;
  const union = <T>(pick: (e: Evidence) => Set<T>) => new Set(parts.flatMap((e) => [...pick(e)]));
  return { figures: union((e) => e.figures), words: union((e) => e.words), stems: union((e) => e.stems), prefixes: union((e) => e.prefixes), negation: parts.some((e) => e.negation) };
}

/** Stems meet when equal, or when both are long and share their first five letters ("expand", "expansion"). */
const sharesStem = (a: string, e: Evidence) => e.stems.has(a) || (a.length >= 5 && e.prefixes.has(a.slice(0, 5)));

const allowedOf = (options: FaithfulnessOptions) => {
  const allowed = new Set(options.allowedTerms?.flatMap((t) => words(t).map((w) => w.toLowerCase())) ?? []);
  return { allowed, allowedStems: new Set([...allowed].map(stem)) };
};

/**
 * Why `statement` is not supported by `evidence` (texts it cites), or null when it is.
 * The reason names the first failed rule in words a rep can act on.
 */
export function unsupportedReason(statement: string, evidence: readonly string[], options: FaithfulnessOptions = {}): string | null {
  return reasonAgainst(statement, merge(evidence.map(analyse)), allowedOf(options));
}

/** 45000000 → "45,000,000" (Intl's formatter costs more than the whole check). */
const thousands = (n: number) => {
  const [whole, fraction] = String(n).split(".");
  return whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (fraction ? `.${fraction}` : "");
};

function reasonAgainst(statement: string, e: Evidence, { allowed, allowedStems }: ReturnType<typeof allowedOf>): string | null {
  const inventedFigure = figures(statement).find((n) => !e.figures.has(n));
  if (inventedFigure !== undefined) return `the figure ${thousands(inventedFigure)} is not in the cited source`;

  const inventedName = names(statement).find((n) => !e.words.has(n) && !allowed.has(n) && !e.stems.has(stem(n)));
  if (inventedName) return `it names "${inventedName}", which the cited source does not mention`;

  if (hasNegation(statement) && !e.negation) return "it negates what the cited source says";

  const content = contentStems(statement).filter((s) => !allowedStems.has(s));
  if (content.length === 0) return null;
  const shared = content.filter((s) => sharesStem(s, e)).length;
  if (shared < Math.min(2, content.length) || shared / content.length < MIN_COVERAGE)
    return `only ${shared} of its ${content.length} content words come from the cited source`;

  for (const clause of statement.split(CLAUSE_BREAK)) {
    const clauseContent = contentStems(clause ?? "").filter((s) => !allowedStems.has(s));
    if (clauseContent.length >= 2 && !clauseContent.some((s) => sharesStem(s, e)))
      return `the clause "${clause!.trim()}" is not in the cited source`;
  }
  return null;
}

const isMarkedAssumption = (text: string) => text.trim().toLowerCase().startsWith(ASSUMPTION_MARKER.toLowerCase());

/**
 * Verdict on one claim against the company's facts: an assumption if marked; otherwise supported
 * only when it cites at least one known fact and the cited facts together say it.
 */
export function checkClaim(claim: Claim, facts: readonly CitableFact[], options: FaithfulnessOptions = {}): ClaimVerdict {
  return judgeClaim(claim, new Map(facts.map((f) => [f.id, f])), new Map(), allowedOf(options));
}

function judgeClaim(claim: Claim, byId: ReadonlyMap<number, CitableFact>, read: Map<number, Evidence>, terms: ReturnType<typeof allowedOf>): ClaimVerdict {
  if (claim.assumption || isMarkedAssumption(claim.text)) return { status: "assumption" };
  if (claim.factIds.length === 0) return { status: "unsupported", reason: "it cites no fact and is not marked as an assumption" };
  const unknown = claim.factIds.filter((id) => !byId.has(id));
  if (unknown.length > 0) return { status: "unsupported", reason: `it cites fact ${unknown.join(", ")}, which this company does not have` };
  const evidence = claim.factIds.map((id) => {
    if (!read.has(id)) read.set(id, analyse(byId.get(id)!.fact));
    return read.get(id)!;
  });
  const reason = reasonAgainst(claim.text, merge(evidence), terms);
  return reason ? { status: "unsupported", reason } : { status: "supported", factIds: [...new Set(claim.factIds)] };
}

/** `checkClaim` over a list, in order; each fact is read once for all of them. */
export function checkClaims(claims: readonly Claim[], facts: readonly CitableFact[], options: FaithfulnessOptions = {}): ClaimVerdict[] {
  const byId = new Map(facts.map((f) => [f.id, f]));
  const read = new Map<number, Evidence>();
  const terms = allowedOf(options);
  return claims.map((c) => judgeClaim(c, byId, read, terms));
}

/** Sentences of a free text: split after . ! ? and at line breaks; blank pieces dropped. */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?])\s+(?=[\p{Lu}\p{N}"'“(])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Per-sentence verdicts for free text (a rebuttal, an email) against the sources it may rest on.
 * A sentence is supported by a single source, or by the two sources sharing most words with it
 * (a sentence may join two facts). Sentences that assert nothing checkable — under two content
 * words and no figure, or a question with no figure or name outside the allowed terms — are
 * `no_claim`.
 */
export function checkSentences(text: string, sources: readonly SourceText[], options: FaithfulnessOptions = {}): SentenceVerdict[] {
  const terms = allowedOf(options);
  const read = sources.map((source) => ({ source, evidence: analyse(source.text) }));

  return splitSentences(text).map((sentence): SentenceVerdict => {
    if (isMarkedAssumption(sentence)) return { sentence, status: "assumption" };
    const content = contentStems(sentence).filter((s) => !terms.allowedStems.has(s));
    const hasFigure = figures(sentence).length > 0;
    const hasName = names(sentence).some((n) => !terms.allowed.has(n));
    if (!hasFigure && (content.length < 2 || (sentence.endsWith("?") && !hasName))) return { sentence, status: "no_claim" };

    const order = read
      .map((r) => ({ ...r, overlap: content.filter((s) => sharesStem(s, r.evidence)).length }))
      .filter((r) => r.overlap > 0)
      .sort((a, b) => b.overlap - a.overlap);
    if (order.length === 0) return { sentence, status: "unsupported", reason: "no source mentions what it says" };
    const candidates = [...order.map((r) => [r]), ...(order.length > 1 ? [order.slice(0, 2)] : [])];
    let firstReason: string | null = null;
    for (const candidate of candidates) {
      const reason = reasonAgainst(sentence, merge(candidate.map((r) => r.evidence)), terms);
      if (!reason) return { sentence, status: "supported", sourceIds: candidate.map((r) => r.source.id) };
      firstReason ??= reason;
    }
    return { sentence, status: "unsupported", reason: firstReason ?? "no source says it" };
  });
}
