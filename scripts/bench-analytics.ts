/**
 * `npm run bench:analytics`: the analytics read path at 100,000 contacts / 1,000,000 emails.
 *  1. Executor overhead: SELECT 1 through gate + read-only process vs the same query in-process.
 *  2. p50 server time of the funnel (per vertical, per campaign) and of every catalogue report,
 *     through the executor (gate + read-only process), with the engine's own time beside it.
 *  3. How fast the time limit stops runaway queries (goal: within 2 s).
 * Flags: --url (default file:./data/bench.db, seeded at scale 100000 when missing), --fresh
 * (re-seed), --runs N (default 3). An existing file is brought up to the current migrations first.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { closeReadOnly } from "@/db/read-only/pool";
import { localPath } from "@/db/client";
import { lastTouchCtes } from "@/lib/analytics/attribution";
import { CATALOGUE } from "@/lib/analytics/catalogue";
import { executeQuery } from "@/lib/analytics/executor";
import { readOffline } from "@/lib/analytics/metrics";
import { funnelSql } from "@/lib/analytics/reports";

/** Offline questions timed beside the reports: windowed ones read `emails`, all-time ones the stats tables. */
const METRICS_QUESTIONS = ["reply rate by vertical last 30 days", "emails sent per week", "open rate by seniority this month", "top 10 companies by replies", "meetings booked by campaign"];
import { functionsLayer, parseLayer, statementLayer, tablesLayer } from "@/lib/analytics/sql-gate";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "file:./data/bench.db" },
    fresh: { type: "boolean", default: false },
    runs: { type: "string", default: "3" },
  },
});
const RUNS = Number(values.runs);
const path = localPath(values.url);
if (!path) throw new Error("--url must be a local file: URL");

if (values.fresh || !existsSync(path)) {
  console.log(`seeding ${values.url} at 100,000 contacts (takes a few minutes)…`);
  const seed = spawnSync("npx", ["tsx", "db/seed/cli.ts", "--url", values.url, "--scale", "100000", ...(values.fresh ? ["--fresh"] : [])], { stdio: "inherit" });
  if (seed.status !== 0) process.exit(seed.status ?? 1);
}

{
  // An existing bench file gets the migrations added since it was seeded (indexes, stats tables).
  const { openDatabase } = await import("@/db/client");
  const { applyMigrations } = await import("@/db/migrate");
  const database = await openDatabase(values.url);
  await applyMigrations(database);
  database.$client.close();
}

const Database = createRequire(join(process.cwd(), "package.json"))("libsql") as new (uri: string) => { prepare(sql: string): { raw(): { all(): unknown[][] } }; exec(sql: string): void; close(): void };
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))]!;
const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;

/** p50 through the executor and of the engine alone; null when a run hit the executor's 30 s ceiling. */
async function timeQuery(url: string, sql: string, runs = RUNS): Promise<{ p50: number; engine: number; cpu: number; rows: number } | null> {
  const total: number[] = [];
  const engine: number[] = [];
  const cpu: number[] = [];
  let rows = 0;
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    const result = await executeQuery(sql, { url, timeoutMs: 30_000 });
    if (!result.ok && result.kind === "timeout") return null;
    if (!result.ok) throw new Error(`${result.kind}: ${result.error}\n${sql}`);
    // The first run warms the page cache and the query process; it is not counted.
    if (i === 0) continue;
    total.push(performance.now() - started);
    engine.push(result.ms);
    cpu.push(result.cpuMs);
    rows = result.rows.length;
  }
  return { p50: percentile(total, 0.5), engine: percentile(engine, 0.5), cpu: percentile(cpu, 0.5), rows };
}

async function overhead(url: string): Promise<void> {
  const direct = new Database(`file:${localPath(url)}?mode=ro`);
  const inProcess: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    direct.prepare("SELECT 1").raw().all();
    inProcess.push(performance.now() - started);
  }
  direct.close();
  closeReadOnly(url);
  const coldStart = performance.now();
  await executeQuery("SELECT 1 AS one", { url });
  const cold = performance.now() - coldStart;
  const viaExecutor: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    await executeQuery("SELECT 1 AS one", { url });
    viaExecutor.push(performance.now() - started);
  }
  const gate: number[] = [];
  const complex = funnelSql({ by: "campaign" });
  for (let i = 0; i < 50; i++) {
    // The layers one by one: gateSql itself would answer from its verdict cache.
    const started = performance.now();
    const parsed = parseLayer(complex);
    if (!parsed.ok) throw new Error(parsed.reason);
    for (const layer of [statementLayer, tablesLayer, functionsLayer]) layer(parsed.parsed);
    gate.push(performance.now() - started);
  }
  console.log("\nexecutor overhead (SELECT 1, p50 of 200)");
  console.log(`  in-process libsql          ${fmt(percentile(inProcess, 0.5))}`);
  console.log(`  gate + read-only process   ${fmt(percentile(viaExecutor, 0.5))} (p99 ${fmt(percentile(viaExecutor, 0.99))})`);
  console.log(`  first query (spawn + open) ${fmt(cold)}`);
  console.log(`  gate alone, uncached, campaign funnel SQL (${complex.length} chars): ${fmt(percentile(gate, 0.5))}`);
}

async function reports(url: string, label: string): Promise<void> {
  console.log(`\n${label}: p50 of ${RUNS} runs — total through the executor / engine wall / engine CPU; goal < 200 ms`);
  const cases = [
    ["funnel by vertical", funnelSql({ by: "vertical" })],
    ["funnel by campaign", funnelSql({ by: "campaign" })],
    ["last-touch, campaign 1 by step", `WITH ${lastTouchCtes({ campaignId: 1 })} SELECT step, count(*) AS n FROM touches GROUP BY step`],
    ...CATALOGUE.map((report) => [report.id, report.sql]),
    // Offline questions the metrics layer reads (its SQL, as the graph would run it).
    ...METRICS_QUESTIONS.map((question) => {
      const reading = readOffline(question, Date.now());
      if (reading.kind === "not_understood") throw new Error(`The metrics layer no longer reads "${question}"`);
      return [`metrics: ${question}`, reading.sql];
    }),
  ] as const;
  for (const [name, sql] of cases) {
    const timing = await timeQuery(url, sql);
    if (!timing) {
      console.log(`  ${name.padEnd(48)} over 30 s (stopped by the executor's ceiling)`);
      continue;
    }
    const { p50, engine, cpu, rows } = timing;
    console.log(`  ${name.padEnd(48)} ${fmt(p50).padStart(9)} / ${fmt(engine).padStart(9)} / ${fmt(cpu).padStart(9)}  ${p50 < 200 ? "ok  " : "SLOW"} (${rows} rows)`);
  }
}

async function timeLimit(url: string): Promise<void> {
  console.log("\ntime limit (default 1.8 s; goal: stopped within 2 s)");
  for (const [name, sql] of [
    ["recursive CTE", "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r"],
    ["4-way cross join", "SELECT count(*) FROM emails a, emails b, emails c, emails d"],
  ] as const) {
    const started = performance.now();
    const result = await executeQuery(sql, { url });
    const elapsed = performance.now() - started;
    console.log(`  ${name.padEnd(18)} stopped after ${fmt(elapsed)} (${result.ok ? "NOT STOPPED" : result.kind})`);
  }
  const after = performance.now();
  await executeQuery("SELECT 1 AS one", { url });
  console.log(`  next query after a stop (respawn) ${fmt(performance.now() - after)}`);
}

const counts = new Database(`file:${path}?mode=ro`);
const [row] = counts.prepare("SELECT (SELECT count(*) FROM contacts), (SELECT count(*) FROM emails)").raw().all();
counts.close();
console.log(`bench database ${values.url}: ${Number(row![0]).toLocaleString("en")} contacts, ${Number(row![1]).toLocaleString("en")} emails`);
// Other work on the machine skews every figure below; the load average says how much.
const { loadavg, cpus } = await import("node:os");
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on ${cpus().length} cores`);

await overhead(values.url);
await reports(values.url, "reports on the schema as it is");
await timeLimit(values.url);
closeReadOnly(values.url);
