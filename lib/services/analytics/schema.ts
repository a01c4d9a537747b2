import "server-only";
import { getTableColumns, getTableName, is, type Column } from "drizzle-orm";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import * as schema from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { CRM_TABLES, isCrmTable } from "@/lib/analytics/sql-policy";
import { requireOperator } from "./answers";

/** One column as the schema browser lists it; `note` says how to read the stored value. */
export type SchemaColumn = { name: string; type: string; note?: string };
export type SchemaTable = { table: string; columns: SchemaColumn[] };

/** What a person writing SQL must know that the storage type hides: units, flags, allowed values. */
function noteFor(column: Column): string | undefined {
  const mode = (column as Column & { config?: { mode?: string } }).config?.mode;
  if (column.columnType === "SQLiteTimestamp") return mode === "timestamp_ms" ? "milliseconds since 1970, UTC" : "seconds since 1970, UTC";
  if (column.columnType === "SQLiteBoolean") return "0 or 1";
  if (column.columnType.endsWith("Json")) return "JSON";
  if (column.enumValues?.length) return `one of ${column.enumValues.join(", ")}`;
  return undefined;
}

/**
 * The tables of `tables` that are on the analytics allowlist, in the allowlist's order, with
 * their columns as the database stores them. The allowlist (CRM_TABLES) decides; a table that
 * is not on it is never described, whatever the schema holds.
 */
export function describeCrmTables(tables: readonly unknown[]): SchemaTable[] {
  const byName = new Map<string, SQLiteTable>();
  for (const t of tables) if (is(t, SQLiteTable) && isCrmTable(getTableName(t))) byName.set(getTableName(t), t);
  return CRM_TABLES.flatMap((name) => {
    const table = byName.get(name);
    if (!table) return [];
    const columns = Object.values(getTableColumns(table)).map((c): SchemaColumn => {
      const note = noteFor(c);
      return note ? { name: c.name, type: c.getSQLType(), note } : { name: c.name, type: c.getSQLType() };
    });
    return [{ table: name, columns }];
  });
}

// The schema is code, so it is described once per process.
let described: SchemaTable[] | null = null;

/** The tables an analytics query may read and their columns, for the schema browser (operators and admins). */
export function analyticsSchema(user: SessionUser): SchemaTable[] {
  requireOperator(user);
  described ??= describeCrmTables(Object.values(schema));
  return described;
}
