import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "../testing";

const testEnv = ownEnvironment("rollups");

const { db } = await import("@/db/client");
const { applyMigrations, MIGRATIONS_FOLDER } = await import("@/db/migrate");
const { llmCalls } = await import("@/db/schema");
const { Prng } = await import("@/db/seed/prng");

const database = db();
const DAY = 86_400_000;
const start = Date.UTC(2026, 10, 1);

function randomCalls(prng: InstanceType<typeof Prng>, n: number) {
  return Array.from({ length: n }, () => ({
    createdAt: new Date(start + prng.int(0, 20 * DAY)),
    graph: prng.pick(["email_orchestrator", "email_compose", "inbound_classify"]),
    node: "n",
    feature: prng.pick(["outreach", "inbound"]),
    vertical: prng.chance(0.3) ? null : prng.pick(["saas", "retail"]),
    model: prng.pick(["deepseek-chat", "gpt-4o-mini"]),
    tokensIn: prng.int(1, 900),
    tokensOut: prng.int(1, 300),
    costUsd: prng.int(0, 5000) / 1e6,
    cacheHit: prng.chance(0.2),
    status: prng.pick(["ok", "ok", "error", "refused"] as const),
    runId: prng.chance(0.1) ? null : `run-${prng.int(1, 60)}`,
  }));
}

/** The rollups as they should be: computed from scratch over llm_calls. */
async function fromScratch() {
  const daily = await database.all(sql`
    SELECT strftime('%Y-%m-%d', created_at / 1000, 'unixepoch') AS day, graph, feature, coalesce(vertical, 'none') AS vertical, model,
           cache_hit AS cacheHit, status, count(*) AS calls, round(sum(cost_usd), 9) AS cost, sum(tokens_in) AS tin, sum(tokens_out) AS tout
    FROM llm_calls GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7`);
  const runs = await database.all(sql`
    SELECT run_id AS runId, min(graph) AS graph, min(created_at) AS firstAt, max(created_at) AS lastAt, count(*) AS calls,
           round(sum(cost_usd), 9) AS cost, sum(tokens_in + tokens_out) AS tokens
    FROM llm_calls WHERE run_id IS NOT NULL GROUP BY run_id ORDER BY run_id`);
  return { daily, runs };
}

async function rollups() {
  const daily = await database.all(sql`
    SELECT day, graph, feature, vertical, model, cache_hit AS cacheHit, status, calls, round(cost_usd, 9) AS cost, tokens_in AS tin, tokens_out AS tout
    FROM llm_cost_daily ORDER BY 1, 2, 3, 4, 5, 6, 7`);
  const runs = await database.all(sql`
    SELECT run_id AS runId, graph, first_at AS firstAt, last_at AS lastAt, calls, round(cost_usd, 9) AS cost, tokens
    FROM llm_cost_runs ORDER BY run_id`);
  return { daily, runs };
}

beforeAll(async () => {
  // Calls recorded before the rollups existed: migrate to 0003 only, insert, then finish migrating.
  const early = join(testEnv.dir, "migrations");
  cpSync(MIGRATIONS_FOLDER, early, { recursive: true });
  rmSync(join(early, "0004_cost_rollups.sql"));
  const journalPath = join(early, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.tag < "0004");
  writeFileSync(journalPath, JSON.stringify(journal));
  await applyMigrations(database, early);
  await database.insert(llmCalls).values(randomCalls(new Prng(3), 300));
  await applyMigrations(database);
});
afterAll(() => {
  database.$client.close();
  testEnv.removeDir();
});

describe("the llm_calls rollups", () => {
  it("are backfilled from the calls recorded before them", async () => {
    const expected = await fromScratch();
    expect(expected.daily.length).toBeGreaterThan(50);
    expect(await rollups()).toEqual(expected);
  });

  it("stay exact through inserts, updates and deletes", async () => {
    const prng = new Prng(9);
    for (const batch of [randomCalls(prng, 200), randomCalls(prng, 1)]) await database.insert(llmCalls).values(batch);
    await database.run(sql`UPDATE llm_calls SET cost_usd = cost_usd * 2, run_id = 'run-moved', created_at = created_at + ${3 * DAY} WHERE id % 7 = 0`);
    await database.run(sql`UPDATE llm_calls SET vertical = NULL, status = 'error' WHERE id % 11 = 0`);
    await database.run(sql`DELETE FROM llm_calls WHERE id % 5 = 0 OR run_id = 'run-3'`);
    const expected = await fromScratch();
    expect(expected.runs.some((r) => (r as { runId: string }).runId === "run-moved")).toBe(true);
    expect(expected.runs.some((r) => (r as { runId: string }).runId === "run-3")).toBe(false);
    expect(await rollups()).toEqual(expected);
  });

  it("drop a day's row when its last call is deleted", async () => {
    await database.run(sql`DELETE FROM llm_calls`);
    expect(await rollups()).toEqual({ daily: [], runs: [] });
  });
});
