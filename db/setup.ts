import { sql } from "drizzle-orm";
import { enableWal, type Database } from "./client";
import { applyMigrations } from "./migrate";
import { DEMO_SCALE, seedDatabase, todayUtc, type SeedCounts, type SeedOptions } from "./seed/seed";

const SEED_MARKER = "demo_seed";

/**
 * Seeds demo data only when the database has never been seeded and holds no CRM data.
 * The marker row is claimed first, so two processes starting together never seed twice.
 * Returns the counts when this call seeded, null when it did nothing.
 */
export async function seedIfEmpty(
  database: Database,
  options: Partial<SeedOptions> = {},
): Promise<SeedCounts | null> {
  const [{ companies } = { companies: 0 }] = await database.all<{ companies: number }>(
    sql`SELECT count(*) AS companies FROM companies`,
  );
  if (companies > 0) return null;
  const claimed = await database.run(
    sql`INSERT INTO settings (key, value) VALUES (${SEED_MARKER}, ${JSON.stringify({ status: "seeding" })})
        ON CONFLICT (key) DO NOTHING`,
  );
  if (claimed.rowsAffected === 0) return null;
  const counts = await seedDatabase(database, { ...DEMO_SCALE, anchor: todayUtc(), ...options });
  await database.run(
    sql`UPDATE settings SET value = ${JSON.stringify({ status: "done", counts })} WHERE key = ${SEED_MARKER}`,
  );
  return counts;
}

/** Start-up: apply migrations, then seed demo data into an empty database when in demo mode. */
export async function prepareDatabase(database: Database, { demo }: { demo: boolean }): Promise<SeedCounts | null> {
  await enableWal(database);
  await applyMigrations(database);
  return demo ? seedIfEmpty(database) : null;
}
