import { eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { auditLog, settings } from "../schema";

export async function readSetting<T>(database: Database, key: string): Promise<T | null> {
  const [row] = await database.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).limit(1);
  return row ? (row.value as T) : null;
}

/** Writes a setting and its audit entry together: a change nobody can trace never happens. */
export async function writeSetting(database: Database, key: string, value: unknown, actorId: string | null, action: string, detail: Record<string, unknown>): Promise<void> {
  await database.batch([
    database
      .insert(settings)
      .values({ key, value, updatedBy: actorId })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: actorId, updatedAt: sql`(cast(unixepoch('subsecond') * 1000 as integer))` } }),
    database.insert(auditLog).values({ actorId, action, targetType: "setting", targetId: key, detail }),
  ]);
}
