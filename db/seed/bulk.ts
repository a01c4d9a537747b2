import type { InStatement, InValue } from "@libsql/client";
import type { Database } from "../client";

// SQLite allows 32,766 bound parameters per statement; stay well below it.
const MAX_PARAMS = 16_000;

/**
 * Buffers rows for one table and writes them as multi-row INSERTs, one transaction per flush.
 * Used for seeding and imports, where per-row ORM inserts would be 10–50× slower.
 */
export class BulkWriter {
  private buffer: InValue[][] = [];
  private readonly rowsPerStatement: number;
  private readonly head: string;
  private readonly tuple: string;
  written = 0;

  constructor(
    private readonly database: Database,
    table: string,
    private readonly columns: readonly string[],
    private readonly options: { rowsPerFlush?: number; after?: readonly BulkWriter[] } = {},
  ) {
    this.rowsPerStatement = Math.max(1, Math.min(500, Math.floor(MAX_PARAMS / columns.length)));
    this.head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `;
    this.tuple = `(${columns.map(() => "?").join(", ")})`;
  }

  async push(row: InValue[]): Promise<void> {
    if (row.length !== this.columns.length) {
      throw new Error(`BulkWriter: expected ${this.columns.length} values, got ${row.length}`);
    }
    this.buffer.push(row);
    if (this.buffer.length >= (this.options.rowsPerFlush ?? 5_000)) await this.flush();
  }

  /** Writes buffered rows; writers named in `after` (foreign-key parents) are flushed first. */
  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    for (const parent of this.options.after ?? []) await parent.flush();
    const rows = this.buffer;
    this.buffer = [];
    await this.database.$client.batch(chunkedInserts(this.head, this.tuple, this.rowsPerStatement, rows), "write");
    this.written += rows.length;
    // libSQL frees finished statements only when the event loop turns; a loop of awaited
    // batches never yields, and a 1M-row seed would hold gigabytes of dead statements.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function chunkedInserts(head: string, tuple: string, rowsPerStatement: number, rows: readonly InValue[][], suffix = ""): InStatement[] {
  const statements: InStatement[] = [];
  for (let i = 0; i < rows.length; i += rowsPerStatement) {
    const chunk = rows.slice(i, i + rowsPerStatement);
    statements.push({ sql: head + Array(chunk.length).fill(tuple).join(", ") + suffix, args: chunk.flat() });
  }
  return statements;
}

/**
 * Multi-row INSERTs of `rows` into `table`, each statement within the bound-parameter limit, for a
 * caller that puts them in its own batch with other writes (BulkWriter flushes its own). `tuple`
 * may replace a row's `(?, ?, …)` with expressions (a subselect for a foreign key) binding one
 * value per column; `suffix` ends each statement (`ON CONFLICT DO NOTHING`).
 */
export function insertStatements(table: string, columns: readonly string[], rows: readonly InValue[][], options: { tuple?: string; suffix?: string } = {}): InStatement[] {
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `;
  const tuple = options.tuple ?? `(${columns.map(() => "?").join(", ")})`;
  return chunkedInserts(head, tuple, Math.max(1, Math.min(500, Math.floor(MAX_PARAMS / columns.length))), rows, options.suffix ? ` ${options.suffix}` : "");
}

type SchemaObject = { type: "index" | "trigger"; name: string; sql: string };

/**
 * Runs a bulk load into `tables` with their secondary indexes and triggers set aside, then puts
 * them back exactly as the migrations made them (their SQL is read from `sqlite_master`, so there
 * is no second copy to drift) after `rebuild` has recomputed what the triggers would have kept.
 * Building an index once over sorted keys is much cheaper than updating it a million times.
 * UNIQUE indexes stay in place, so a duplicate fails as it loads. Every object is put back even
 * when the load or the rebuild fails (each on its own, so one failure cannot undo the others), and
 * the load's own error is the one thrown. For loads into tables nobody else is writing (the seed
 * of an empty database).
 */
export async function withIndexesDeferred<T>(database: Database, tables: readonly string[], load: () => Promise<T>, rebuild: () => Promise<void> = async () => {}): Promise<T> {
  const placeholders = tables.map(() => "?").join(", ");
  const { rows } = await database.$client.execute({
    sql: `SELECT type, name, sql FROM sqlite_master
          WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE INDEX%' AND tbl_name IN (${placeholders})
          ORDER BY type, name`,
    args: [...tables],
  });
  const objects = rows.map((r) => ({ type: r.type, name: r.name, sql: r.sql }) as SchemaObject);
  const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
  await database.$client.batch(objects.map((o) => `DROP ${o.type.toUpperCase()} ${quoted(o.name)}`), "write");
  let failed = true;
  try {
    const result = await load();
    await rebuild();
    failed = false;
    return result;
  } finally {
    // Indexes before triggers: a trigger's statements may want the indexes.
    const problems: string[] = [];
    for (const object of [...objects.filter((o) => o.type === "index"), ...objects.filter((o) => o.type === "trigger")]) {
      try {
        await database.$client.execute(object.sql);
      } catch (e) {
        problems.push(`${object.type} ${object.name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (problems.length) {
      const message = `Could not put back after a bulk load: ${problems.join("; ")}`;
      // A failed load's error matters more; this one is still said.
      if (failed) console.error(`[db] ${message}`);
      else throw new Error(message);
    }
  }
}
