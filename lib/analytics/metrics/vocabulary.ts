import { SENIORITIES, VERTICALS } from "@/db/schema";

/**
 * The metrics layer's vocabulary: what an offline question may ask for, each with the phrases
 * that name it. A question is answered only when every word in it is one of these phrases or a
 * word that carries no meaning here (STOPWORDS); anything else is reported as not understood.
 */

/** Where a measure's numbers come from; measures from different sources are not combined. */
export type FactSource = "emails" | "outcomes" | "contacts";

export type Measure = {
  id: string;
  label: string;
  phrases: string[];
  source: FactSource;
  /** Aggregate over the email rows in scope (`e`), for the emails source. */
  emailSql?: string;
  /** The same count from the trigger-kept per-contact (`x`) or per-campaign (`s`) stats, for all-time questions. */
  statsSql?: string;
  /** A rate: 100 × numerator / denominator, both measure ids of the same source. */
  ratio?: { numerator: string; denominator: string };
  format: "count" | "percent";
};

export const MEASURES: Measure[] = [
  { id: "sent", label: "emails sent", phrases: ["emails sent", "sent emails", "sent", "outbound emails", "outbound", "emails", "email volume", "sends"], source: "emails", emailSql: "sum(e.direction = 'outbound')", statsSql: "sum(x.outbound)", format: "count" },
  { id: "replies", label: "replies", phrases: ["replies", "reply", "replied", "responses", "inbound emails", "inbound"], source: "emails", emailSql: "sum(e.direction = 'inbound')", statsSql: "sum(x.inbound)", format: "count" },
  { id: "opened", label: "emails opened", phrases: ["opens", "opened", "emails opened", "opened emails"], source: "emails", emailSql: "sum(e.direction = 'outbound' AND e.opened_at IS NOT NULL)", statsSql: "sum(x.opened)", format: "count" },
  { id: "bounced", label: "bounces", phrases: ["bounces", "bounced", "bounce", "bounced emails"], source: "emails", emailSql: "sum(e.bounced_at IS NOT NULL)", statsSql: "sum(x.bounced)", format: "count" },
  { id: "reply_rate", label: "reply rate (replies per 100 emails sent)", phrases: ["reply rate", "response rate", "replies per email"], source: "emails", ratio: { numerator: "replies", denominator: "sent" }, format: "percent" },
  { id: "open_rate", label: "open rate (% of emails sent that were opened)", phrases: ["open rate", "opening rate"], source: "emails", ratio: { numerator: "opened", denominator: "sent" }, format: "percent" },
  { id: "bounce_rate", label: "bounce rate (% of emails sent that bounced)", phrases: ["bounce rate"], source: "emails", ratio: { numerator: "bounced", denominator: "sent" }, format: "percent" },
  { id: "meetings", label: "meetings booked", phrases: ["meetings booked", "meetings", "meeting", "booked meetings"], source: "outcomes", format: "count" },
  { id: "unsubscribes", label: "unsubscribes", phrases: ["unsubscribes", "unsubscribed", "opt outs", "opt out", "unsubscriptions"], source: "outcomes", format: "count" },
  { id: "contacts", label: "contacts", phrases: ["contacts", "people", "leads", "number of contacts"], source: "contacts", format: "count" },
];

/** Outcome labels each outcomes measure counts. */
export const OUTCOME_LABELS: Record<string, string> = { meetings: "meeting_scheduled", unsubscribes: "unsubscribe" };

export type Dimension = {
  id: string;
  label: string;
  phrases: string[];
  /** A calendar grouping of the fact's time; needs rows with times, so never read from the stats tables. */
  time?: "day" | "week" | "month";
};

export const DIMENSIONS: Dimension[] = [
  { id: "vertical", label: "vertical", phrases: ["vertical", "verticals", "industry", "industries", "sector", "sectors"] },
  { id: "seniority", label: "seniority", phrases: ["seniority", "seniority level", "level", "levels"] },
  { id: "campaign", label: "campaign", phrases: ["campaign", "campaigns"] },
  { id: "company", label: "company", phrases: ["company", "companies", "account", "accounts"] },
  { id: "country", label: "country", phrases: ["country", "countries"] },
  { id: "day", label: "day", phrases: ["day", "days", "daily"], time: "day" },
  { id: "week", label: "week", phrases: ["week", "weeks", "weekly"], time: "week" },
  { id: "month", label: "month", phrases: ["month", "months", "monthly"], time: "month" },
];

/** A value that narrows the question to one vertical or seniority band. */
export type FilterValue = { dimension: "vertical" | "seniority"; value: string; phrases: string[] };

const VERTICAL_NAMES: Record<(typeof VERTICALS)[number], string[]> = {
  saas: ["saas", "software"],
  fintech: ["fintech", "financial technology"],
  healthcare: ["healthcare", "health care", "health"],
  manufacturing: ["manufacturing", "manufacturers"],
  logistics: ["logistics"],
  retail: ["retail", "retailers"],
};

const SENIORITY_NAMES: Record<(typeof SENIORITIES)[number], string[]> = {
  c_level: ["c level", "c suite", "executives", "cxo", "cxos"],
  vp: ["vp", "vps", "vice presidents"],
  director: ["director", "directors"],
  manager: ["manager", "managers"],
  senior: ["senior individual contributors", "seniors"],
  entry: ["entry level", "juniors"],
};

export const FILTER_VALUES: FilterValue[] = [
  ...VERTICALS.map((value) => ({ dimension: "vertical" as const, value, phrases: VERTICAL_NAMES[value] })),
  ...SENIORITIES.map((value) => ({ dimension: "seniority" as const, value, phrases: SENIORITY_NAMES[value] })),
];

/** Words that carry no meaning for the metrics layer. */
export const STOPWORDS = new Set(
  ("a an the of by per for in on at to from with and or is are was were be been what which who how many much " +
    "show me list give tell get see our my we us i each every all total number count numbers please " +
    "do did does has have had there their it its breakdown broken down split across over during within " +
    "as so far ever whole overall that into gets got getting receive received").split(/\s+/),
);

/** Words that order the answer: the largest values first, or the smallest. */
export const ORDER_WORDS: Record<string, "desc" | "asc"> = {
  top: "desc", most: "desc", highest: "desc", best: "desc", largest: "desc", biggest: "desc", more: "desc",
  bottom: "asc", least: "asc", lowest: "asc", worst: "asc", smallest: "asc", fewest: "asc", fewer: "asc",
};
