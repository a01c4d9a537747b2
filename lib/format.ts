const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC",
});
const numberFormat = new Intl.NumberFormat("en");

type DateLike = Date | string | number | null | undefined;

function toDate(value: DateLike): Date | null {
  if (value === null || value === undefined) return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "3 Nov 2026"; an em dash for no date. Dates are shown in UTC so server and browser agree. */
export function formatDate(value: DateLike): string {
  const d = toDate(value);
  return d ? dateFormat.format(d) : "—";
}

export function formatDateTime(value: DateLike): string {
  const d = toDate(value);
  return d ? `${dateTimeFormat.format(d)} UTC` : "—";
}

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** 0.873 → "87%". */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/**
 * Tokens whose display name is not their words capitalised: seniorities and verticals
 * (db/schema/crm.ts) whose names are acronyms or have a fixed spelling.
 */
const DISPLAY_NAMES: Record<string, string> = {
  c_level: "C-level",
  vp: "VP",
  saas: "SaaS",
};

/** "c_level" → "C-level", "do_not_contact" → "Do not contact", "saas" → "SaaS". A label, capitalised. */
export function humanize(token: string): string {
  const known = DISPLAY_NAMES[token];
  if (known) return known;
  const words = token.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Acronyms ("IT", "HR", "B2B"), names with an inner capital ("SaaS") and "C-level" keep their case inside a sentence. */
const KEEPS_CASE = /^(?:[A-Z0-9&]{2,}|[A-Za-z]*[a-z][A-Z][A-Za-z]*|[A-Z]-[a-z]+)$/;

/**
 * A label as it reads inside a sentence: "Revenue Operations" → "revenue operations", "IT" →
 * "IT", "SaaS" → "SaaS". Lower-casing a whole label turned "IT teams" into "it teams".
 */
export function inSentence(label: string): string {
  return label
    .split(/(\s+)/)
    .map((word) => (KEEPS_CASE.test(word) ? word : word.toLowerCase()))
    .join("");
}

/** A token (a vertical, a seniority) as it reads inside a sentence: "saas" → "SaaS", "fintech" → "fintech", "c_level" → "C-level". */
export function tokenInSentence(token: string): string {
  return inSentence(humanize(token));
}

/** "850 ms", "4.2 s", "3 min 5 s"; an em dash for something that has not ended. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1_000)} s`;
}

/** Dollars as the console shows them: cents from $1 up, hundredths of a cent below (a $0.001 budget never reads "$0.00"). */
export function formatUsd(n: number): string {
  // Cents for whole amounts and nothing; four places only where a fraction of a cent matters (a model call's cost).
  return `$${n.toFixed(n >= 1 || n === 0 ? 2 : 4)}`;
}

/** At most `max` characters, cut at a word boundary with "…" when it is longer ("Follow up with Ada: book a…"). */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, "")}…`;
}
