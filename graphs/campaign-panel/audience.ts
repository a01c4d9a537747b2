import type { Seniority, Vertical } from "@/db/schema";
import type { AudienceProfile, AudienceTheme, FactTheme, Share } from "./state";

/**
 * The audience as the query reads it: one row per contact (its vertical, seniority, country and
 * company) and each of their companies' most confident facts.
 */
export type AudienceRows = {
  contacts: { companyId: number; vertical: Vertical; seniority: Seniority | null; country: string | null }[];
  facts: { companyId: number; fact: string; confidence: number }[];
};

/**
 * Which theme a fact speaks to, first match wins: the order settles overlaps ("Hiring 12
 * compliance analysts" is hiring, "Raised $20M to expand" is funding). Facts are written
 * differently by every company ("Opened a plant in Lyon", "Opened 3 stores"), so the panel
 * compares themes, not sentences.
 */
const THEME_RULES: readonly { theme: FactTheme; label: string; test: RegExp }[] = [
  { theme: "hiring", label: "a hiring push", test: /\bhiring\b|\bhired\b|\brecruit/i },
  { theme: "funding", label: "new funding", test: /\braised\b|\bseries [a-z]\b|\bfunding\b|\binvestment round\b/i },
  { theme: "compliance", label: "a compliance milestone", test: /\blicen[cs]e\b|\bsoc ?2\b|\baudit\b|\bcompliance\b|\bhl7\b|\bfhir\b|\bhipaa\b|\bgdpr\b/i },
  { theme: "leadership", label: "new leadership", test: /\bnamed a new\b|\bappointed\b|\bchief\b|\bnew (ceo|cfo|cro|cto|coo)\b/i },
  { theme: "systems", label: "a named tool stack", test: /\bmigrat|\bmoved its\b|\breplaced its\b|\bstandardi[sz]ed on\b|\brelaunched\b.*\bon\b|\bruns its\b|\buses\b/i },
  { theme: "expansion", label: "an expansion", test: /\bopened\b|\bexpand|\bnew (office|plant|market|region)s?\b|\breshoring\b|\bdistribution cent/i },
  { theme: "launch", label: "a launch or partnership", test: /\blaunched\b|\bpartner|\bannounced\b|\brolled out\b/i },
  { theme: "growth", label: "reported growth", test: /\bgrew\b|\bgrowth\b|\bgrowing\b/i },
  { theme: "operations", label: "operational pressure", test: /\bdowntime\b|\bmaintenance\b|\bon-time\b|\bpeak season\b|\bthroughput\b/i },
];

const LABELS = Object.fromEntries(THEME_RULES.map((r) => [r.theme, r.label])) as Record<FactTheme, string>;

/** The theme a company fact speaks to, or null when it fits none. */
export function themeOf(fact: string): FactTheme | null {
  return THEME_RULES.find((r) => r.test.test(fact))?.theme ?? null;
}

/** "a hiring push", "new funding"… as a sentence reads it. */
export function themeLabel(theme: FactTheme): string {
  return LABELS[theme];
}

const round = (n: number, places = 3) => Math.round(n * 10 ** places) / 10 ** places;

function shares<V>(values: readonly V[], total: number): Share<V>[] {
  const counts = new Map<V, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count, share: total ? round(count / total) : 0 }))
    .sort((a, b) => b.count - a.count || String(a.value).localeCompare(String(b.value)));
}

/** Most countries listed; the rest are too small to shape a sequence. */
const COUNTRIES_SHOWN = 5;
/** Examples kept per theme, most confident first. */
const EXAMPLES = 2;

/**
 * Who the audience is and what its companies share: contacts per vertical, seniority and country,
 * and per theme the number of companies with at least one fact of it (a company counts once per
 * theme), with its two most confident facts as examples.
 */
export function summarizeAudience(rows: AudienceRows): AudienceProfile {
  const total = rows.contacts.length;
  const companyIds = new Set(rows.contacts.map((c) => c.companyId));
  const byTheme = new Map<FactTheme, { companies: Set<number>; facts: { fact: string; confidence: number }[] }>();
  for (const f of rows.facts) {
    if (!companyIds.has(f.companyId)) continue;
    const theme = themeOf(f.fact);
    if (!theme) continue;
    const entry = byTheme.get(theme) ?? { companies: new Set(), facts: [] };
    entry.companies.add(f.companyId);
    entry.facts.push(f);
    byTheme.set(theme, entry);
  }
  const themes: AudienceTheme[] = [...byTheme]
    .map(([theme, e]) => ({
      theme,
      label: themeLabel(theme),
      companies: e.companies.size,
      share: companyIds.size ? round(e.companies.size / companyIds.size) : 0,
      examples: [...new Set(e.facts.sort((a, b) => b.confidence - a.confidence).map((f) => f.fact))].slice(0, EXAMPLES),
    }))
    .sort((a, b) => b.companies - a.companies || a.theme.localeCompare(b.theme));
  return {
    contacts: total,
    companies: companyIds.size,
    verticals: shares(rows.contacts.map((c) => c.vertical), total),
    seniorities: shares(rows.contacts.map((c) => c.seniority ?? ("unknown" as const)), total),
    countries: shares(rows.contacts.map((c) => c.country).filter((c): c is string => c !== null), total).slice(0, COUNTRIES_SHOWN),
    themes,
    factsRead: rows.facts.length,
  };
}

/** Share of the audience that is VP or C-level. */
export function seniorShare(profile: AudienceProfile): number {
  return round(profile.seniorities.filter((s) => s.value === "c_level" || s.value === "vp").reduce((sum, s) => sum + s.share, 0));
}

/** The audience's vertical when one holds at least 60 % of it, else null (a mixed audience). */
export function dominantVertical(profile: AudienceProfile): Vertical | null {
  const top = profile.verticals[0];
  return top && top.share >= 0.6 ? top.value : null;
}
