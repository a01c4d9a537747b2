import { MAX_REPAIRS, QUERYABLE_TABLES, type TextToSqlStateType } from "./state";

const TABLE_WORDS: Record<(typeof QUERYABLE_TABLES)[number], RegExp> = {
  companies: /\b(compan(y|ies)|vertical|industr(y|ies)|country|countries|account)/i,
  contacts: /\b(contacts?|people|person|leads?|seniorit|titles?|reps?|owners?)/i,
  company_facts: /\bfacts?\b/i,
  email_campaigns: /\bcampaigns?\b/i,
  campaign_enrollments: /\b(enrol|sequences?|steps?|touch(es)?)/i,
  emails: /\b(e-?mails?|opens?|opened|repl(y|ies|ied)|bounce|sent|send)/i,
  outcomes: /\b(outcomes?|meetings?|interested|convert|unsubscrib|labels?)/i,
};

/** The keyword reading of a question's tables, used when no model is available. */
export function tablesFromKeywords(question: string): string[] {
  const found = QUERYABLE_TABLES.filter((t) => TABLE_WORDS[t].test(question));
  return found.length ? found : ["contacts", "companies"];
}

/** The model wrote the SQL and has repairs left; a catalogue query is never "repaired" by guesswork. */
export function canRepair(state: TextToSqlStateType): boolean {
  return state.sqlSource === "model" && (state.repairs ?? 0) < MAX_REPAIRS;
}

export function afterGenerate(state: TextToSqlStateType): "validate_sql" | "summarize" {
  return state.sql ? "validate_sql" : "summarize";
}

export function afterValidate(state: TextToSqlStateType): "execute_sql" | "repair_sql" | "summarize" {
  if (state.validation?.ok) return state.execute ? "execute_sql" : "summarize";
  return canRepair(state) ? "repair_sql" : "summarize";
}

/** The first successful execution ends the loop; an empty result is a success. */
export function afterExecute(state: TextToSqlStateType): "repair_sql" | "summarize" {
  const last = state.attempts?.at(-1);
  if (!last || last.kind === "ok") return "summarize";
  return canRepair(state) ? "repair_sql" : "summarize";
}

export function afterRepair(state: TextToSqlStateType): "validate_sql" | "summarize" {
  // A repair that produced nothing new (model unavailable) stops the loop.
  return state.attempts?.at(-1)?.sql === state.sql ? "summarize" : "validate_sql";
}

/** Confidence falls with every repair it took; a fixed report is trusted most. */
export function confidenceOf(state: TextToSqlStateType): number {
  if (state.sqlSource === "catalogue") return 0.9;
  if (state.sqlSource !== "model") return 0;
  return Math.max(0.3, Math.round((0.85 - 0.15 * (state.repairs ?? 0)) * 100) / 100);
}
