import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

const testEnv = ownEnvironment("model-controls", { LLM_DAILY_BUDGET_USD: "10" });

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { auditLog, budgetLedger, settings, users } = await import("@/db/schema");
const { eq } = await import("drizzle-orm");
const { readKillSwitch } = await import("@/db/queries/llm");
const { budgetAlerts, modelControls, resetGraphBudget, setGraphBudget, setKillSwitch } = await import("./model-controls");

const admin = { id: "u-admin", name: "Ada", email: "ada@x", role: "admin" as const };
const operator = { id: "u-op", name: "Otto", email: "otto@x", role: "operator" as const };
const now = Date.UTC(2026, 10, 21, 12);
const today = "2026-11-21";

const auditFor = (action: string) => db().select().from(auditLog).where(eq(auditLog.action, action));

beforeAll(async () => {
  await applyMigrations(db());
  await db().insert(users).values([admin, operator].map((u) => ({ ...u, emailVerified: true })));
});
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

describe("model controls", () => {
  it("an admin turning the kill switch on and off writes the setting and one audit row each time, naming the state it replaced", async () => {
    await setKillSwitch(admin, true);
    expect(await readKillSwitch(db())).toBe(true);
    expect((await modelControls(admin, now)).killSwitch).toEqual({ enabled: true, byEnvironment: false });
    await setKillSwitch(admin, false);
    expect(await readKillSwitch(db())).toBe(false);

    const rows = await auditFor("llm.kill_switch");
    expect(rows.map((r) => r.detail)).toEqual([{ enabled: true, from: false }, { enabled: false, from: true }]);
    expect(rows.every((r) => r.actorId === admin.id && r.targetId === "llm.kill_switch")).toBe(true);
    const [setting] = await db().select().from(settings).where(eq(settings.key, "llm.kill_switch"));
    expect(setting).toMatchObject({ value: { enabled: false }, updatedBy: admin.id });
  });

  it("an admin setting a graph's budget writes llm.budgets and an audit row naming the old and new limit", async () => {
    expect(await setGraphBudget(admin, "email_compose", "2.5")).toEqual({ from: 10, to: 2.5 });
    expect(await setGraphBudget(admin, "email_compose", 4)).toEqual({ from: 2.5, to: 4 });
    await setGraphBudget(admin, "inbound_classify", 0);

    const [setting] = await db().select().from(settings).where(eq(settings.key, "llm.budgets"));
    expect(setting!.value).toEqual({ email_compose: 4, inbound_classify: 0 });
    expect((await auditFor("llm.budgets")).map((r) => r.detail)).toEqual([
      { graph: "email_compose", from: 10, to: 2.5 },
      { graph: "email_compose", from: 2.5, to: 4 },
      { graph: "inbound_classify", from: 10, to: 0 },
    ]);
    const graphs = (await modelControls(admin, now)).graphs;
    expect(graphs.find((g) => g.graph === "email_compose")).toMatchObject({ limitUsd: 4, configured: true });
    expect(graphs.find((g) => g.graph === "text_to_sql")).toMatchObject({ limitUsd: 10, configured: false });
  });

  it.each([
    ["-1", /daily budget for email_reply must be an amount in USD from 0 to 10,000/],
    ["10000.01", /daily budget for email_reply/],
    ["ten", /daily budget for email_reply/],
    ["", /daily budget for email_reply/],
  ])("an admin entering %j as a budget is told what is wrong, and nothing is written", async (value, message) => {
    const before = (await auditFor("llm.budgets")).length;
    await expect(setGraphBudget(admin, "email_reply", value)).rejects.toMatchObject({ code: "bad_request:admin", field: "usd", message: expect.stringMatching(message) });
    expect(await auditFor("llm.budgets")).toHaveLength(before);
  });

  it("an admin cannot set a budget for a graph outside the fleet", async () => {
    await expect(setGraphBudget(admin, "no_such_graph", 1)).rejects.toMatchObject({ code: "bad_request:admin", field: "graph" });
  });

  it("an admin resets a graph's budget to the default: its own limit is gone, the reset is audited, and a second reset writes nothing", async () => {
    await setGraphBudget(admin, "email_reply", 3);
    expect(await resetGraphBudget(admin, "email_reply")).toEqual({ from: 3, to: 10, changed: true });
    const [setting] = await db().select().from(settings).where(eq(settings.key, "llm.budgets"));
    expect(setting!.value).not.toHaveProperty("email_reply");
    expect(setting!.value).toMatchObject({ email_compose: 4, inbound_classify: 0 });
    expect((await modelControls(admin, now)).graphs.find((g) => g.graph === "email_reply")).toMatchObject({ limitUsd: 10, configured: false });
    expect((await auditFor("llm.budgets")).at(-1)!.detail).toEqual({ graph: "email_reply", from: 3, to: 10, reset: true });

    const entries = (await auditFor("llm.budgets")).length;
    expect(await resetGraphBudget(admin, "email_reply")).toEqual({ from: 10, to: 10, changed: false });
    expect(await auditFor("llm.budgets")).toHaveLength(entries);
  });

  it("an admin cannot reset the budget of a graph outside the fleet", async () => {
    await expect(resetGraphBudget(admin, "no_such_graph")).rejects.toMatchObject({ code: "bad_request:admin", field: "graph", message: 'There is no graph called "no_such_graph".' });
  });

  it("an admin sees a warning at 80 % of today's budget and a refusal at 100 %", async () => {
    await db().insert(budgetLedger).values([
      { graph: "email_compose", day: today, spentUsd: 3.4 },
      { graph: "email_orchestrator", day: today, spentUsd: 10 },
      { graph: "text_to_sql", day: today, spentUsd: 1 },
      { graph: "email_reply", day: "2026-11-20", spentUsd: 50 },
    ]);
    const alerts = await budgetAlerts(admin, now);
    expect(alerts.map((a) => [a.graph, a.level])).toEqual([
      ["email_orchestrator", "exhausted"],
      ["email_compose", "warning"],
    ]);
    expect(alerts[1]!.share).toBeCloseTo(0.85, 10);
    expect((await modelControls(admin, now)).graphs.find((g) => g.graph === "email_compose")!.spentUsd).toBeCloseTo(3.4, 10);
  });

  it("an operator is refused every model control, and nothing is written", async () => {
    const before = (await db().select().from(auditLog)).length;
    for (const attempt of [modelControls(operator), setKillSwitch(operator, true), setGraphBudget(operator, "email_compose", 1), resetGraphBudget(operator, "email_compose"), budgetAlerts(operator)]) {
      await expect(attempt).rejects.toMatchObject({ code: "forbidden:admin", status: 403 });
    }
    expect(await db().select().from(auditLog)).toHaveLength(before);
    expect(await readKillSwitch(db())).toBe(false);
  });
});
