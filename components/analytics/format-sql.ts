import { lexSql, type Token } from "@/lib/analytics/sql-lexer";

// SQLite's keywords (sqlite.org/lang_keywords.html): a name that is one of them must stay quoted.
const KEYWORDS = new Set(
  `abort action add after all alter always analyze and as asc attach autoincrement before begin between by cascade case cast
  check collate column commit conflict constraint create cross current current_date current_time current_timestamp database
  default deferrable deferred delete desc detach distinct do drop each else end escape except exclude exclusive exists explain
  fail filter first following for foreign from full generated glob group groups having if ignore immediate in index indexed
  initially inner insert instead intersect into is isnull join key last left like limit match materialized natural no not
  nothing notnull null nulls of offset on or order others outer over partition plan pragma preceding primary query raise range
  recursive references regexp reindex release rename replace restrict returning right rollback row rows savepoint select set
  table temp temporary then ties to transaction trigger unbounded union unique update using vacuum values view virtual when
  where window with without true false`.split(/\s+/),
);

// Clause words that start a new line; a JOIN's modifiers take the line with it.
const CLAUSES = new Set(["select", "from", "where", "group", "order", "having", "limit", "union", "except", "intersect", "window"]);
const JOIN_MODIFIERS = new Set(["inner", "left", "right", "full", "cross", "natural", "outer"]);

function unquoted(token: Token): string {
  if (token.kind !== "quoted" || !token.text.startsWith('"')) return token.text;
  const name = token.text.slice(1, -1);
  return /^[a-z_][a-z0-9_]*$/.test(name) && !KEYWORDS.has(name) ? name : token.text;
}

/**
 * Lays SQL out one clause per line (subqueries indented) and drops quotes a name does not need,
 * so the gate's normalised one-line form reads like hand-written SQL. Only whitespace and
 * needless identifier quotes change, never a literal or a comment; SQL that does not lex is
 * returned as it is.
 */
export function formatSql(sql: string): string {
  const lexed = lexSql(sql);
  if (!lexed.ok) return sql;
  // The tokens that matter, each with whether whitespace stood before it.
  const words: { token: Token; spaced: boolean }[] = [];
  let spaced = false;
  for (const token of lexed.tokens) {
    if (token.kind === "space") spaced = true;
    else {
      words.push({ token, spaced });
      spaced = false;
    }
  }
  let out = "";
  let depth = 0;
  words.forEach(({ token, spaced }, i) => {
    if (token.text === ")") depth = Math.max(0, depth - 1);
    const previous = words[i - 1]?.token;
    const newline = "\n" + "  ".repeat(depth);
    if (previous?.kind === "comment" && previous.text.startsWith("--")) out += newline;
    else if (previous && startsLine(words.map((w) => w.token), i)) out += newline;
    else if (spaced && previous) out += " ";
    out += unquoted(token);
    if (token.text === "(") depth++;
  });
  return out;
}

const isWord = (token: Token | undefined, words: Set<string> | string[]) =>
  token?.kind === "word" && (Array.isArray(words) ? words.includes(token.text.toLowerCase()) : words.has(token.text.toLowerCase()));

function startsLine(tokens: Token[], i: number): boolean {
  const token = tokens[i]!;
  const previous = tokens[i - 1];
  // `(SELECT`, `OVER (ORDER BY`: a clause right after an opening parenthesis stays on its line.
  if (token.kind !== "word" || !previous || previous.text === "(") return false;
  const word = token.text.toLowerCase();
  if (word === "join") return !isWord(previous, JOIN_MODIFIERS);
  if (JOIN_MODIFIERS.has(word)) {
    if (isWord(previous, JOIN_MODIFIERS)) return false;
    let next = i + 1;
    while (isWord(tokens[next], JOIN_MODIFIERS)) next++;
    return isWord(tokens[next], ["join"]);
  }
  return CLAUSES.has(word) && !(word === "select" && isWord(previous, ["union", "all", "except", "intersect"]));
}
