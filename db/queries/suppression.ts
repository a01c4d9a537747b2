import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "../client";
import { suppression } from "../schema";

/** Addresses are compared trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The suppression key: SHA-256 hex of the normalised address (the address itself is never stored). */
export function emailHash(email: string): string {
  return createHash("sha256").update(normalizeEmail(email)).digest("hex");
}

export async function isSuppressed(database: Database, email: string): Promise<boolean> {
  const rows = await database
    .select({ hash: suppression.emailHash })
    .from(suppression)
    .where(eq(suppression.emailHash, emailHash(email)))
    .limit(1);
  return rows.length > 0;
}
