/**
 * One pass over a node-sql-parser AST that collects everything the gate decides on. The walk
 * visits every property of every node, not just the clauses we expect, so a table or function
 * hidden in a LIMIT, a window spec or a CASE arm is still seen; only CTE scoping is structural.
 */

export type TableRef = { name: string; db: string | null; cte: boolean };
export type FunctionCall = { name: string; qualified: boolean; args: unknown[] };

export type AstFacts = {
  tables: TableRef[];
  /** Table-valued functions used as FROM items (json_each(...)). */
  tableFunctions: string[];
  functions: FunctionCall[];
  /** Every `type` tag seen, for the construct allowlist. */
  nodeTypes: Set<string>;
  ctes: { name: string; bodyType: string | null }[];
  /** Aliases of FROM items, lower-cased: the parser misreads `a NATURAL JOIN b` as alias NATURAL. */
  fromAliases: string[];
};

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);

/** A name the parser stores either as a string or as `{ type, value }`. */
function nameOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (isNode(value) && typeof value.value === "string") return value.value;
  return null;
}

function bodyType(stmt: unknown): string | null {
  if (!isNode(stmt)) return null;
  const ast = isNode(stmt.ast) ? stmt.ast : stmt;
  return typeof ast.type === "string" ? ast.type : null;
}

function recordFunction(node: Node, facts: AstFacts): void {
  if (node.type === "aggr_func" || node.type === "window_func") {
    const name = nameOf(node.name);
    if (name) facts.functions.push({ name: name.toLowerCase(), qualified: false, args: argsOf(node) });
    return;
  }
  const name = node.name;
  const parts = isNode(name) && Array.isArray(name.name) ? name.name.map(nameOf) : [nameOf(name)];
  const qualified = parts.length !== 1 || (isNode(name) && name.schema != null);
  facts.functions.push({ name: (parts.at(-1) ?? "").toLowerCase(), qualified, args: argsOf(node) });
}

function argsOf(node: Node): unknown[] {
  const args = node.args;
  if (isNode(args) && Array.isArray(args.value)) return args.value;
  if (isNode(args) && args.expr !== undefined) return [args.expr];
  return [];
}

function visit(node: unknown, scope: ReadonlySet<string>, facts: AstFacts): void {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, scope, facts);
    return;
  }
  if (!isNode(node)) return;
  if (typeof node.type === "string") facts.nodeTypes.add(node.type);

  let inner = scope;
  if (Array.isArray(node.with)) {
    // A CTE sees itself (recursion) and the CTEs before it; SQLite also resolves later ones, so
    // this scope is the stricter of the two and can only refuse, never admit, a table.
    for (const cte of node.with) {
      const name = isNode(cte) ? nameOf(cte.name)?.toLowerCase() : undefined;
      if (!isNode(cte) || !name) continue;
      facts.ctes.push({ name, bodyType: bodyType(cte.stmt) });
      inner = new Set([...inner, name]);
      visit(cte.stmt, inner, facts);
      visit(cte.columns, inner, facts);
    }
  }

  if (node.type === "function" || node.type === "aggr_func" || node.type === "window_func") recordFunction(node, facts);

  const table = nameOf(node.table);
  if (table !== null && node.type !== "column_ref" && !("column" in node)) {
    const name = table.toLowerCase();
    const db = nameOf(node.db)?.toLowerCase() ?? null;
    facts.tables.push({ name, db, cte: db === null && inner.has(name) });
    if (typeof node.as === "string") facts.fromAliases.push(node.as.toLowerCase());
  }
  if (Array.isArray(node.from)) {
    for (const item of node.from) {
      // A FROM item whose expression is a call is a table-valued function: json_each(...).
      if (isNode(item) && isNode(item.expr) && item.expr.type === "function") {
        const call = item.expr.name;
        const parts = isNode(call) && Array.isArray(call.name) ? call.name.map(nameOf) : [nameOf(call)];
        facts.tableFunctions.push((parts.at(-1) ?? "").toLowerCase());
      }
    }
  }

  for (const [key, value] of Object.entries(node)) if (key !== "with") visit(value, inner, facts);
}

/** Collects tables, functions, CTEs and construct types from a parsed statement (or statements). */
export function walkAst(ast: unknown): AstFacts {
  const facts: AstFacts = { tables: [], tableFunctions: [], functions: [], nodeTypes: new Set(), ctes: [], fromAliases: [] };
  visit(ast, new Set(), facts);
  return facts;
}
