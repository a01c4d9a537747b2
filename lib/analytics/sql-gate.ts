import * as postgresqlBuild from "node-sql-parser/build/postgresql";
import * as sqliteBuild from "node-sql-parser/build/sqlite";
import { walkAst, type AstFacts } from "./ast-walk";
import { codeNames, lexSql, splitStatements, type Token } from "./sql-lexer";
import {
  CRM_TABLES, MAX_BLOB_BYTES, SIZED_BLOB_FUNCTIONS, TABLE_FUNCTIONS, functionVerdict, isCrmTable, isForbiddenName,
} from "./sql-policy";

/**
 * The SQL gate: what an operator or a model writes runs only if every layer passes. Each layer is
 * its own function so it can be tested alone; `gateSql` runs them in order. The read-only
 * connection behind the executor is the last line, not the first.
 */
export type GateLayer = "parse" | "statement" | "tables" | "functions";
export type GateRejection = { ok: false; layer: GateLayer; reason: string };
export type GateResult = { ok: true; sql: string; tables: string[] } | GateRejection;

/** A query the parse layer accepted: its AST, the facts collected from it and its normal form. */
export type ParsedQuery = {
  dialect: "sqlite" | "postgresql";
  ast: unknown;
  /** Statements as SQLite's tokenizer splits them (comments removed). */
  statements: string[];
  /** Tables the parser itself lists, as a second opinion on the walk. */
  parserTables: string[];
  facts: AstFacts;
  /** The SQL printed back from the AST: what actually runs. */
  normalised: string;
  /** The normalised SQL as SQLite's tokenizer splits it, for the final scans. */
  tokens: Token[];
};

const MAX_LENGTH = 20_000;

// One build per dialect (0.2 MB each instead of the 2.5 MB all-dialect bundle). These are CommonJS:
// a bundler exposes `Parser` on the namespace, Node's ESM loader only under `default`.
type Build = typeof sqliteBuild & { default?: typeof sqliteBuild };
const parserFrom = (build: Build) => new (build.default ?? build).Parser();
const PARSERS = { sqlite: parserFrom(sqliteBuild), postgresql: parserFrom(postgresqlBuild as Build) };
type Parser = (typeof PARSERS)["sqlite"];

// The sqlite grammar is tried first. node-sql-parser's sqlite dialect cannot read several valid
// SQLite constructs (OVER (ORDER BY …) without PARTITION BY, FILTER, NULLS LAST, EXCEPT,
// INTERSECT, RIGHT JOIN, WINDOW); its postgresql grammar can, and everything it admits still
// passes the same lexer rules, walk, round trip and final token scan before it runs.
const DIALECTS = ["sqlite", "postgresql"] as const;

const reject = (layer: GateLayer, reason: string): GateRejection => ({ ok: false, layer, reason });

function parserMessage(error: unknown): string {
  const e = error as { message?: string; location?: { start?: { line: number; column: number } }; found?: string | null };
  if (e.location?.start) {
    const found = e.found == null ? "the end of the query" : `"${e.found}"`;
    return `it stopped at ${found} (line ${e.location.start.line}, column ${e.location.start.column})`;
  }
  return (e.message ?? "unknown error").slice(0, 200);
}

// The parser reads `a NATURAL JOIN b` as `a AS natural JOIN b`, silently changing the join.
const JOIN_WORDS = new Set(["natural", "cross", "left", "right", "full", "inner", "outer", "join", "using", "on"]);

/**
 * Layer (a), reading: SQLite-faithful lexing (no construct the parser and SQLite could read
 * differently), comments removed, parsed, printed back, and the print must parse to itself.
 */
export function parseLayer(sql: string): { ok: true; parsed: ParsedQuery } | GateRejection {
  if (!sql.trim()) return reject("parse", "The query is empty.");
  if (sql.length > MAX_LENGTH) return reject("parse", `The query is longer than ${MAX_LENGTH} characters.`);
  const lexed = lexSql(sql);
  if (!lexed.ok) return reject("parse", lexed.reason);
  const statements = splitStatements(lexed.tokens);
  if (statements.length === 0) return reject("parse", "The query contains only comments.");
  const text = statements.join(";\n");
  let firstError: unknown = null;
  for (const dialect of DIALECTS) {
    const parser = PARSERS[dialect];
    let parsed: { ast: unknown; tableList: string[] };
    try {
      parsed = parser.parse(text, { database: dialect });
    } catch (error) {
      firstError ??= error;
      continue;
    }
    // Everything below is decided on the AST of the printed text, not of the text as written:
    // the print is what runs, so a literal that prints back as code is analysed as code.
    let normalised: string;
    let reparsed: { ast: unknown; tableList: string[] };
    try {
      normalised = parser.sqlify(parsed.ast as Parameters<Parser["sqlify"]>[0], { database: dialect }).trim();
      reparsed = parser.parse(normalised, { database: dialect });
      const again = parser.sqlify(reparsed.ast as Parameters<Parser["sqlify"]>[0], { database: dialect }).trim();
      if (again !== normalised) return reject("parse", "The query does not read back the same after normalising, so it cannot be checked reliably.");
    } catch {
      return reject("parse", "The query could not be printed back in a normal form, so it cannot be checked reliably.");
    }
    const relexed = lexSql(normalised);
    if (!relexed.ok || relexed.tokens.some((t) => t.kind === "comment")) {
      return reject("parse", "The normalised query does not tokenize cleanly, so it cannot be checked reliably.");
    }
    const facts = walkAst(reparsed.ast);
    const misread = facts.fromAliases.find((alias) => JOIN_WORDS.has(alias));
    if (misread) return reject("parse", `"${misread.toUpperCase()} JOIN" cannot be checked reliably; write it as JOIN … ON … instead.`);
    return { ok: true, parsed: { dialect, ast: reparsed.ast, statements, parserTables: reparsed.tableList, facts, normalised, tokens: relexed.tokens } };
  }
  return reject("parse", `The SQL parser could not read the query: ${parserMessage(firstError)}. Use plain SQLite SELECT syntax.`);
}

// Every construct tag the gate has reviewed. Anything else (an unfamiliar grammar branch) is
// refused rather than trusted to carry no table or function the walk would miss.
const KNOWN_NODE_TYPES = new Set([
  "select", "column_ref", "star", "number", "bigint", "bool", "null", "single_quote_string", "double_quote_string",
  "backticks_quote_string", "default", "origin", "hex_string", "binary_expr", "unary_expr", "expr_list", "function",
  "aggr_func", "window_func", "window", "cast", "case", "when", "else", "expr", "collate", "ASC", "DESC", "ESCAPE",
]);
const WRITES = new Set(["insert", "update", "delete", "replace", "create", "drop", "alter", "truncate", "attach", "detach", "pragma", "vacuum", "reindex", "analyze", "grant", "revoke", "use", "lock", "unlock", "rename", "transaction", "set", "call", "exec", "load_data", "declare"]);

const article = (word: string) => (/^[aeiou]/i.test(word) ? "an" : "a");

/** Layer (a), statements: exactly one statement, a SELECT, whose every CTE body is a SELECT. */
export function statementLayer(parsed: ParsedQuery): { ok: true } | GateRejection {
  const roots = (Array.isArray(parsed.ast) ? parsed.ast : [parsed.ast]).filter((s) => !(Array.isArray(s) && s.length === 0));
  const count = Math.max(parsed.statements.length, roots.length);
  if (count !== 1) return reject("statement", `Only one statement may run at a time; this query has ${count}.`);
  const root = roots[0] as { type?: unknown } | undefined;
  const type = typeof root?.type === "string" ? root.type : "unknown";
  if (type !== "select") return reject("statement", `Only SELECT queries may run; this is ${article(type)} ${type.toUpperCase()} statement.`);
  const badCte = parsed.facts.ctes.find((cte) => cte.bodyType !== "select");
  if (badCte) return reject("statement", `The WITH clause "${badCte.name}" must be a SELECT; it is ${badCte.bodyType ?? "not a query"}.`);
  const write = [...parsed.facts.nodeTypes].find((t) => WRITES.has(t.toLowerCase()));
  if (write) return reject("statement", `The query contains ${article(write)} ${write.toUpperCase()}; only reading is allowed.`);
  const unknown = [...parsed.facts.nodeTypes].find((t) => !KNOWN_NODE_TYPES.has(t));
  if (unknown) return reject("statement", `The query uses a construct ("${unknown}") the gate does not support; rewrite it with plain SELECT syntax.`);
  return { ok: true };
}

const CRM_LIST = CRM_TABLES.join(", ");

/** Layer (b): every table read, wherever it appears, is one of the seven CRM tables. */
export function tablesLayer(parsed: ParsedQuery): { ok: true; tables: string[] } | GateRejection {
  const { facts } = parsed;
  for (const cte of facts.ctes) {
    if (isForbiddenName(cte.name)) return reject("tables", `A WITH clause may not be named "${cte.name}": that name belongs to a table outside the CRM.`);
  }
  for (const ref of facts.tables) {
    if (ref.db !== null && ref.db !== "main") return reject("tables", `The schema "${ref.db}" is not allowed; read the CRM tables without a schema prefix.`);
    if (ref.cte) continue;
    if (isForbiddenName(ref.name)) return reject("tables", `The table "${ref.name}" is outside the CRM; analytics may read only ${CRM_LIST}.`);
    if (!isCrmTable(ref.name)) return reject("tables", `There is no CRM table called "${ref.name}" (or it is used outside its WITH clause); analytics may read only ${CRM_LIST}.`);
  }
  const denied = facts.tableFunctions.find((name) => !TABLE_FUNCTIONS.has(name));
  if (denied) return reject("tables", `The table-valued function ${denied}() is not allowed; only json_each and json_tree may appear in FROM.`);
  // The parser's own table list is a second opinion: a name it found that the walk did not is a
  // reference in a shape the walk does not know, and is refused rather than guessed at.
  const seen = new Set([...facts.tables.map((t) => t.name), ...facts.ctes.map((c) => c.name)]);
  for (const entry of parsed.parserTables) {
    const name = (entry.split("::")[2] ?? "").toLowerCase();
    if (name && name !== "null" && !seen.has(name)) return reject("tables", `The parser found a reference to "${name}" that the gate could not place.`);
  }
  // Final scan of the text that will run, as SQLite will tokenize it, independent of any parser.
  const named = codeNames(parsed.tokens).names.find(isForbiddenName);
  if (named) return reject("tables", `The query names "${named}", which belongs to a table outside the CRM.`);
  const tables = [...new Set(facts.tables.filter((t) => !t.cte).map((t) => t.name))].sort();
  return { ok: true, tables };
}

function blobSizeOk(args: unknown[]): boolean {
  const [arg] = args as { type?: string; value?: unknown }[];
  if (args.length !== 1 || !arg || (arg.type !== "number" && arg.type !== "bigint")) return false;
  const size = Number(arg.value);
  return Number.isFinite(size) && size >= 0 && size <= MAX_BLOB_BYTES;
}

/** Layer (c): no function that touches files, extensions or engine internals, no memory bombs. */
export function functionsLayer(parsed: ParsedQuery): { ok: true } | GateRejection {
  for (const call of parsed.facts.functions) {
    if (call.qualified) return reject("functions", `The function ${call.name}() may not be called with a schema prefix.`);
    const verdict = functionVerdict(call.name);
    if (verdict) return reject("functions", verdict);
    if (SIZED_BLOB_FUNCTIONS.has(call.name) && !blobSizeOk(call.args)) {
      return reject("functions", `${call.name}() is allowed only with a literal size of at most ${MAX_BLOB_BYTES} bytes.`);
    }
  }
  for (const name of codeNames(parsed.tokens).calls) {
    const verdict = functionVerdict(name);
    // Keywords that take parentheses (IN, EXISTS, CAST, OVER…) are not calls; only names that
    // are explicitly denied matter in this scan, the walk above already vetted every call.
    if (verdict && !verdict.includes("not on the list")) return reject("functions", verdict);
  }
  return { ok: true };
}

// Gating is pure and parsing costs milliseconds, so fixed reports and repeated questions are
// served from a small cache of verdicts keyed by the exact text.
const VERDICTS = new Map<string, GateResult>();
const MAX_VERDICTS = 256;

/** Runs every layer in order; the first refusal wins and says which layer and why. */
export function gateSql(sql: string): GateResult {
  const cached = VERDICTS.get(sql);
  // A copy, so a caller that edits its result cannot change the next caller's.
  if (cached) return cached.ok ? { ...cached, tables: [...cached.tables] } : { ...cached };
  const result = runLayers(sql);
  if (VERDICTS.size >= MAX_VERDICTS) VERDICTS.delete(VERDICTS.keys().next().value!);
  VERDICTS.set(sql, result);
  return result;
}

function runLayers(sql: string): GateResult {
  const parsed = parseLayer(sql);
  if (!parsed.ok) return parsed;
  const statement = statementLayer(parsed.parsed);
  if (!statement.ok) return statement;
  const tables = tablesLayer(parsed.parsed);
  if (!tables.ok) return tables;
  const functions = functionsLayer(parsed.parsed);
  if (!functions.ok) return functions;
  return { ok: true, sql: parsed.parsed.normalised, tables: tables.tables };
}
