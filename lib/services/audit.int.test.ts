import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

const testEnv = ownEnvironment("audit", { LLM_DAILY_BUDGET_USD: "10" });

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { users } = await import("@/db/schema");
const { auditLogFor, describeAuditEntry, parseAuditLogQuery } = await import("./audit");
const { resetGraphBudget, setGraphBudget, setKillSwitch } = await import("./model-controls");

const admin = { id: "u-admin", name: "Ada Admin", email: "ada@x", role: "admin" as const };
const rep = { id: "u-rep", name: "Rex", email: "rex@x", role: "rep" as const };

beforeAll(async () => {
  await applyMigrations(db());
  await db().insert(users).values([admin, rep].map((u) => ({ ...u, emailVerified: true })));
  await setKillSwitch(admin, true);
  await setGraphBudget(admin, "text_to_sql", 2.5);
  await resetGraphBudget(admin, "text_to_sql");
  await setKillSwitch(admin, false);
});
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

describe("the audit log", () => {
  it("an admin reads every change newest first, with who made it and the value before and after", async () => {
    const log = await auditLogFor(admin, parseAuditLogQuery({}));
    expect(log.total).toBe(4);
    expect(log.entries.map((e) => [e.label, e.target, e.before, e.after])).toEqual([
      ["Model kill switch", "every graph", "On", "Off"],
      ["Daily budget reset to default", "text_to_sql", "$2.50", "$10.00 (default)"],
      ["Daily budget", "text_to_sql", "$10.00", "$2.50"],
      ["Model kill switch", "every graph", "Off", "On"],
    ]);
    expect(log.entries.every((e) => e.actorName === "Ada Admin" && e.actorEmail === "ada@x")).toBe(true);
    expect(log.actions).toEqual(["llm.budgets", "llm.kill_switch"]);
  });

  it("an admin filters by action and pages through the entries", async () => {
    const budgets = await auditLogFor(admin, parseAuditLogQuery({ action: "llm.budgets" }));
    expect(budgets.total).toBe(2);
    expect(budgets.entries.every((e) => e.action === "llm.budgets")).toBe(true);

    const second = await auditLogFor(admin, parseAuditLogQuery({ pageSize: "3", page: "2" }));
    expect(second.total).toBe(4);
    expect(second.entries.map((e) => [e.label, e.after])).toEqual([["Model kill switch", "On"]]);
  });

  it("a hand-edited bad filter is refused naming the parameter", () => {
    expect(() => parseAuditLogQuery({ action: "DROP TABLE" })).toThrow(/"action"/);
    expect(() => parseAuditLogQuery({ page: "0" })).toThrow(/"page"/);
  });

  it("a rep is refused the audit log", async () => {
    await expect(auditLogFor(rep, parseAuditLogQuery({}))).rejects.toMatchObject({ code: "forbidden:admin", status: 403 });
  });

  it("an entry of an action the page does not know shows its raw detail; an old kill-switch entry has no before", () => {
    expect(describeAuditEntry({ action: "jobs.retry", targetType: "job", targetId: "7", detail: { attempts: 0 } })).toEqual({ label: "jobs.retry", target: "job 7", before: "—", after: "attempts: 0" });
    expect(describeAuditEntry({ action: "x.y", targetType: null, targetId: null, detail: { model: null, nested: { a: 1 }, first_try: true } }).after).toBe("first try: true");
    expect(describeAuditEntry({ action: "company.country_classified", targetType: "company", targetId: "5", detail: { hq: "Birmingham", country: "GB", confidence: 0.62, source: "rule_based_fallback", previous: null, model: null } }))
      .toEqual({ label: "Company country classified", target: "company 5 (HQ “Birmingham”)", before: "—", after: "GB, confidence 0.62 (rule based fallback)" });
    expect(describeAuditEntry({ action: "llm.kill_switch", targetType: "setting", targetId: "llm.kill_switch", detail: { enabled: true } })).toMatchObject({ before: "—", after: "On" });
  });

  it("a change of plan autonomy reads as the level before and after", () => {
    expect(describeAuditEntry({ action: "plans.autonomy", targetType: "setting", targetId: "plans.autonomy", detail: { from: "reversible", to: "drafts" } })).toEqual({ label: "Plan autonomy", target: "crm_orchestrator", before: "reversible", after: "drafts" });
  });
});
