import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

const testEnv = ownEnvironment("runs");

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { llmCalls, runs } = await import("@/db/schema");
const { listRunsFor, parseRunListQuery, runDetailFor } = await import("./runs");

const admin = { id: "a", name: "Ada", email: "a@x", role: "admin" as const };
const now = Date.now();
const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000);

beforeAll(async () => {
  await applyMigrations(db());
  await db().insert(runs).values([
    { id: "r1", assistantId: "email_orchestrator", threadId: null, status: "success", startedAt: at(10), endedAt: new Date(at(10).getTime() + 500) },
    { id: "r2", assistantId: "email_orchestrator", threadId: null, status: "error", startedAt: at(20), endedAt: new Date(at(20).getTime() + 3_000), error: "boom" },
    { id: "r3", assistantId: "text_to_sql", threadId: null, status: "timeout", startedAt: at(3 * 24 * 60), endedAt: new Date(at(3 * 24 * 60).getTime() + 60_000) },
    { id: "r4", assistantId: "text_to_sql", threadId: null, status: "success", startedAt: at(5), endedAt: new Date(at(5).getTime() + 2_500) },
  ]);
  await db().insert(llmCalls).values([
    { runId: "r1", graph: "email_orchestrator", node: "plan_tasks", model: "m", promptVersion: "v1", tokensIn: 10, tokensOut: 2, costUsd: 0.001 },
    { runId: "r1", graph: "email_orchestrator", node: "draft_email", model: "m", promptVersion: "v2", tokensIn: 100, tokensOut: 50, cacheHit: true },
  ]);
});
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

const ids = async (params: Record<string, string>) => (await listRunsFor(admin, parseRunListQuery(params))).map((r) => r.id);

describe("the admin's runs list", () => {
  it("lists every run newest first", async () => {
    expect(await ids({})).toEqual(["r4", "r1", "r2", "r3"]);
  });

  it("filters by graph, status, slow, errored and date", async () => {
    expect(await ids({ graph: "text_to_sql" })).toEqual(["r4", "r3"]);
    expect(await ids({ status: "error" })).toEqual(["r2"]);
    expect(await ids({ slow: "1" })).toEqual(["r4", "r2", "r3"]);
    expect(await ids({ errored: "1" })).toEqual(["r2", "r3"]);
    expect(await ids({ days: "1" })).toEqual(["r4", "r1", "r2"]);
    expect(await ids({ errored: "1", days: "1" })).toEqual(["r2"]);
  });

  it("names a bad filter and is for admins only", async () => {
    expect(() => parseRunListQuery({ status: "exploded" })).toThrow(/status/);
    await expect(listRunsFor({ ...admin, role: "operator" }, {})).rejects.toMatchObject({ status: 403 });
  });

  it("a run's page lists its model calls in order with their prompt versions and cache hits", async () => {
    const detail = await runDetailFor(admin, "r1");
    expect(detail.modelCalls.map((c) => [c.node, c.promptVersion, c.cacheHit])).toEqual([["plan_tasks", "v1", false], ["draft_email", "v2", true]]);
    expect(detail.draft).toBeNull();
  });
});
