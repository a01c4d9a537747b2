/**
 * `npm run bench:run-tree`: how long the run page takes to read a run tree, among many other runs.
 * Seeds a temp database with background runs (each with steps and model calls), plus one full
 * tree at the page's bounds (200 runs, 5 levels deep), then times what the page reads: the tree
 * query, every run's steps and calls, and the shaping. Flags: --runs N (background runs, default 100000).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { runs: { type: "string", default: "100000" } } });
const RUNS = Number(values.runs);
const STEPS_PER_RUN = 12;
const CALLS_PER_RUN = 4;
const dir = mkdtempSync(join(tmpdir(), "bench-run-tree-"));
process.env.DATABASE_URL = `file:${join(dir, "sales.db")}`;

const { db, enableWal } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { BulkWriter } = await import("@/db/seed/bulk");
const { listLlmCallsOfRuns, listRunTree, listStepsOfRuns } = await import("@/db/queries/runs");
const { buildRunTree } = await import("@/lib/services/run-tree");

const database = db();
await enableWal(database);
await applyMigrations(database);
const now = Date.now();
const t0 = performance.now();
const runs = new BulkWriter(database, "runs", ["id", "assistant_id", "status", "started_at", "ended_at", "parent_run_id"], { rowsPerFlush: 20_000 });
const steps = new BulkWriter(database, "run_steps", ["run_id", "node", "status", "started_at", "ended_at", "namespace", "metadata"], { rowsPerFlush: 20_000, after: [runs] });
const calls = new BulkWriter(database, "llm_calls", ["created_at", "graph", "node", "model", "prompt_version", "tokens_in", "tokens_out", "cost_usd", "run_id"], { rowsPerFlush: 20_000, after: [runs] });

async function seedRun(id: string, parent: string | null, start: number) {
  await runs.push([id, "email_orchestrator", "success", start, start + 2_000, parent]);
  for (let s = 0; s < STEPS_PER_RUN; s++) {
    // Every fourth step is a subgraph node under the step before it.
    const inner = s % 4 === 3;
    await steps.push([id, `node_${s}`, "success", start + s * 100, start + s * 100 + 90, inner ? `node_${s - 1}` : null, JSON.stringify(inner ? { task_id: `${id}-${s}`, parent_task_id: `${id}-${s - 1}` } : { task_id: `${id}-${s}` })]);
  }
  for (let c = 0; c < CALLS_PER_RUN; c++) await calls.push([start + c * 300 + 50, "email_orchestrator", `node_${c * 3}`, "m", "v1", 500, 120, 0.0004, id]);
}

for (let i = 0; i < RUNS; i++) await seedRun(`bg-${i}`, i % 10 === 0 || i < 10 ? null : `bg-${i - (i % 10)}`, now - i * 1_000);
// The tree at the page's bounds: 1 root, then 4 children per run down to level 5, cut at 200 runs.
let level = ["tree-root"];
await seedRun("tree-root", null, now);
let made = 1;
for (let depth = 1; depth <= 5 && made < 200; depth++) {
  const next: string[] = [];
  for (const parent of level) {
    for (let k = 0; k < 4 && made < 200; k++, made++) {
      const id = `${parent}.${k}`;
      await seedRun(id, parent, now + depth * 10_000 + k);
      next.push(id);
    }
  }
  level = next;
}
await runs.flush();
await steps.flush();
await calls.flush();
console.log(`seeded ${(RUNS + made).toLocaleString("en")} runs (${STEPS_PER_RUN} steps, ${CALLS_PER_RUN} calls each) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

async function readTree(id: string) {
  const found = (await listRunTree(database, id))!;
  const ids = found.runs.map((r) => r.run.id);
  const [s, c] = await Promise.all([listStepsOfRuns(database, ids), listLlmCallsOfRuns(database, ids)]);
  return { runs: ids.length, tree: buildRunTree(found.runs, s, c) };
}

const rows = [];
for (const [name, id] of [["a run with 9 children", "bg-10"], ["a full tree (200 runs, 5 levels)", "tree-root"], ["a run alone", "bg-11"]] as const) {
  const { runs: count } = await readTree(id);
  const samples: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t = performance.now();
    await readTree(id);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  rows.push({ tree: name, runs: count, "p50 ms": samples[4]!.toFixed(1), "max ms": samples[8]!.toFixed(1) });
}
console.log(`\nrun tree reads among ${(RUNS + made).toLocaleString("en")} runs`);
console.table(rows);
database.$client.close();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
