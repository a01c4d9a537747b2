import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { createClient, type Client } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { env } from "@/lib/env";
import * as schema from "./schema";

export type Database = LibSQLDatabase<typeof schema> & { $client: Client };

/** Local path of a `file:` URL, or null for a remote libSQL URL. */
export function localPath(url: string): string | null {
  if (!url.startsWith("file:")) return null;
  return resolve(url.slice("file:".length).replace(/^\/\/(?=\/)/, ""));
}

/**
 * Multi-statement writes use `database.batch([...])`, never `database.transaction(async …)`: the
 * local driver is synchronous, so a transaction held open across awaits makes any other
 * connection's write block the whole event loop on the lock (a self-deadlock until busy_timeout).
 *
 * Creates a client for a libSQL URL. A local file's directory is created first (libSQL will
 * not), and the connection waits up to 5 s on a lock instead of failing at once. libSQL enables
 * foreign keys on each connection by default.
 *
 * A local file gets one connection. The driver is synchronous, so more connections in one
 * process run nothing in parallel; but libSQL opens another whenever two calls overlap by a
 * microtask, and each extra one starts with default pragmas: `synchronous = FULL` (an fsync per
 * commit, with the event loop blocked) and a cold page cache. Under 16 concurrent runs the pool
 * grew to 16 connections and most commits fsynced.
 */
export function createDatabase(url: string, authToken?: string): Database {
  const path = localPath(url);
  if (path) mkdirSync(dirname(path), { recursive: true });
  const client = createClient({ url, authToken, timeout: 5_000, ...(path ? { concurrency: 1 } : {}) });
  return drizzle(client, { schema }) as Database;
}

/**
 * WAL lets readers run beside the single writer (the mode is stored in the file). NORMAL sync
 * is WAL's safe setting: a commit costs ~0.05 ms instead of an fsync (~0.3 ms here), and a
 * power cut can lose only the last commits, never corrupt the file. Pragmas are per connection:
 * a local file has only the one configured here (see `createDatabase`).
 */
export async function enableWal(database: Database): Promise<void> {
  if (database.$client.protocol !== "file") return;
  await database.$client.execute("PRAGMA journal_mode = WAL");
  await database.$client.execute("PRAGMA synchronous = NORMAL");
}

/** Opens a database ready for use: created, in WAL mode. */
export async function openDatabase(url: string, authToken?: string): Promise<Database> {
  const database = createDatabase(url, authToken);
  await enableWal(database);
  return database;
}

// Cached on globalThis so dev-server reloads reuse one client instead of leaking file handles.
const holder = globalThis as unknown as { __salesDb?: Database };

/** The console's database, created once per process from `DATABASE_URL`. */
export function db(): Database {
  holder.__salesDb ??= createDatabase(env().DATABASE_URL, env().DATABASE_AUTH_TOKEN);
  return holder.__salesDb;
}
