import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { localPath } from "@/db/client";
import { env } from "@/lib/env";

/**
 * The session-signing secret: `AUTH_SECRET` when set. On the embedded default (demo mode, local
 * database file) one is generated once and kept beside the database, so sign-ins survive restarts
 * without any set-up. Anywhere else a missing secret is a configuration error.
 */
export function authSecret(): string {
  const { AUTH_SECRET, DEMO_MODE, DATABASE_URL } = env();
  if (AUTH_SECRET) return AUTH_SECRET;
  const dbPath = localPath(DATABASE_URL);
  if (!DEMO_MODE || !dbPath) {
    throw new Error("AUTH_SECRET is not set. Set it to a random string of at least 32 characters.");
  }
  const file = join(dirname(dbPath), "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  return readFileSync(file, "utf8").trim();
}
