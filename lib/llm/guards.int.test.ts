import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { KILL_SWITCH_KEY } from "@/db/queries/llm";
import { llmCalls, settings } from "@/db/schema";
import { tempDatabase } from "@/db/testing";
import { createLlm } from "./gateway";
import { KILL_SWITCH_TTL_MS } from "./kill-switch";
import { startStubServer, stubLlmConfig, type StubServer } from "./testing/stub-server";
import { ModelUnavailableError, type CallContext, type ChatMessage } from "./types";

let t: Awaited<ReturnType<typeof tempDatabase>>;
let stub: StubServer;

beforeAll(async () => {
  t = await tempDatabase("llm-guards");
  stub = await startStubServer({ handler: () => ({ content: "fine", promptTokens: 40, completionTokens: 60 }) });
});
afterAll(async () => {
  await stub.close();
  t.cleanup();
});

const ctx = (node: string, runId: string | null = null): CallContext => ({ graph: "guard_graph", node, promptVersion: "v1", runId });
const ask = (text: string): ChatMessage[] => [{ role: "user", content: text }];
const rowsOf = (node: string) => t.database.select().from(llmCalls).where(eq(llmCalls.node, node)).orderBy(llmCalls.id);
const llmWith = (overrides: Parameters<typeof stubLlmConfig>[1] = {}) =>
  createLlm({ config: stubLlmConfig(stub, overrides), database: () => t.database, log: vi.fn() });
const setKillSwitch = (enabled: boolean) =>
  t.database.insert(settings).values({ key: KILL_SWITCH_KEY, value: { enabled } }).onConflictDoUpdate({ target: settings.key, set: { value: { enabled } } });

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ModelUnavailableError);
  return (error as ModelUnavailableError).reason;
}

describe("the kill switch", () => {
  it("an operator's LLM_KILL_SWITCH refuses every call, recorded as refused, with no request sent", async () => {
    const llm = llmWith({ killSwitch: true });
    const before = stub.requests.length;
    expect(await reasonOf(llm.complete(ctx("env-kill"), ask("Hello")))).toBe("kill_switch");
    expect(stub.requests.length).toBe(before);
    expect(await rowsOf("env-kill")).toMatchObject([{ status: "refused", tokensIn: 0, costUsd: 0 }]);
    expect(llm.status().killSwitch).toBe(true);
  });

  it("an admin's toggle in settings stops calls within a second and lets them through again when cleared", async () => {
    const llm = llmWith();
    await setKillSwitch(false);
    expect((await llm.complete(ctx("admin-kill"), ask("Before the flip"))).text).toBe("fine");

    await setKillSwitch(true);
    await new Promise((resolve) => setTimeout(resolve, KILL_SWITCH_TTL_MS));
    const before = stub.requests.length;
    expect(await reasonOf(llm.complete(ctx("admin-kill"), ask("After the flip")))).toBe("kill_switch");
    expect(stub.requests.length).toBe(before);
    expect(llm.status().killSwitch).toBe(true);

    await setKillSwitch(false);
    await new Promise((resolve) => setTimeout(resolve, KILL_SWITCH_TTL_MS));
    expect((await llm.complete(ctx("admin-kill"), ask("After clearing"))).text).toBe("fine");
    expect((await rowsOf("admin-kill")).map((r) => r.status)).toEqual(["ok", "refused", "ok"]);
  });
});

describe("the per-run token ceiling", () => {
  it("a run's call that would pass the ceiling is refused and recorded, while another run still gets its call", async () => {
    const llm = llmWith({ maxTokensPerRun: 300 });
    // 100 tokens spent (40 in + 60 out); the next call reserves ~2 + 250 and would pass 300.
    await llm.complete(ctx("ceiling", "run-a"), ask("first"), { maxTokens: 100 });
    const before = stub.requests.length;
    expect(await reasonOf(llm.complete(ctx("ceiling", "run-a"), ask("second"), { maxTokens: 250 }))).toBe("token_ceiling");
    expect(stub.requests.length).toBe(before);
    const rows = await rowsOf("ceiling");
    expect(rows.map((r) => r.status)).toEqual(["ok", "refused"]);
    expect(rows[1]!.error).toMatch(/^token_ceiling: /);

    // A smaller call still fits the same run, and another run starts from zero.
    await expect(llm.complete(ctx("ceiling", "run-a"), ask("third"), { maxTokens: 100 })).resolves.toMatchObject({ text: "fine" });
    await expect(llm.complete(ctx("ceiling", "run-b"), ask("second"), { maxTokens: 250 })).resolves.toMatchObject({ text: "fine" });
  });

  it("a run's tokens already recorded by another process count against its ceiling", async () => {
    await t.database.insert(llmCalls).values({ graph: "guard_graph", node: "elsewhere", model: "stub-model", tokensIn: 250, tokensOut: 0, runId: "run-c" });
    const llm = llmWith({ maxTokensPerRun: 300 });
    expect(await reasonOf(llm.complete(ctx("ceiling-db", "run-c"), ask("over"), { maxTokens: 60 }))).toBe("token_ceiling");
  });

  it("of two concurrent calls of one run that fit the ceiling only together, the first proceeds and the second is refused", async () => {
    const llm = llmWith({ maxTokensPerRun: 300 });
    const [first, second] = await Promise.allSettled([
      llm.complete(ctx("race", "run-d"), ask("one"), { maxTokens: 200 }),
      llm.complete(ctx("race", "run-d"), ask("two"), { maxTokens: 200 }),
    ]);
    expect(first.status).toBe("fulfilled");
    expect(second.status === "rejected" && (second.reason as ModelUnavailableError).reason).toBe("token_ceiling");
  });

  it("a single call asking for more than the whole ceiling is refused even without a run id", async () => {
    const llm = llmWith({ maxTokensPerRun: 300 });
    expect(await reasonOf(llm.complete(ctx("no-run"), ask("huge"), { maxTokens: 1_000 }))).toBe("token_ceiling");
  });

  it("cache hits cost a run nothing, so they do not use up its ceiling", async () => {
    const llm = llmWith({ maxTokensPerRun: 300 });
    for (let i = 0; i < 5; i++) await llm.complete(ctx("cached-run", "run-e"), ask("same again"), { maxTokens: 100 });
    const rows = await rowsOf("cached-run");
    expect(rows.map((r) => r.cacheHit)).toEqual([false, true, true, true, true]);
    expect(rows.every((r) => r.status === "ok")).toBe(true);
  });
});
