import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { llmCalls } from "@/db/schema";
import { tempDatabase } from "@/db/testing";
import { startStubServer, type StubServer } from "./testing/stub-server";

// The env-driven singleton, wired the way a graph test wires it: environment variables set
// before the first call (env() is parsed once per process), a temp database and a loopback stub.
let t: Awaited<ReturnType<typeof tempDatabase>>;
let stub: StubServer;
const saved = { ...process.env };

beforeAll(async () => {
  t = await tempDatabase("llm-index");
  stub = await startStubServer({ handler: () => ({ content: '{"ok": true}', promptTokens: 9, completionTokens: 3 }) });
  Object.assign(process.env, { DATABASE_URL: t.url, LLM_BASE_URL: stub.url, LLM_MODEL: "local-model", DEEPSEEK_API_KEY: "" });
});
afterAll(async () => {
  process.env = saved;
  await stub.close();
  t.cleanup();
});

describe("the env-driven model factory", () => {
  it("a console configured with LLM_BASE_URL reports the OpenAI-compatible model and answers through it", async () => {
    const { modelStatus, completeJson } = await import("./index");
    const { z } = await import("zod");
    expect(modelStatus()).toEqual({ mode: "online", provider: "openai_compatible", model: "local-model", killSwitch: false });

    const result = await completeJson({ graph: "env_graph", node: "probe", promptVersion: "v1" }, [{ role: "user", content: "ok?" }], z.object({ ok: z.boolean() }));
    expect(result).toMatchObject({ value: { ok: true }, model: "local-model", tokensIn: 9, tokensOut: 3, costUsd: 0 });
    const rows = await t.database.select().from(llmCalls).where(eq(llmCalls.graph, "env_graph"));
    expect(rows).toMatchObject([{ node: "probe", model: "local-model", status: "ok" }]);
  });
});
