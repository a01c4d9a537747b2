/**
 * Functions no analytics query may call, shared by the SQL gate (lib/analytics/sql-policy.ts),
 * which refuses them with these reasons, and the read-only executor (./pool.ts), which refuses
 * them again for a caller that skipped the gate. One list, so the two layers cannot drift.
 */
/** Functions that are never allowed, with the reason given to whoever wrote the query. */
export const DENIED_FUNCTIONS: ReadonlyMap<string, string> = new Map([
  ["load_extension", "loads native code into the database engine"],
  ["readfile", "reads files from the server's disk"],
  ["writefile", "writes files to the server's disk"],
  ["edit", "opens an editor on the server"],
  ["fsdir", "lists the server's file system"],
  ["lsmode", "belongs to the file-system extension"],
  ["fts3_tokenizer", "can register native code pointers"],
  ["fts5", "exposes full-text-search internals"],
  ["sha3_query", "runs SQL text that the gate never sees"],
  ["rtreecheck", "reads a table named in a string"],
  ["rtreenode", "exposes r-tree internals"],
  ["rtreedepth", "exposes r-tree internals"],
  ["optimize", "is a maintenance command"],
  ["zipfile", "reads archives from disk"],
  ["sqlar_compress", "belongs to the archive extension"],
  ["sqlar_uncompress", "belongs to the archive extension"],
  ["sqlite_crypt", "touches the encryption layer"],
]);

/** Prefixes of function families that are never allowed (engine internals, encryption settings). */
export const DENIED_FUNCTION_PREFIXES = ["sqlite_", "sqlite3mc_", "libsql_", "pragma_", "fts", "geopoly_debug"] as const;

/** A call of any denied function or family, in SQL whose strings and comments are already blanked. */
export const DENIED_CALL = new RegExp(
  `["\`]?\\b(${[...DENIED_FUNCTIONS.keys(), ...DENIED_FUNCTION_PREFIXES.map((prefix) => `${prefix}\\w*`)].join("|")})\\b["\`]?\\s*\\(`,
  "i",
);
