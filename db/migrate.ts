import { join } from "node:path";
import { migrate } from "drizzle-orm/libsql/migrator";
import type { Database } from "./client";

/** The committed drizzle-kit migrations (resolved from the project root, where every script and the server run). */
export const MIGRATIONS_FOLDER = join(process.cwd(), "db", "migrations");

/** Applies every pending migration; a no-op on an up-to-date database. */
export async function applyMigrations(database: Database, folder = MIGRATIONS_FOLDER): Promise<void> {
  await migrate(database, { migrationsFolder: folder });
}
