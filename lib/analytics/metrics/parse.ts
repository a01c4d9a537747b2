import { DIMENSIONS, FILTER_VALUES, MEASURES, ORDER_WORDS, STOPWORDS, type Dimension, type FilterValue, type Measure } from "./vocabulary";

/** The span of time a question covers; `all` when it names none. */
export type TimeWindow =
  | { kind: "all"; named: boolean; label: string }
  | { kind: "range"; from: number; to: number | null; label: string };

/** A question read as measures × at most one breakdown × filters × a window, ordered and limited. */
export type MetricsPlan = {
  measures: Measure[];
  dimension: Dimension | null;
  filters: FilterValue[];
  window: TimeWindow;
  order: "asc" | "desc" | null;
  limit: number | null;
};

export type Understanding =
  | { understood: true; plan: MetricsPlan; parts: string[] }
  | { understood: false; unknown: string[]; problem: string | null };

const DAY = 86_400_000;
const UNITS: Record<string, { days: number; name: string }> = {
  day: { days: 1, name: "day" }, days: { days: 1, name: "day" },
  week: { days: 7, name: "week" }, weeks: { days: 7, name: "week" },
  month: { days: 30, name: "month" }, months: { days: 30, name: "month" },
  year: { days: 365, name: "year" }, years: { days: 365, name: "year" },
};

const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Lower-case words and numbers; everything else separates them (`c-level` reads `c level`). */
export function tokens(question: string): string[] {
  return question.replace(INVISIBLE, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim().split(" ").filter(Boolean);
}

const startOfUtcDay = (t: number) => Math.floor(t / DAY) * DAY;

/** "last 30 days", "past week", "this month", "today", "yesterday", "all time": how many tokens it took, and the window. */
function readWindow(words: string[], i: number, now: number): { taken: number; window: TimeWindow } | null {
  const [a, b, c] = [words[i], words[i + 1], words[i + 2]];
  const today = startOfUtcDay(now);
  if ((a === "last" || a === "past" || a === "previous") && b && /^\d+$/.test(b) && c && UNITS[c]) {
    const n = Number(b);
    if (n < 1 || n > 3650) return null;
    const days = n * UNITS[c]!.days;
    return { taken: 3, window: { kind: "range", from: today - (days - 1) * DAY, to: null, label: `the last ${n} ${UNITS[c]!.name}${n === 1 ? "" : "s"}` } };
  }
  if ((a === "last" || a === "past" || a === "previous") && b && UNITS[b] && !b.endsWith("s")) {
    const days = UNITS[b]!.days;
    return { taken: 2, window: { kind: "range", from: today - (days - 1) * DAY, to: null, label: `the last ${days} days` } };
  }
  if (a === "this" && (b === "week" || b === "month" || b === "year")) {
    const d = new Date(today);
    const from =
      b === "week" ? today - ((d.getUTCDay() + 6) % 7) * DAY
      : b === "month" ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)
      : Date.UTC(d.getUTCFullYear(), 0, 1);
    return { taken: 2, window: { kind: "range", from, to: null, label: `this ${b} (UTC)` } };
  }
  if (a === "today") return { taken: 1, window: { kind: "range", from: today, to: null, label: "today (UTC)" } };
  if (a === "yesterday") return { taken: 1, window: { kind: "range", from: today - DAY, to: today, label: "yesterday (UTC)" } };
  if (a === "all" && b === "time") return { taken: 2, window: { kind: "all", named: true, label: "all time" } };
  if (a === "so" && b === "far") return { taken: 2, window: { kind: "all", named: true, label: "all time" } };
  if (a === "ever") return { taken: 1, window: { kind: "all", named: true, label: "all time" } };
  return null;
}

type Phrase = { words: string[]; kind: "measure"; measure: Measure } | { words: string[]; kind: "dimension"; dimension: Dimension } | { words: string[]; kind: "filter"; filter: FilterValue };

/** Every phrase of the vocabulary, longest first, so "reply rate" wins over "reply". */
const PHRASES: Phrase[] = [
  ...MEASURES.flatMap((measure) => measure.phrases.map((p) => ({ words: tokens(p), kind: "measure" as const, measure }))),
  ...DIMENSIONS.flatMap((dimension) => dimension.phrases.map((p) => ({ words: tokens(p), kind: "dimension" as const, dimension }))),
  ...FILTER_VALUES.flatMap((filter) => filter.phrases.map((p) => ({ words: tokens(p), kind: "filter" as const, filter }))),
].sort((x, y) => y.words.length - x.words.length);

const MAX_LIMIT = 50;

/**
 * Reads a question with the metrics vocabulary. It is understood only when every word is a
 * phrase of the vocabulary, a window, a limit, an ordering word or a word without meaning here;
 * otherwise the words it could not place are returned, so the answer can say so rather than
 * answer a different question. `now` fixes what "the last 30 days" means.
 */
export function understand(question: string, now: number): Understanding {
  const words = tokens(question);
  const unknown: string[] = [];
  const measures: Measure[] = [];
  const dimensions: Dimension[] = [];
  const filters: FilterValue[] = [];
  let window: TimeWindow | null = null;
  let order: "asc" | "desc" | null = null;
  let limit: number | null = null;

  for (let i = 0; i < words.length; ) {
    const word = words[i]!;
    const timed = readWindow(words, i, now);
    if (timed) {
      if (window) return { understood: false, unknown: [], problem: "The question names two time windows; ask about one." };
      window = timed.window;
      i += timed.taken;
      continue;
    }
    const next = words[i + 1];
    if (ORDER_WORDS[word] && next && /^\d+$/.test(next)) {
      order = ORDER_WORDS[word]!;
      limit = Math.min(MAX_LIMIT, Math.max(1, Number(next)));
      i += 2;
      continue;
    }
    if (ORDER_WORDS[word]) {
      order = ORDER_WORDS[word]!;
      i++;
      continue;
    }
    const phrase = PHRASES.find((p) => p.words.every((w, k) => words[i + k] === w));
    if (phrase) {
      if (phrase.kind === "measure" && !measures.includes(phrase.measure)) measures.push(phrase.measure);
      if (phrase.kind === "dimension" && !dimensions.includes(phrase.dimension)) dimensions.push(phrase.dimension);
      if (phrase.kind === "filter" && !filters.includes(phrase.filter)) filters.push(phrase.filter);
      i += phrase.words.length;
      continue;
    }
    if (!STOPWORDS.has(word)) unknown.push(word);
    i++;
  }

  if (unknown.length) return { understood: false, unknown: [...new Set(unknown)], problem: null };
  if (measures.length === 0) return { understood: false, unknown: [], problem: "The question names nothing to count or measure (emails sent, replies, reply rate, meetings…)." };
  if (dimensions.length > 1) return { understood: false, unknown: [], problem: `The question asks for ${dimensions.length} breakdowns (${dimensions.map((d) => d.label).join(" and ")}); offline answers break down by one at a time.` };
  const sources = new Set(measures.map((m) => m.source));
  if (sources.size > 1) return { understood: false, unknown: [], problem: `${measures.map((m) => m.label).join(" and ")} come from different records (emails, reply outcomes, contacts); ask about them separately.` };
  const dimension = dimensions[0] ?? null;
  if (measures[0]!.source === "contacts" && (window || dimension?.time)) {
    return { understood: false, unknown: [], problem: "Contacts are counted as they are now; a time window or a calendar breakdown does not apply to them." };
  }
  const plan: MetricsPlan = { measures, dimension, filters, window: window ?? { kind: "all", named: false, label: "all time" }, order, limit };
  return { understood: true, plan, parts: describePlan(plan) };
}

/** The plan in words, part by part, as the answer states what it understood. */
export function describePlan(plan: MetricsPlan): string[] {
  return [
    `measure: ${plan.measures.map((m) => m.label).join(", ")}`,
    plan.dimension ? `by ${plan.dimension.label}` : "in total",
    ...plan.filters.map((f) => `${f.dimension} = ${f.value}`),
    `window: ${plan.window.label}${plan.window.kind === "all" && !plan.window.named ? " (no window named)" : ""}`,
    ...(plan.limit ? [`${plan.order === "asc" ? "bottom" : "top"} ${plan.limit}`] : plan.order ? [`${plan.order === "asc" ? "smallest" : "largest"} first`] : []),
  ];
}

/**
 * How sure the offline answer is, by a documented rule (not a model's number): 0.95 when the
 * question named its measure, breakdown and window in the vocabulary's words; 0.05 less for a
 * window it left to the default (all time), since "reply rate by vertical" may mean recently.
 */
export function confidenceOf(plan: MetricsPlan): number {
  return plan.window.kind === "all" && !plan.window.named ? 0.9 : 0.95;
}
