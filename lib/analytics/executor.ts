import { DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_MS, runReadOnly } from "@/db/read-only/pool";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { gateSql, type GateLayer } from "./sql-gate";

export type ExecuteOptions = {
  /** libSQL URL of the database to read; defaults to DATABASE_URL. */
  url?: string;
  /** Rows fetched at most (default 50); `truncated` says whether more existed. */
  maxRows?: number;
  /** Longest the query may run before it is stopped (default 2 s). */
  timeoutMs?: number;
};

/** `ms`: the engine's wall time; `cpuMs`: its CPU time, which other load on the machine does not inflate. */
export type QueryRows = { columns: string[]; rows: unknown[][]; truncated: boolean; ms: number; cpuMs: number };

/**
 * What became of a query. Every failure carries `error` as plain text meant for the repair loop:
 * the gate's reason, the database's own message, or the time limit.
 */
export type ExecutionResult =
  | ({ ok: true; sql: string; tables: string[] } & QueryRows)
  | { ok: false; kind: "rejected"; layer: GateLayer; error: string; sql: string }
  | { ok: false; kind: "database"; error: string; sql: string }
  | { ok: false; kind: "timeout"; error: string; sql: string };

const MAX_ROWS_CEILING = 1_000;
const TIMEOUT_CEILING_MS = 30_000;

/**
 * Gates a query and runs its normalised form on the read-only path. Rejections, database errors
 * and timeouts are results, not exceptions, because the text-to-SQL graph feeds them back to the
 * model; only the path itself being unusable (no local database, process failure) throws.
 */
export async function executeQuery(sql: string, options: ExecuteOptions = {}): Promise<ExecutionResult> {
  const gate = gateSql(sql);
  if (!gate.ok) return { ok: false, kind: "rejected", layer: gate.layer, error: gate.reason, sql };
  const result = await runReadOnly(options.url ?? env().DATABASE_URL, gate.sql, {
    maxRows: Math.min(Math.max(1, options.maxRows ?? DEFAULT_MAX_ROWS), MAX_ROWS_CEILING),
    timeoutMs: Math.min(Math.max(50, options.timeoutMs ?? DEFAULT_TIMEOUT_MS), TIMEOUT_CEILING_MS),
  });
  if (result.ok) {
    const { columns, rows, truncated, ms, cpuMs } = result;
    return { ok: true, sql: gate.sql, tables: gate.tables, columns, rows, truncated, ms, cpuMs };
  }
  switch (result.kind) {
    case "database":
      return { ok: false, kind: "database", error: result.error, sql: gate.sql };
    case "timeout":
      return { ok: false, kind: "timeout", error: `${result.error} Narrow it with filters, and avoid cross joins and unbounded recursion.`, sql: gate.sql };
    case "refused":
      // The gate accepted what the read-only path refuses: the two disagree, which is a bug.
      throw new AppError("internal:analytics", { message: `The read-only path refused a gated query: ${result.error}` });
    case "unavailable":
      throw new AppError("unavailable:analytics", { message: result.error });
  }
}

/** Column-keyed rows, for callers that know their columns are unique (fixed reports). */
export function rowObjects(result: Pick<QueryRows, "columns" | "rows">): Record<string, unknown>[] {
  return result.rows.map((row) => Object.fromEntries(result.columns.map((column, i) => [column, row[i]])));
}
