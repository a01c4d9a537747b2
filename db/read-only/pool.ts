import { spawn, type ChildProcess } from "node:child_process";
import { localPath } from "../client";
import { DENIED_CALL } from "./denied-functions";

/**
 * The read-only path for analytics queries: a separate connection, in a separate process, that
 * cannot write and cannot run for long.
 *
 * Why a process and not a worker thread: the local libSQL driver steps a query synchronously
 * inside native code, and `Worker.terminate()` only takes effect when that thread returns to
 * JavaScript, so a runaway recursive CTE keeps a terminated worker spinning forever (measured).
 * SIGKILL stops a process wherever it is. The child is started from an inline source with
 * `node -e`, so no bundler has to resolve a worker file, and it loads `libsql` (the driver under
 * @libsql/client) from the project root at run time.
 *
 * What the child enforces, whatever SQL it is handed:
 * - the file is opened with `mode=ro` and `PRAGMA query_only = 1` (a write fails in SQLite);
 * - the statement runs wrapped as `SELECT * FROM (…) LIMIT n+1`, so anything but a query is a
 *   syntax error, at most n+1 rows are produced, and the statement always runs to completion
 *   (a statement left half-read holds its WAL snapshot and blocks checkpoints);
 * - `PRAGMA hard_heap_limit` caps SQLite's memory, so a giant blob or string fails with "out of memory";
 * - the file is memory-mapped (`mmap_size`), which the heap limit does not count: mapped pages are
 *   the OS's file cache, shared, and dropped under memory pressure.
 */
/** `ms` is the engine's wall time, `cpuMs` its CPU time (what the query costs on an idle machine). */
export type ReadOnlyRows = { ok: true; columns: string[]; rows: unknown[][]; truncated: boolean; ms: number; cpuMs: number };
export type ReadOnlyFailure =
  | { ok: false; kind: "database"; error: string }
  | { ok: false; kind: "refused"; error: string }
  | { ok: false; kind: "timeout"; error: string; ms: number }
  | { ok: false; kind: "unavailable"; error: string };
export type ReadOnlyResult = ReadOnlyRows | ReadOnlyFailure;
export type ReadOnlyOptions = { maxRows?: number; timeoutMs?: number };

export const DEFAULT_MAX_ROWS = 50;
/**
 * An ad-hoc query's time limit: a runaway query must be stopped and reported within 2 s, and
 * killing and answering take up to ~60 ms beyond the limit itself (measured by bench:analytics).
 */
export const DEFAULT_TIMEOUT_MS = 1_800;
const STARTUP_TIMEOUT_MS = 15_000;
const HEAP_LIMIT_BYTES = 256 * 2 ** 20;
/**
 * Reads go through a memory map (the OS's shared page cache, no read() call per page), which
 * helps the big reports that walk most of a table. Safe here: the file is read-only to this process, and an I/O fault on a mapped
 * page kills only this child, which the pool replaces.
 */
const MMAP_BYTES = 1024 * 2 ** 20;
const MAX_CELL_CHARS = 2_000;
const POOL_SIZE = 2;
const IDLE_MS = 5 * 60_000;

const CHILD_SOURCE = `"use strict";
const { createRequire } = require("node:module");
const path = require("node:path");
let db = null;
const send = (m) => process.send(m);
process.on("disconnect", () => process.exit(0));
const cell = (v) => {
  if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : String(v);
  if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) return "<blob " + v.byteLength + " bytes>";
  if (typeof v === "string" && v.length > ${MAX_CELL_CHARS}) return v.slice(0, ${MAX_CELL_CHARS}) + "…";
  return v;
};
process.on("message", (m) => {
  if (m.type === "open") {
    try {
      const Database = createRequire(path.join(m.root, "package.json"))("libsql");
      db = new Database(m.uri);
      db.exec("PRAGMA hard_heap_limit = ${HEAP_LIMIT_BYTES}");
      db.exec("PRAGMA query_only = 1");
      db.exec("PRAGMA mmap_size = ${MMAP_BYTES}");
      if (db.prepare("PRAGMA query_only").raw().get()[0] !== 1) throw new Error("query_only did not take effect");
      send({ type: "ready" });
    } catch (e) { send({ type: "fatal", error: String((e && e.message) || e) }); }
    return;
  }
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    const stmt = db.prepare("SELECT * FROM (\\n" + m.sql + "\\n) LIMIT " + (m.maxRows + 1));
    const columns = stmt.columns().map((c) => c.name);
    const rows = stmt.raw().all().map((row) => row.map(cell));
    const truncated = rows.length > m.maxRows;
    const used = process.cpuUsage(cpu);
    send({ type: "rows", columns, rows: rows.slice(0, m.maxRows), truncated, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 });
  } catch (e) { send({ type: "error", error: String((e && e.message) || e) }); }
});`;

type Reply = { type: "ready" } | { type: "fatal"; error: string } | { type: "error"; error: string } | { type: "rows"; columns: string[]; rows: unknown[][]; truncated: boolean; ms: number; cpuMs: number };
type Job = { sql: string; maxRows: number; timeoutMs: number; resolve: (result: ReadOnlyResult) => void };
type Slot = { child: ChildProcess; ready: Promise<ReadOnlyFailure | null>; onReply: ((reply: Reply) => void) | null; idleTimer?: NodeJS.Timeout };


/** Why the read-only path refuses this text outright, or null. Strings and comments are ignored. */
export function refusal(sql: string): string | null {
  const code = sql.replace(/'(?:[^']|'')*'/g, "''").replace(/--[^\n]*/g, " ").replace(/\/\*[\s\S]*?(\*\/|$)/g, " ");
  if (!/^[\s(]*(select|with|values)\b/i.test(code)) return "The read-only path runs only SELECT queries.";
  // The wrapper would make a second statement a syntax error or (after a closing parenthesis)
  // silently drop it; refusing says so plainly.
  if (code.replace(/;\s*$/, "").includes(";")) return "The read-only path runs one statement at a time.";
  // The gate refuses these first; this is the last check for a caller that skips the gate.
  const call = DENIED_CALL.exec(code);
  if (call) return `The read-only path does not run ${call[1]!.toLowerCase()}().`;
  return null;
}

/** A small pool of read-only query processes for one database file. */
export class ReadOnlyPool {
  private readonly slots = new Set<Slot>();
  private readonly idle: Slot[] = [];
  private readonly queue: Job[] = [];
  private closed = false;

  constructor(
    private readonly uri: string,
    private readonly root: string,
    private readonly size = POOL_SIZE,
  ) {}

  run(sql: string, options: ReadOnlyOptions = {}): Promise<ReadOnlyResult> {
    const refused = refusal(sql);
    if (refused) return Promise.resolve({ ok: false, kind: "refused", error: refused });
    const body = sql.trim().replace(/;\s*$/, "");
    return new Promise((resolve) => {
      this.queue.push({ sql: body, maxRows: options.maxRows ?? DEFAULT_MAX_ROWS, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, resolve });
      this.dispatch();
    });
  }

  /** Stops every query process; queued queries fail as unavailable. */
  close(): void {
    this.closed = true;
    for (const slot of this.slots) slot.child.kill("SIGKILL");
    for (const job of this.queue.splice(0)) job.resolve({ ok: false, kind: "unavailable", error: "The analytics connection was closed." });
  }

  private dispatch(): void {
    while (this.queue.length && !this.closed) {
      const slot = this.idle.pop() ?? (this.slots.size < this.size ? this.spawn() : null);
      if (!slot) return;
      clearTimeout(slot.idleTimer);
      void this.execute(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    // No inherited environment: the child needs no secrets and must not pick up NODE_OPTIONS loaders.
    const child = spawn(process.execPath, ["-e", CHILD_SOURCE], { stdio: ["ignore", "ignore", "ignore", "ipc"], env: {} as NodeJS.ProcessEnv, serialization: "advanced" });
    child.unref();
    child.channel?.unref();
    const slot: Slot = { child, onReply: null, ready: Promise.resolve(null) };
    this.slots.add(slot);
    child.on("message", (reply: Reply) => slot.onReply?.(reply));
    child.on("exit", () => {
      this.slots.delete(slot);
      const index = this.idle.indexOf(slot);
      if (index >= 0) this.idle.splice(index, 1);
      slot.onReply?.({ type: "fatal", error: "The query process exited unexpectedly." });
      this.dispatch();
    });
    child.on("error", (error) => slot.onReply?.({ type: "fatal", error: `The query process could not start: ${error.message}` }));
    slot.ready = this.request(slot, { type: "open", uri: this.uri, root: this.root }, STARTUP_TIMEOUT_MS).then((reply) =>
      reply.type === "ready" ? null : { ok: false, kind: "unavailable", error: "error" in reply ? reply.error : "The query process did not start." },
    );
    return slot;
  }

  /** Sends one message and waits for its reply, killing the process if none comes in time. */
  private request(slot: Slot, message: object, timeoutMs: number): Promise<Reply | { type: "timeout" }> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        slot.onReply = null;
        slot.child.kill("SIGKILL");
        resolve({ type: "timeout" });
      }, timeoutMs);
      slot.onReply = (reply) => {
        clearTimeout(timer);
        slot.onReply = null;
        resolve(reply);
      };
      try {
        slot.child.send(message);
      } catch {
        slot.onReply({ type: "fatal", error: "The query process is gone." });
      }
    });
  }

  private async execute(slot: Slot, job: Job): Promise<void> {
    const startupFailure = await slot.ready;
    if (startupFailure) {
      slot.child.kill("SIGKILL");
      job.resolve(startupFailure);
      this.dispatch();
      return;
    }
    const started = performance.now();
    const reply = await this.request(slot, { type: "query", sql: job.sql, maxRows: job.maxRows }, job.timeoutMs);
    const ms = performance.now() - started;
    if (reply.type === "rows") job.resolve({ ok: true, columns: reply.columns, rows: reply.rows, truncated: reply.truncated, ms: reply.ms, cpuMs: reply.cpuMs });
    else if (reply.type === "error") job.resolve({ ok: false, kind: "database", error: reply.error });
    else if (reply.type === "timeout") job.resolve({ ok: false, kind: "timeout", error: `The query took too long (over ${(job.timeoutMs / 1000).toFixed(1)} s) and was stopped.`, ms });
    else job.resolve({ ok: false, kind: "unavailable", error: "error" in reply ? reply.error : "The query process failed." });
    if (this.slots.has(slot) && reply.type !== "timeout" && reply.type !== "fatal" && !this.closed) {
      slot.idleTimer = setTimeout(() => slot.child.kill("SIGKILL"), IDLE_MS).unref();
      this.idle.push(slot);
    }
    this.dispatch();
  }
}

/** The SQLite URI that opens a local file read-only; null for a remote libSQL URL. */
export function readOnlyUri(url: string): string | null {
  const path = localPath(url);
  if (!path) return null;
  return `file:${path.split("/").map(encodeURIComponent).join("/")}?mode=ro`;
}

// One pool per database, kept across dev-server reloads like the main client.
const holder = globalThis as unknown as { __analyticsPools?: Map<string, ReadOnlyPool> };

/**
 * Runs one query on the read-only path. A remote libSQL URL is refused for now: the engine-level
 * guarantees above need a local file (a read-only token would be the remote equivalent).
 */
export async function runReadOnly(url: string, sql: string, options: ReadOnlyOptions = {}): Promise<ReadOnlyResult> {
  const uri = readOnlyUri(url);
  if (!uri) return { ok: false, kind: "unavailable", error: "Ad-hoc analytics needs the embedded database file; a remote libSQL server is not supported yet." };
  holder.__analyticsPools ??= new Map();
  let pool = holder.__analyticsPools.get(uri);
  if (!pool) {
    pool = new ReadOnlyPool(uri, process.cwd());
    holder.__analyticsPools.set(uri, pool);
  }
  return pool.run(sql, options);
}

/** Stops the query processes of one database (tests, shutdown). */
export function closeReadOnly(url: string): void {
  const uri = readOnlyUri(url);
  const pool = uri ? holder.__analyticsPools?.get(uri) : undefined;
  pool?.close();
  if (uri) holder.__analyticsPools?.delete(uri);
}
