import { getTableName, is } from "drizzle-orm";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { DENIED_FUNCTION_PREFIXES, DENIED_FUNCTIONS } from "@/db/read-only/denied-functions";
import * as schema from "@/db/schema";

/**
 * The only tables an analytics query may read: the CRM, nothing about users, runs or secrets. The
 * two `*_email_stats` tables are derived from `emails` by triggers (per-contact and per-campaign
 * counts) and hold nothing the emails table does not.
 */
export const CRM_TABLES = ["companies", "contacts", "company_facts", "email_campaigns", "campaign_enrollments", "emails", "outcomes", "contact_email_stats", "campaign_email_stats"] as const;
export type CrmTable = (typeof CRM_TABLES)[number];

const CRM = new Set<string>(CRM_TABLES);

/**
 * Every other table we know of, from the live schema plus the ones created outside it, so a new
 * table is off limits the day it is added. Used for the clearest reason and for the final token
 * scan; the allowlist above is what actually decides.
 */
export const FORBIDDEN_TABLES: ReadonlySet<string> = new Set([
  ...Object.values(schema as Record<string, unknown>)
    .filter((value): value is SQLiteTable => is(value, SQLiteTable))
    .map((table) => getTableName(table).toLowerCase())
    .filter((name) => !CRM.has(name)),
  "__drizzle_migrations", "sqlite_master", "sqlite_schema", "sqlite_temp_master", "sqlite_temp_schema", "sqlite_sequence", "sqlite_stat1", "sqlite_stat4",
  "sqlite_dbpage", "sqlite_stmt", "dbstat", "fsdir", "generate_series", "carray", "vector_top_k", "fts3tokenize", "fts5vocab", "fts4aux",
]);

/** Name prefixes of engine internals and tables created outside the schema (checkpoints*). */
export const FORBIDDEN_PREFIXES = ["sqlite_", "pragma_", "checkpoint", "libsql_", "__drizzle", "sqlite3mc_"] as const;

export function isCrmTable(name: string): name is CrmTable {
  return CRM.has(name.toLowerCase());
}

export function isForbiddenName(name: string): boolean {
  const lower = name.toLowerCase();
  return FORBIDDEN_TABLES.has(lower) || FORBIDDEN_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/**
 * Table-valued functions a query may use in FROM. json_each/json_tree read nothing but their
 * argument, and that argument is itself checked (a column of an allowed table or a literal), so
 * they can only re-shape data the query could already read: cadence_days is a JSON array.
 */
export const TABLE_FUNCTIONS = new Set(["json_each", "json_tree"]);

/** randomblob/zeroblob may make at most this many bytes: enough for a test, not for a memory bomb. */
export const MAX_BLOB_BYTES = 1024;
export const SIZED_BLOB_FUNCTIONS = new Set(["randomblob", "zeroblob"]);

/**
 * Every function an analytics query may call. A function on neither list is refused as unknown:
 * the engine ships extensions (file I/O, SQL-in-a-string hashing) that a denylist alone would
 * miss. `exists` is how the parser spells EXISTS (…).
 */
export const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set([
  // core scalar
  "abs", "char", "coalesce", "concat", "concat_ws", "format", "glob", "hex", "ifnull", "iif", "instr", "length", "like",
  "likelihood", "likely", "lower", "ltrim", "max", "min", "nullif", "octet_length", "printf", "quote", "random", "replace",
  "round", "rtrim", "sign", "substr", "substring", "trim", "typeof", "unhex", "unicode", "unlikely", "upper", "exists",
  "regexp", "regexpi", "soundex", "subtype", "randomblob", "zeroblob", "uuid", "uuid_str", "uuid_blob", "sha3",
  // string helpers compiled into libSQL
  "leftstr", "rightstr", "padl", "padr", "padc", "proper", "reverse", "replicate", "strfilter", "charindex", "difference",
  // math
  "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "atn2", "ceil", "ceiling", "cos", "cosh", "cot", "coth",
  "degrees", "exp", "floor", "ln", "log", "log10", "pi", "power", "radians", "sin", "sinh", "sqrt", "square", "tan", "tanh",
  // date and time
  "date", "time", "datetime", "julianday", "unixepoch", "strftime", "timediff", "current_date", "current_time", "current_timestamp",
  // aggregates
  "avg", "count", "group_concat", "string_agg", "sum", "total", "median", "mode", "stdev", "variance", "lower_quartile", "upper_quartile",
  // window
  "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value", "last_value", "nth_value",
  // JSON
  "json", "json_array", "json_array_length", "json_error_position", "json_extract", "json_insert", "json_object", "json_patch",
  "json_quote", "json_remove", "json_replace", "json_set", "json_type", "json_valid", "json_group_array", "json_group_object",
  "json_each", "json_tree", "jsonb", "jsonb_array", "jsonb_extract", "jsonb_group_array", "jsonb_group_object", "jsonb_insert",
  "jsonb_object", "jsonb_patch", "jsonb_remove", "jsonb_replace", "jsonb_set",
]);

/**
 * Engine functions reviewed and deliberately not offered: harmless but meaningless here (row
 * counters of this connection, full-text and vector internals). They are refused as unknown; the
 * list exists so a test can tell a reviewed function from one a libSQL upgrade added.
 */
export const NOT_OFFERED_FUNCTIONS: ReadonlySet<string> = new Set([
  "changes", "total_changes", "last_insert_rowid", "last_rows_affected", "bm25", "highlight", "snippet", "match", "matchinfo", "offsets",
  "->", "->>",
]);
export const NOT_OFFERED_PREFIXES = ["vector", "geopoly_"] as const;

/** Whether a function name has been reviewed at all (allowed, denied or deliberately not offered). */
export function isReviewedFunction(name: string): boolean {
  const lower = name.toLowerCase();
  return ALLOWED_FUNCTIONS.has(lower) || DENIED_FUNCTIONS.has(lower) || NOT_OFFERED_FUNCTIONS.has(lower)
    || [...DENIED_FUNCTION_PREFIXES, ...NOT_OFFERED_PREFIXES].some((prefix) => lower.startsWith(prefix));
}

/** Why a function may not be called, or null when it may. */
export function functionVerdict(name: string): string | null {
  const lower = name.toLowerCase();
  const denied = DENIED_FUNCTIONS.get(lower);
  if (denied) return `The function ${lower}() is not allowed: it ${denied}.`;
  if (DENIED_FUNCTION_PREFIXES.some((prefix) => lower.startsWith(prefix))) return `The function ${lower}() is not allowed: it belongs to the database engine's internals.`;
  if (!ALLOWED_FUNCTIONS.has(lower)) return `The function ${lower}() is not on the list of functions analytics queries may use.`;
  return null;
}
