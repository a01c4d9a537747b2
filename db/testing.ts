import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
