/**
 * A tokenizer that draws the lines between code, literals and comments exactly where SQLite's
 * own tokenizer (tokenize.c) draws them. The SQL parser we use draws some of them elsewhere
 * (backslash escapes, `#` comments, nested comments, `$$` strings), and every such difference
 * lets text the parser thinks is a literal run as code. So the gate lexes first, rejects every
 * construct where the two could disagree, and hands the parser text with the comments removed.
 */

export type TokenKind = "space" | "comment" | "string" | "quoted" | "blob" | "word" | "number" | "symbol" | "semicolon";
export type Token = { kind: TokenKind; text: string; start: number };
export type LexResult = { ok: true; tokens: Token[] } | { ok: false; reason: string };

// Outside literals only ASCII letters, digits, whitespace and these operator characters occur in
// the SQL we accept. `# $ @ ? :` are bind-parameter sigils in SQLite (and comment or string
// openers elsewhere), `[` opens a bracket identifier: none has a use in a gated query.
const SYMBOLS = new Set(["(", ")", ",", ".", "+", "-", "*", "/", "%", "<", ">", "=", "!", "|", "&", "~"]);
const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
const isDigit = (code: number) => code >= 48 && code <= 57;
const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;

function describe(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f || code > 0x7e ? `U+${code.toString(16).toUpperCase().padStart(4, "0")}` : `"${char}"`;
}

/** Reads a quoted run opened at `start`; a doubled quote stays inside, as in SQLite. */
function readQuoted(sql: string, start: number, quote: string): number | null {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return null;
}

/** Splits SQL into tokens, or says which character or construct is not accepted and where. */
export function lexSql(sql: string): LexResult {
  const tokens: Token[] = [];
  // Control characters anywhere: SQLite stops reading at NUL, a parser may not.
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(sql);
  if (control) return { ok: false, reason: `The query contains the control character ${describe(control[0])} at position ${control.index}.` };
  if (sql.includes("\\")) {
    return { ok: false, reason: "Backslashes are not accepted: SQLite treats them as ordinary characters but the SQL parser reads them as escapes. For LIKE, use ESCAPE '!' instead." };
  }
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const start = i;
    const push = (kind: TokenKind, end: number) => {
      tokens.push({ kind, text: sql.slice(start, end), start });
      i = end;
    };
    const code = sql.charCodeAt(i);
    if (isSpace(code)) {
      let end = i + 1;
      while (end < sql.length && isSpace(sql.charCodeAt(end))) end++;
      push("space", end);
    } else if (c === "-" && sql[i + 1] === "-") {
      const newline = sql.indexOf("\n", i);
      push("comment", newline === -1 ? sql.length : newline);
    } else if (c === "/" && sql[i + 1] === "*") {
      // SQLite does not nest block comments and accepts one left open at the end of input.
      const close = sql.indexOf("*/", i + 2);
      push("comment", close === -1 ? sql.length : close + 2);
    } else if (c === "'" || c === '"' || c === "`") {
      const end = readQuoted(sql, i, c);
      if (end === null) return { ok: false, reason: `The ${c === "'" ? "string" : "quoted name"} opened at position ${i} is never closed.` };
      const body = sql.slice(i + 1, end - 1);
      if (c !== "'" && !/^[\x20-\x7e]*$/.test(body)) return { ok: false, reason: `The quoted name at position ${i} contains characters outside plain ASCII.` };
      if (c !== "'" && /["'`[\]]/.test(body)) return { ok: false, reason: `The quoted name at position ${i} contains a quote or bracket character; rename it.` };
      push(c === "'" ? "string" : "quoted", end);
    } else if ((c === "x" || c === "X") && sql[i + 1] === "'") {
      const end = readQuoted(sql, i + 1, "'");
      if (end === null || !/^[0-9a-fA-F]*$/.test(sql.slice(i + 2, end - 1))) return { ok: false, reason: `The blob literal at position ${i} is malformed.` };
      push("blob", end);
    } else if (isLetter(code)) {
      let end = i + 1;
      while (end < sql.length && (isLetter(sql.charCodeAt(end)) || isDigit(sql.charCodeAt(end)))) end++;
      push("word", end);
    } else if (isDigit(code) || (c === "." && isDigit(sql.charCodeAt(i + 1)))) {
      let end = i + 1;
      while (end < sql.length && (isLetter(sql.charCodeAt(end)) || isDigit(sql.charCodeAt(end)) || sql[end] === ".")) {
        // An exponent sign belongs to the number: 1e-3.
        end += (sql[end] === "e" || sql[end] === "E") && (sql[end + 1] === "+" || sql[end + 1] === "-") ? 2 : 1;
      }
      push("number", end);
    } else if (c === ";") {
      push("semicolon", i + 1);
    } else if (SYMBOLS.has(c)) {
      push("symbol", i + 1);
    } else {
      return { ok: false, reason: `The character ${describe(c)} at position ${i} is not accepted outside a string literal.` };
    }
  }
  return { ok: true, tokens };
}

/** The statements in a token list, each without comments or surrounding space; empty ones dropped. */
export function splitStatements(tokens: Token[]): string[] {
  const statements: string[] = [];
  let current = "";
  for (const token of tokens) {
    if (token.kind === "semicolon") {
      if (current.trim()) statements.push(current.trim());
      current = "";
    } else {
      // A comment becomes a space, as SQLite sees it, so the tokens either side stay apart.
      current += token.kind === "comment" ? " " : token.text;
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}

/**
 * Lower-cased names that appear as code (bare or quoted identifiers), as SQLite would read them,
 * split into calls (followed by an opening parenthesis) and all other names.
 */
export function codeNames(tokens: Token[]): { names: string[]; calls: string[] } {
  const names: string[] = [];
  const calls: string[] = [];
  const code = tokens.filter((t) => t.kind !== "space" && t.kind !== "comment");
  code.forEach((token, i) => {
    if (token.kind !== "word" && token.kind !== "quoted") return;
    const name = (token.kind === "quoted" ? token.text.slice(1, -1) : token.text).toLowerCase();
    (code[i + 1]?.text === "(" ? calls : names).push(name);
  });
  return { names, calls };
}
