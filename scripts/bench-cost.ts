/**
 * `npm run bench:cost`: the cost dashboard's panels over 1,000,000 llm_calls rows (goal: each
 * under 300 ms server time). Seeds a temp database with 1M calls over 90 days (through the
 * llm_calls triggers that keep the rollups, so the seed time includes their cost), then times each
 * panel query for the 30-day window. Flags: --rows N (default 1000000).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { rows: { type: "string", default: "1000000" } } });
const ROWS = Number(values.rows);
const dir = mkdtempSync(join(tmpdir(), "bench-cost-"));
process.env.DATABASE_URL = `file:${join(dir, "sales.db")}`;

const { db, enableWal } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { BulkWriter } = await import("@/db/seed/bulk");
const { Prng } = await import("@/db/seed/prng");
const cost = await import("@/db/queries/cost");

const database = db();
await enableWal(database);
await applyMigrations(database);
const prng = new Prng(11);
const now = Date.now();
const t0 = performance.now();
const writer = new BulkWriter(database, "llm_calls", ["created_at", "graph", "node", "feature", "vertical", "model", "prompt_version", "tokens_in", "tokens_out", "cost_usd", "latency_ms", "cache_hit", "status", "run_id"], { rowsPerFlush: 20_000 });
const graphs = ["email_orchestrator", "email_compose", "inbound_classify", "text_to_sql", "memory_reflect"];
for (let i = 0; i < ROWS; i++) {
  const tokensIn = prng.int(100, 3_000);
  const tokensOut = prng.int(20, 600);
  const hit = prng.chance(0.15);
  await writer.push([now - prng.int(0, 90 * 86_400) * 1000, prng.pick(graphs), "n", prng.pick(["outreach", "inbound", "analytics"]), prng.pick(["saas", "fintech", "retail", null]), prng.pick(["deepseek-chat", "gpt-4o-mini"]), "v1", tokensIn, tokensOut, hit ? 0 : (tokensIn * 0.27 + tokensOut * 1.1) / 1e6, prng.int(200, 4_000), hit ? 1 : 0, "ok", `run-${prng.int(1, ROWS / 5)}`]);
}
await writer.flush();
console.log(`seeded ${ROWS.toLocaleString("en")} llm_calls in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const window = { since: cost.windowSince(30, now) };
const panels: [string, () => Promise<unknown>][] = [
  ["spend per day", () => cost.spendByDay(database, window)],
  ["by graph", () => cost.spendBy(database, "graph", window)],
  ["by feature", () => cost.spendBy(database, "feature", window)],
  ["by vertical", () => cost.spendBy(database, "vertical", window)],
  ["by model", () => cost.spendBy(database, "model", window)],
  ["totals + cache savings", () => cost.costTotals(database, window)],
  ["cost per outcome counts", () => cost.outcomeCounts(database, window)],
  ["top 10 runs", () => cost.topRuns(database, window)],
];
const rows = [];
for (const [name, run] of panels) {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  rows.push({ panel: name, "p50 ms": samples[2]!.toFixed(0), "max ms": samples[4]!.toFixed(0), goal: samples[2]! < 300 ? "met" : "MISSED" });
}
console.log(`\ncost dashboard panels, 30-day window over ${ROWS.toLocaleString("en")} calls (90 days)`);
console.table(rows);
database.$client.close();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
