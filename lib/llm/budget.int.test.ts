import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerForDay } from "@/db/queries/budgets";
import { writeSetting } from "@/db/queries/settings";
import { tempDatabase } from "@/db/testing";
import type { AlertEvent } from "@/lib/alerts";
import { BUDGETS_KEY, createBudgetGuard } from "./budget";
import { isModelUnavailable } from "./types";

let t: Awaited<ReturnType<typeof tempDatabase>>;
const day = "2026-11-21";
const now = () => Date.parse(`${day}T12:00:00Z`);

beforeAll(async () => {
  t = await tempDatabase("budget");
});
afterAll(() => t.cleanup());

describe("daily budgets", () => {
  it("a hundred concurrent calls cannot overspend by more than one call's worst case", async () => {
    const alerts: AlertEvent[] = [];
    const guard = createBudgetGuard({ database: () => t.database, defaultLimitUsd: 1, alert: (e) => alerts.push(e), now });
    const worstCase = 0.05;
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        try {
          const reservation = await guard.reserve("busy_graph", worstCase);
          await new Promise((r) => setTimeout(r, i % 7));
          await guard.settle(reservation!, worstCase * (0.8 + (i % 3) * 0.1));
          return "called";
        } catch (e) {
          if (isModelUnavailable(e) && e.reason === "budget_exhausted") return "refused";
          throw e;
        }
      }),
    );
    const [row] = (await ledgerForDay(t.database, day)).filter((r) => r.graph === "busy_graph");
    expect(row!.spentUsd).toBeLessThanOrEqual(1 + worstCase);
    expect(row!.reservedUsd).toBeCloseTo(0, 10);
    expect(outcomes.filter((o) => o === "called").length).toBeGreaterThanOrEqual(20);
    expect(outcomes.filter((o) => o === "refused").length).toBeGreaterThan(0);
    // One warning at 80 %, one exhaustion alert, however many calls crossed the lines.
    expect(alerts.filter((a) => a.type === "budget_warning")).toHaveLength(1);
    expect(alerts.filter((a) => a.type === "budget_exhausted")).toHaveLength(1);
  });

  it("an admin's per-graph budget overrides the default, and other graphs keep theirs", async () => {
    await writeSetting(t.database, BUDGETS_KEY, { tight_graph: 0.01 }, null, "budget.update", {});
    const guard = createBudgetGuard({ database: () => t.database, defaultLimitUsd: 5, alert: () => {}, now });
    await expect(guard.reserve("tight_graph", 0.02)).rejects.toMatchObject({ reason: "budget_exhausted" });
    const ok = await guard.reserve("other_graph", 0.02);
    expect(ok).toMatchObject({ graph: "other_graph", limit: 5 });
  });

  it("a call whose real cost jumps past the whole budget announces both lines at once, with the real spend, and the next refusal announces nothing", async () => {
    const alerts: AlertEvent[] = [];
    const guard = createBudgetGuard({ database: () => t.database, defaultLimitUsd: 0.1, alert: (e) => alerts.push(e), now });
    // The estimate said 0.01; the provider billed 0.12 (a long answer to a short prompt).
    await guard.settle((await guard.reserve("overrun_graph", 0.01))!, 0.12);
    expect(alerts).toEqual([
      { type: "budget_warning", graph: "overrun_graph", day, spentUsd: 0.12, limitUsd: 0.1 },
      { type: "budget_exhausted", graph: "overrun_graph", day, spentUsd: 0.12, limitUsd: 0.1 },
    ]);
    await expect(guard.reserve("overrun_graph", 0.01)).rejects.toMatchObject({ reason: "budget_exhausted" });
    expect(alerts).toHaveLength(2);
  });

  it("a new day starts with a fresh budget", async () => {
    const guard = createBudgetGuard({ database: () => t.database, defaultLimitUsd: 0.03, alert: () => {}, now: () => Date.parse("2026-11-22T01:00:00Z") });
    await expect(guard.reserve("busy_graph", 0.02)).resolves.toMatchObject({ day: "2026-11-22" });
  });
});

describe("the gateway and the budget", () => {
  it("refuses a graph's model calls once its day's budget is spent, records the refusal, and alerts once", async () => {
    const { startStubServer, stubLlmConfig } = await import("./testing/stub-server");
    const { createLlm } = await import("./gateway");
    const { sql } = await import("drizzle-orm");
    const stub = await startStubServer({ handler: () => ({ content: "ok", promptTokens: 10, completionTokens: 256 }) });
    const alerts: AlertEvent[] = [];
    try {
      const llm = createLlm({
        config: stubLlmConfig(stub, { provider: { kind: "openai_compatible", baseURL: stub.url, model: "gpt-4o-mini" }, dailyBudgetUsd: 0.00019 }),
        database: () => t.database,
        alert: (e) => alerts.push(e),
      });
      const ctx = { graph: "capped_graph", node: "n", promptVersion: "v1" };
      await expect(llm.complete(ctx, [{ role: "user", content: "first" }], { maxTokens: 256 })).resolves.toMatchObject({ text: "ok" });
      await expect(llm.complete(ctx, [{ role: "user", content: "second" }], { maxTokens: 256 })).rejects.toMatchObject({ reason: "budget_exhausted" });
      expect(stub.requests).toHaveLength(1);
      const rows = await t.database.all<{ status: string; error: string | null }>(sql`SELECT status, error FROM llm_calls WHERE graph = 'capped_graph' ORDER BY id`);
      expect(rows.map((r) => r.status)).toEqual(["ok", "refused"]);
      expect(rows[1]!.error).toContain("budget_exhausted");
      expect(alerts.map((a) => a.type)).toEqual(["budget_warning", "budget_exhausted"]);
    } finally {
      await stub.close();
    }
  });
});
