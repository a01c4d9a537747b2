import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

const testEnv = ownEnvironment("cost");

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { llmCalls } = await import("@/db/schema");
const { Prng } = await import("@/db/seed/prng");
const { costDashboard } = await import("./cost");

const admin = { id: "a", name: "Ada", email: "a@x", role: "admin" as const };
const now = Date.UTC(2026, 10, 21, 12);
type Row = typeof llmCalls.$inferInsert;
const rows: Row[] = [];

beforeAll(async () => {
  await applyMigrations(db());
  const prng = new Prng(7);
  for (let i = 0; i < 400; i++) {
    const cacheHit = prng.chance(0.2);
    const status = prng.weighted([["ok", 8], ["error", 1], ["refused", 1]] as const);
    const tokensIn = prng.int(100, 2_000);
    const tokensOut = prng.int(20, 500);
    const model = prng.pick(["deepseek-chat", "gpt-4o-mini"]);
    rows.push({
      createdAt: new Date(now - prng.int(0, 45 * 86_400) * 1000),
      graph: prng.pick(["email_orchestrator", "email_compose", "inbound_classify"]),
      node: "n",
      feature: prng.pick(["outreach", "inbound"]),
      vertical: prng.chance(0.2) ? null : prng.pick(["saas", "retail"]),
      model,
      tokensIn,
      tokensOut,
      costUsd: cacheHit || status !== "ok" ? 0 : (tokensIn * 0.27 + tokensOut * 1.1) / 1e6,
      cacheHit,
      status,
      runId: `run-${prng.int(1, 40)}`,
    });
  }
  await db().insert(llmCalls).values(rows);
});
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

/** Whole UTC days: today and the 29 before it for a 30-day window. */
const since = (days: number) => Date.UTC(2026, 10, 21) - (days - 1) * 86_400_000;
const inWindow = (days: number) => rows.filter((r) => r.createdAt!.getTime() >= since(days));
const sum = (list: Row[], f: (r: Row) => number) => list.reduce((s, r) => s + f(r), 0);

describe("the cost dashboard", () => {
  it("totals equal the sums over llm_calls in the window", async () => {
    const data = await costDashboard(admin, { days: 30 }, now);
    const window = inWindow(30);
    expect(data.totals.calls).toBe(window.length);
    expect(data.totals.costUsd).toBeCloseTo(sum(window, (r) => r.costUsd ?? 0), 5);
    expect(data.totals.tokensIn).toBe(sum(window, (r) => r.tokensIn ?? 0));
    expect(data.totals.cacheHits).toBe(window.filter((r) => r.cacheHit).length);
    expect(data.cacheHitRate).toBeCloseTo(window.filter((r) => r.cacheHit).length / window.length, 10);
    expect(data.totals.refused).toBe(window.filter((r) => r.status === "refused").length);
  });

  it("per-day and per-dimension spend add up to the total", async () => {
    const data = await costDashboard(admin, { days: 30 }, now);
    const window = inWindow(30);
    for (const dimension of ["byGraph", "byFeature", "byVertical", "byModel"] as const) {
      expect(data[dimension].reduce((s, r) => s + r.costUsd, 0)).toBeCloseTo(data.totals.costUsd, 5);
    }
    expect(data.spendByDay.reduce((s, d) => s + d.costUsd, 0)).toBeCloseTo(data.totals.costUsd, 5);
    const outreach = data.byFeature.find((f) => f.key === "outreach")!;
    expect(outreach.costUsd).toBeCloseTo(sum(window.filter((r) => r.feature === "outreach"), (r) => r.costUsd ?? 0), 5);
    expect(data.byVertical.find((v) => v.key === "none")?.calls).toBe(window.filter((r) => r.vertical === null).length);
  });

  it("prices cache hits at what their model's paid calls cost per token", async () => {
    const data = await costDashboard(admin, { days: 30 }, now);
    const window = inWindow(30);
    let saved = 0;
    for (const model of ["deepseek-chat", "gpt-4o-mini"]) {
      const paid = window.filter((r) => r.model === model && !r.cacheHit && r.status === "ok");
      const perToken = sum(paid, (r) => r.costUsd ?? 0) / sum(paid, (r) => (r.tokensIn ?? 0) + (r.tokensOut ?? 0));
      saved += sum(window.filter((r) => r.model === model && r.cacheHit), (r) => ((r.tokensIn ?? 0) + (r.tokensOut ?? 0)) * perToken);
    }
    expect(data.totals.savedUsd).toBeCloseTo(saved, 5);
  });

  it("starts the window at a UTC midnight", async () => {
    const data = await costDashboard(admin, { days: 30 }, now);
    expect(data.since).toBe(since(30));
    expect(data.spendByDay[0]!.day >= "2026-10-23").toBe(true);
  });

  it("ranks the ten most expensive runs active in the window by their whole spend", async () => {
    const data = await costDashboard(admin, { days: 7 }, now);
    const active = new Set(inWindow(7).map((r) => r.runId!));
    const byRun = new Map<string, number>();
    for (const r of rows) if (active.has(r.runId!)) byRun.set(r.runId!, (byRun.get(r.runId!) ?? 0) + (r.costUsd ?? 0));
    const expected = [...byRun].sort((a, b) => b[1] - a[1]).slice(0, 10);
    expect(data.topRuns.map((r) => r.runId)).toEqual(expected.map(([id]) => id));
    expect(data.topRuns[0]!.costUsd).toBeCloseTo(expected[0]![1], 5);
  });

  it("is for admins only", async () => {
    await expect(costDashboard({ ...admin, role: "operator" }, { days: 30 }, now)).rejects.toMatchObject({ status: 403 });
  });
});
