import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ENV_KEYS } from "@/lib/env";
import { openDatabase, type Database } from "./client";
import { applyMigrations } from "./migrate";

/** A fresh, migrated SQLite file in a temp directory, for integration tests. */
export async function tempDatabase(label = "test"): Promise<{ database: Database; url: string; dir: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), `sales-${label}-`));
  const url = `file:${join(dir, "sales.db")}`;
  const database = await openDatabase(url);
  await applyMigrations(database);
  return {
    database,
    url,
    dir,
    cleanup: () => {
      database.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type OwnedEnvironment = {
  /** The temp directory that holds the database file. */
  dir: string;
  /** `file:` URL of the fresh database, also set as DATABASE_URL. */
  url: string;
  /** Deletes the temp directory (call after closing the database). */
  removeDir(): void;
};

/**
 * For an integration test file that owns its process's environment: clears every variable the
 * console reads (so a developer's shell, a model key or an SMTP URL, never leaks in), points
 * DATABASE_URL at a new file in a temp directory, then sets `vars`. Call it at the top of the
 * file, before any dynamic import of code that reads the environment.
 */
export function ownEnvironment(label: string, vars: Record<string, string> = {}): OwnedEnvironment {
  for (const key of ENV_KEYS) if (key !== "NODE_ENV") delete process.env[key];
  const dir = mkdtempSync(join(tmpdir(), `sales-${label}-`));
  const url = `file:${join(dir, "sales.db")}`;
  Object.assign(process.env, { DATABASE_URL: url }, vars);
  return { dir, url, removeDir: () => rmSync(dir, { recursive: true, force: true }) };
}
