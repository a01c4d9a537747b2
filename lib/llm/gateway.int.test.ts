import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { llmCache, llmCalls } from "@/db/schema";
import { tempDatabase } from "@/db/testing";
import { createLlm } from "./gateway";
import { costUsd } from "./prices";
import { startStubServer, stubLlmConfig, type StubServer } from "./testing/stub-server";
import { ModelUnavailableError, type CallContext, type ChatMessage } from "./types";

let t: Awaited<ReturnType<typeof tempDatabase>>;
let stub: StubServer;

beforeAll(async () => {
  t = await tempDatabase("llm-gateway");
  stub = await startStubServer();
});
afterAll(async () => {
  await stub.close();
  t.cleanup();
});

const ctx = (node: string, extra: Partial<CallContext> = {}): CallContext => ({ graph: "test_graph", node, promptVersion: "v1", ...extra });
const ask = (text: string): ChatMessage[] => [
  { role: "system", content: "You are terse." },
  { role: "user", content: text },
];
const rowsOf = (node: string) => t.database.select().from(llmCalls).where(eq(llmCalls.node, node)).orderBy(llmCalls.id);
const llmWith = (overrides: Parameters<typeof stubLlmConfig>[1] = {}, log = vi.fn()) =>
  createLlm({ config: stubLlmConfig(stub, overrides), database: () => t.database, log });

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ModelUnavailableError);
  return (error as ModelUnavailableError).reason;
}

describe("complete over ChatOpenAI and a loopback stub", () => {
  it("a graph's completion records one llm_calls row with the provider's tokens and their cost", async () => {
    const llm = llmWith({ provider: { kind: "openai_compatible", baseURL: stub.url, model: "gpt-4o-mini" } });
    stub.enqueue({ content: "Hello there.", promptTokens: 1_000, completionTokens: 500 });
    const before = stub.requests.length;
    const result = await llm.complete(
      ctx("greet", { vertical: "fintech", threadId: "th-1", runId: "run-greet", traceId: "tr-1" }),
      ask("Say hello"),
      { maxTokens: 77, temperature: 0.2 },
    );
    expect(result).toMatchObject({ text: "Hello there.", model: "gpt-4o-mini", tokensIn: 1_000, tokensOut: 500, cacheHit: false });
    expect(result.costUsd).toBeCloseTo(costUsd("gpt-4o-mini", 1_000, 500), 12);

    const sent = stub.requests[before]!;
    expect(sent.model).toBe("gpt-4o-mini");
    expect(sent.max_tokens ?? sent.max_completion_tokens).toBe(77);
    expect(sent.temperature).toBe(0.2);
    expect(sent.messages.map((m) => m.role)).toEqual(["system", "user"]);

    const rows = await rowsOf("greet");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      graph: "test_graph", feature: "uncategorized", vertical: "fintech", model: "gpt-4o-mini", promptVersion: "v1",
      tokensIn: 1_000, tokensOut: 500, cacheHit: false, status: "ok", error: null, threadId: "th-1", runId: "run-greet", traceId: "tr-1",
    });
    expect(rows[0]!.costUsd).toBeCloseTo(result.costUsd, 12);
  });

  it("a repeated identical call is served from the cache: one model request, a cache_hit row with no cost", async () => {
    const llm = llmWith();
    stub.enqueue({ content: "cached answer", promptTokens: 30, completionTokens: 4 });
    const before = stub.requests.length;
    const first = await llm.complete(ctx("repeat", { feature: "outreach" }), ask("Same question"));
    const second = await llm.complete(ctx("repeat", { feature: "outreach" }), ask("Same question"));
    expect(stub.requests.length - before).toBe(1);
    expect(second).toMatchObject({ text: first.text, cacheHit: true, costUsd: 0, tokensIn: 30, tokensOut: 4 });
    const rows = await rowsOf("repeat");
    expect(rows.map((r) => [r.cacheHit, r.costUsd, r.feature])).toEqual([[false, 0, "outreach"], [true, 0, "outreach"]]);
    const [entry] = await t.database.select().from(llmCache).where(eq(llmCache.response, "cached answer"));
    expect(entry!.hits).toBe(1);
  });

  it("a caller asking for a fresh answer (cache: false) reaches the model although the cache holds one, and the new answer replaces it", async () => {
    const llm = llmWith();
    stub.enqueue({ content: "first version" }, { content: "second version" });
    const before = stub.requests.length;
    expect((await llm.complete(ctx("fresh"), ask("Write it again"))).text).toBe("first version");
    const fresh = await llm.complete(ctx("fresh"), ask("Write it again"), { cache: false });
    expect(fresh).toMatchObject({ text: "second version", cacheHit: false });
    expect(stub.requests.length - before).toBe(2);
    expect((await llm.complete(ctx("fresh"), ask("Write it again"))).text).toBe("second version");
    expect(stub.requests.length - before).toBe(2);
  });

  it("a caller asking for different parameters is not served another call's cached answer", async () => {
    const llm = llmWith();
    stub.enqueue({ content: "warm" }, { content: "cold" });
    expect((await llm.complete(ctx("params"), ask("Temperature?"), { temperature: 0.9 })).text).toBe("warm");
    expect((await llm.complete(ctx("params"), ask("Temperature?"), { temperature: 0 })).text).toBe("cold");
  });

  it("a graph's completeJson reads JSON out of a ```json fence and validates it", async () => {
    const llm = llmWith();
    stub.enqueue({ content: 'Here:\n```json\n{"label": "interested", "confidence": 0.8}\n```' });
    const result = await llm.completeJson(ctx("classify"), ask("Classify this"), z.object({ label: z.string(), confidence: z.number() }));
    expect(result.value).toEqual({ label: "interested", confidence: 0.8 });
    expect((await rowsOf("classify"))[0]!.status).toBe("ok");
  });

  it("a model answering prose to completeJson is invalid_output, recorded with its tokens, and never cached", async () => {
    const llm = llmWith();
    const Schema = z.object({ label: z.string() });
    stub.enqueue({ content: "I think they are interested.", promptTokens: 20, completionTokens: 7 }, { content: '{"label":"interested"}' });
    expect(await reasonOf(llm.completeJson(ctx("bad-json"), ask("Classify prose"), Schema))).toBe("invalid_output");
    const [row] = await rowsOf("bad-json");
    expect(row).toMatchObject({ status: "error", tokensIn: 20, tokensOut: 7, cacheHit: false });
    expect(row!.error).toMatch(/^invalid_output: /);
    // The retry goes to the model, so the bad answer was not cached.
    expect((await llm.completeJson(ctx("bad-json"), ask("Classify prose"), Schema)).value).toEqual({ label: "interested" });
  });

  it("a model's JSON that misses the schema is invalid_output and recorded", async () => {
    const llm = llmWith();
    stub.enqueue({ content: '{"label": 42}' });
    expect(await reasonOf(llm.completeJson(ctx("bad-shape"), ask("Shape"), z.object({ label: z.string() })))).toBe("invalid_output");
    expect((await rowsOf("bad-shape"))[0]).toMatchObject({ status: "error" });
  });

  it("an offline console refuses as offline without a row, a request or even opening the database", async () => {
    const database = vi.fn(() => t.database);
    const llm = createLlm({ config: stubLlmConfig(stub, { provider: null }), database });
    const before = stub.requests.length;
    expect(await reasonOf(llm.complete(ctx("offline"), ask("Anyone?")))).toBe("offline");
    expect(database).not.toHaveBeenCalled();
    expect(stub.requests.length).toBe(before);
    expect(await rowsOf("offline")).toHaveLength(0);
    expect(llm.status()).toEqual({ mode: "offline", provider: null, model: null, killSwitch: false });
  });

  it("a provider answering 500 is a provider_error after exactly one request, recorded as an error", async () => {
    const llm = llmWith();
    stub.enqueue({ status: 500, content: "upstream exploded" });
    const before = stub.requests.length;
    expect(await reasonOf(llm.complete(ctx("p500"), ask("Fail please")))).toBe("provider_error");
    expect(stub.requests.length - before).toBe(1);
    const [row] = await rowsOf("p500");
    expect(row).toMatchObject({ status: "error", cacheHit: false, tokensIn: 0 });
    expect(row!.error).toMatch(/^provider_error: /);
  });

  it("a provider slower than LLM_TIMEOUT_MS is a timeout, recorded as an error", async () => {
    const llm = llmWith({ timeoutMs: 200 });
    stub.enqueue({ content: "too late", delayMs: 1_500 });
    const started = Date.now();
    expect(await reasonOf(llm.complete(ctx("slow"), ask("Take your time")))).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(1_400);
    const [row] = await rowsOf("slow");
    expect(row!.error).toMatch(/^timeout: /);
    expect(row!.latencyMs).toBeGreaterThanOrEqual(150);
  });
});

describe("complete over ChatDeepSeek", () => {
  it("a DeepSeek-configured console talks to the configured base URL and prices DeepSeek tokens", async () => {
    const llm = llmWith({ provider: { kind: "deepseek", apiKey: "sk-test", model: "deepseek-chat", baseURL: stub.url } });
    stub.enqueue({ content: "from deepseek", promptTokens: 200, completionTokens: 100 });
    const result = await llm.complete(ctx("deepseek"), ask("Hi DeepSeek"));
    expect(result.text).toBe("from deepseek");
    expect(result.costUsd).toBeCloseTo(costUsd("deepseek-chat", 200, 100), 12);
    expect(stub.requests.at(-1)!.model).toBe("deepseek-chat");
    expect(llm.status()).toMatchObject({ mode: "online", provider: "deepseek", model: "deepseek-chat" });
  });
});

describe("a broken cache", () => {
  it("a call whose cache table is gone falls through to the model, answers, and logs the fault", async () => {
    const own = await tempDatabase("llm-cache-fault");
    try {
      const log = vi.fn();
      const llm = createLlm({ config: stubLlmConfig(stub), database: () => own.database, log });
      stub.enqueue({ content: "before" });
      await llm.complete(ctx("fault"), ask("Cache me"));
      await own.database.run(sql`DROP TABLE llm_cache`);
      stub.enqueue({ content: "after" });
      const before = stub.requests.length;
      const result = await llm.complete(ctx("fault"), ask("Cache me"));
      expect(result).toMatchObject({ text: "after", cacheHit: false });
      expect(stub.requests.length - before).toBe(1);
      expect(log).toHaveBeenCalledWith(expect.stringMatching(/cache read failed/), expect.anything());
      expect(log).toHaveBeenCalledWith(expect.stringMatching(/cache write failed/), expect.anything());
      const rows = await own.database.select().from(llmCalls).where(eq(llmCalls.node, "fault"));
      expect(rows.map((r) => r.status)).toEqual(["ok", "ok"]);
    } finally {
      own.cleanup();
    }
  });
});
