import { context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { tempDatabase } from "@/db/testing";
import { TEST_REGISTRY } from "@/graphs/testing/registry";
import { LibsqlSaver } from "@/lib/runtime/checkpointer";
import { createRuntime } from "@/lib/runtime/runtime";
import { startTestRuntime, TEST_TOKEN } from "@/lib/runtime/testing";
import { createGraphClient, type GraphStreamEvent } from "./client";
import { GraphRunError, GraphTimeoutError } from "./errors";
import { inProcessFetch, IN_PROCESS_URL } from "./in-process";

let db: Awaited<ReturnType<typeof tempDatabase>>;
let rt: Awaited<ReturnType<typeof startTestRuntime>>;
type Client = ReturnType<typeof createGraphClient<typeof TEST_REGISTRY>>;
const transports: Record<"HTTP" | "in-process", () => Client> = {
  HTTP: () => createGraphClient(TEST_REGISTRY, { apiUrl: rt.url, token: TEST_TOKEN, maxConcurrency: 4 }),
  "in-process": () => {
    const runtime = createRuntime({ database: db.database, registry: TEST_REGISTRY, checkpointer: new LibsqlSaver(db.database), tokens: [TEST_TOKEN] });
    return createGraphClient(TEST_REGISTRY, { apiUrl: IN_PROCESS_URL, token: TEST_TOKEN, maxConcurrency: 4, fetch: inProcessFetch(runtime) });
  },
};

beforeAll(async () => {
  db = await tempDatabase("client-stream");
  rt = await startTestRuntime(db.database);
});
afterAll(async () => {
  await rt.close();
  db.cleanup();
});

async function all<T>(events: AsyncIterable<T>): Promise<T[]> {
  const seen: T[] = [];
  for await (const event of events) seen.push(event);
  return seen;
}

const statusOf = async (where: { runId?: string; threadId?: string }) =>
  (await db.database.all<{ status: string }>(where.runId ? sql`SELECT status FROM runs WHERE id = ${where.runId}` : sql`SELECT status FROM runs WHERE thread_id = ${where.threadId}`))[0]?.status;

describe.each(["HTTP", "in-process"] as const)("the typed client's stream over %s", (transport) => {
  it("yields the run id, each node as it starts and ends with its update, then the result run() would return", async () => {
    const events = await all(transports[transport]().stream("echo", { message: "s", repeat: 2 }));
    const done = events.at(-1) as Extract<(typeof events)[number], { type: "done" }>;
    expect(events[0]).toEqual({ type: "started", runId: done.result.runId });
    expect(events.slice(1, -1).map((e) => (e.type === "step" ? [e.step.node, e.step.status] : e.type))).toEqual([
      ["echo_message", "running"],
      ["echo_message", "success"],
      ["measure", "running"],
      ["measure", "success"],
    ]);
    const finished = events.filter((e): e is Extract<GraphStreamEvent<unknown>, { type: "step" }> => e.type === "step" && e.step.status === "success");
    expect(finished.map((e) => e.step.update)).toEqual([{ echoed: "s s" }, { length: 3 }]);
    expect(finished.every((e) => typeof e.step.ms === "number" && e.step.ms >= 0)).toBe(true);
    expect(done.result).toMatchObject({ values: { message: "s", echoed: "s s", length: 3 }, interrupts: [], threadId: null });
    expectTypeOf(done.result.values.echoed).toEqualTypeOf<string>();
    expect(await statusOf({ runId: done.result.runId })).toBe("success");
  });

  it("a resumable graph streams on its own thread and ends paused, like run()", async () => {
    const events = await all(transports[transport]().stream("approval", { subject: "stream" }));
    const done = events.at(-1);
    expect(done?.type).toBe("done");
    if (done?.type !== "done") return;
    expect(done.result.threadId).toMatch(/^[0-9a-f-]{36}$/);
    expect(done.result.values).toMatchObject({ subject: "stream", draft: "Draft about stream" });
    expect(done.result.interrupts).toHaveLength(1);
    expect(events.filter((e) => e.type === "step").map((e) => e.type === "step" && [e.step.node, e.step.status])).toEqual([
      ["write_draft", "running"],
      ["write_draft", "success"],
      ["await_decision", "running"],
      ["await_decision", "interrupted"],
    ]);
  });

  it("a run that fails part-way yields the steps that ran, then throws a run error naming the graph", async () => {
    const seen: string[] = [];
    const error = await (async () => {
      for await (const event of transports[transport]().stream("failing", { subject: "x" })) if (event.type === "step") seen.push(`${event.step.node}:${event.step.status}`);
    })().catch((e: unknown) => e);
    // Whether LangGraph streams the throwing node's start before its error depends on timing.
    expect(seen.slice(0, 2)).toEqual(["prepare:running", "prepare:success"]);
    expect(seen.slice(2)).toEqual(seen.length > 2 ? ["explode:running"] : []);
    expect(error).toBeInstanceOf(GraphRunError);
    expect((error as GraphRunError).message).toBe('Graph "failing" failed: The "failing" graph fails in explode on purpose (subject: x).');
  });

  it("a refused input throws before any step, keeping the field", async () => {
    await expect(all(transports[transport]().stream("echo", { message: "" }))).rejects.toMatchObject({ status: 422, field: "input.message" });
  });

  it("a budget overrun throws a typed timeout and the runtime cancels the run", async () => {
    const threadId = crypto.randomUUID();
    const error = await all(transports[transport]().stream("slow", { ms: 10_000 }, { threadId, timeoutMs: 300 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphTimeoutError);
    await expect.poll(() => statusOf({ threadId }), { timeout: 3_000 }).toBe("cancelled");
  });

  it("a caller that stops reading early cancels the run", async () => {
    const threadId = crypto.randomUUID();
    for await (const event of transports[transport]().stream("slow", { ms: 10_000 }, { threadId })) {
      if (event.type === "step") break;
    }
    await expect.poll(() => statusOf({ threadId }), { timeout: 3_000 }).toBe("cancelled");
  });
});

describe("trace propagation on a stream", () => {
  beforeAll(() => {
    // What @vercel/otel registers when tracing is configured.
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  });
  afterAll(() => {
    propagation.disable();
    context.disable();
  });

  it("sends the caller's trace context, fixed when the stream is asked for, and reads back the runtime's trace id", async () => {
    const traceId = "0af7651916cd43dd8448eb211c80319c";
    const sent: Headers[] = [];
    const traced = createGraphClient(TEST_REGISTRY, {
      apiUrl: rt.url,
      token: TEST_TOKEN,
      maxConcurrency: 4,
      fetch: (input, init) => {
        sent.push(new Headers(init?.headers));
        return fetch(input, init);
      },
    });
    const parent = trace.wrapSpanContext({ traceId, spanId: "b7ad6b7169203331", traceFlags: 1 });
    // Asked for inside the caller's span, read outside it, as a route handler's stream is.
    const events = context.with(trace.setSpan(context.active(), parent), () => traced.stream("echo", { message: "traced" }));
    const done = (await all(events)).at(-1);
    expect(sent[0]?.get("traceparent")).toBe(`00-${traceId}-b7ad6b7169203331-01`);
    expect(done).toMatchObject({ type: "done", result: { traceId } });
  });
});
