import { context, propagation, trace, type Span } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { tempDatabase } from "@/db/testing";
import { TEST_REGISTRY } from "@/graphs/testing/registry";
import { LibsqlSaver } from "@/lib/runtime/checkpointer";
import { createRuntime } from "@/lib/runtime/runtime";
import { startTestRuntime, TEST_TOKEN } from "@/lib/runtime/testing";
import { createGraphClient } from "./client";
import { GraphTimeoutError } from "./errors";
import { inProcessFetch, IN_PROCESS_URL } from "./in-process";

let db: Awaited<ReturnType<typeof tempDatabase>>;
let rt: Awaited<ReturnType<typeof startTestRuntime>>;
const sent: Headers[] = [];

function client(maxConcurrency = 8) {
  return createGraphClient(TEST_REGISTRY, {
    apiUrl: rt.url,
    token: TEST_TOKEN,
    maxConcurrency,
    fetch: (input, init) => {
      sent.push(new Headers(init?.headers));
      return fetch(input, init);
    },
  });
}

beforeAll(async () => {
  db = await tempDatabase("client");
  rt = await startTestRuntime(db.database);
  // What @vercel/otel registers when tracing is configured.
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
});
afterAll(async () => {
  propagation.disable();
  context.disable();
  await rt.close();
  db.cleanup();
});

describe("the typed graph client", () => {
  it("a caller creates a thread by id before its first run: a second create leaves it and its metadata alone, and a run then takes it", async () => {
    const c = client();
    const threadId = crypto.randomUUID();
    const created = await c.threads.create(threadId, { metadata: { campaign_id: 7, contact_id: 9 }, graphId: "approval" });
    expect(created).toMatchObject({ thread_id: threadId, status: "idle", metadata: { campaign_id: 7, contact_id: 9, graph_id: "approval" } });
    const again = await c.threads.create(threadId, { metadata: { campaign_id: 8 } });
    expect(again.metadata).toEqual(created.metadata);
    expect(await db.database.all(sql`SELECT thread_id FROM threads WHERE thread_id = ${threadId}`)).toHaveLength(1);
    const paused = await c.run("approval", { subject: "renewal" }, { threadId });
    expect(paused.threadId).toBe(threadId);
    expect(paused.interrupts).toHaveLength(1);
    await expect(c.threads.create("not-a-uuid")).rejects.toMatchObject({ status: 422 });
  });

  it("runs a stateless graph and returns values with the run's identity", async () => {
    const result = await client().run("echo", { message: "typed" });
    expect(result.values).toMatchObject({ message: "typed", echoed: "typed", length: 5 });
    expect(result.interrupts).toEqual([]);
    expect(result.runId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.threadId).toBeNull();
    expectTypeOf(result.values.echoed).toEqualTypeOf<string>();
  });

  it("rejects wrong input types at compile time", () => {
    // Never called: these lines only have to fail the type-check, which `npm test` runs.
    const typeChecks = (c: ReturnType<typeof client>) => {
      // @ts-expect-error `message` must be a string
      void c.run("echo", { message: 42 });
      // @ts-expect-error `approval` takes a subject, not a message
      void c.run("approval", { message: "x" });
      // @ts-expect-error unknown assistant
      void c.run("no_such_graph", {});
      // @ts-expect-error a resume value must be a decision
      void c.resume("approval", "t", { decision: "maybe" });
    };
    expect(typeof typeChecks).toBe("function");
  });

  it("runs a resumable graph on its own thread, pauses, and resumes", async () => {
    const c = client();
    const paused = await c.run("approval", { subject: "renewal" }, { metadata: { kind: "test" } });
    expect(paused.threadId).toMatch(/^[0-9a-f-]{36}$/);
    expect(paused.interrupts).toHaveLength(1);
    expect(paused.values.draft).toBe("Draft about renewal");
    const state = await c.getState(paused.threadId!);
    expect(state.next).toEqual(["await_decision"]);
    const done = await c.resume("approval", paused.threadId!, { decision: "approve" });
    expect(done.values).toMatchObject({ decision: "approve", subject: "renewal" });
    expect(done.interrupts).toEqual([]);
  });

  it("a budget overrun is a typed timeout naming graph and budget, and the runtime cancels the run", async () => {
    const c = client();
    const threadId = crypto.randomUUID();
    const error = await c.run("slow", { ms: 10_000 }, { threadId, timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphTimeoutError);
    expect((error as GraphTimeoutError).message).toContain('Graph "slow"');
    expect((error as GraphTimeoutError).budget).toBe("background");
    expect((error as GraphTimeoutError).status).toBe(504);
    await expect
      .poll(async () => (await db.database.all<{ status: string }>(sql`SELECT status FROM runs WHERE thread_id = ${threadId}`))[0]?.status, { timeout: 3_000 })
      .toBe("cancelled");
  });

  it("maps the runtime's refusals onto the error vocabulary, keeping the field", async () => {
    const error = await client().run("echo", { message: "" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, field: "input.message" });
  });

  it("keeps at most maxConcurrency runs in flight", async () => {
    const c = client(2);
    const marker = crypto.randomUUID();
    await Promise.all(Array.from({ length: 6 }, () => c.run("slow", { ms: 150 }, { metadata: { marker } })));
    const rows = await db.database.all<{ started_at: number; ended_at: number }>(
      sql`SELECT started_at, ended_at FROM runs WHERE json_extract(metadata, '$.marker') = ${marker}`,
    );
    expect(rows).toHaveLength(6);
    // Sweep the runs' start and end times (ends first on ties) for the most in flight at once.
    const events = rows.flatMap((r) => [[r.started_at, 1], [r.ended_at, -1]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let inFlight = 0;
    let most = 0;
    for (const [, delta] of events) most = Math.max(most, (inFlight += delta));
    expect(most).toBe(2);
  });
});

describe("trace propagation", () => {
  it("sends the active trace context and reads back the runtime's trace id onto the caller's span", async () => {
    const traceId = "0af7651916cd43dd8448eb211c80319c";
    const attributes: Record<string, unknown> = {};
    const parent = trace.wrapSpanContext({ traceId, spanId: "b7ad6b7169203331", traceFlags: 1 });
    const recording = Object.assign(Object.create(parent) as Span, {
      setAttributes: (a: Record<string, unknown>) => {
        Object.assign(attributes, a);
        return recording;
      },
    });
    sent.length = 0;
    const result = await context.with(trace.setSpan(context.active(), recording), () => client().run("echo", { message: "traced" }));
    expect(sent.at(-1)?.get("traceparent")).toBe(`00-${traceId}-b7ad6b7169203331-01`);
    expect(result.traceId).toBe(traceId);
    expect(attributes).toMatchObject({ "langgraph.assistant_id": "echo", "langgraph.run_id": result.runId, "langgraph.peer_trace_id": traceId });
  });

  it("sends no trace headers when nothing is being traced", async () => {
    sent.length = 0;
    const result = await client().run("echo", { message: "plain" });
    expect(sent.at(-1)?.get("traceparent")).toBeNull();
    expect(sent.at(-1)?.get("langsmith-trace")).toBeNull();
    expect(result.traceId).toBeNull();
    expect(result.runUrl).toBeNull();
  });
});

describe("the in-process transport", () => {
  it("calls a runtime in this process with the same semantics, auth included", async () => {
    const runtime = createRuntime({ database: db.database, registry: TEST_REGISTRY, checkpointer: new LibsqlSaver(db.database), tokens: [TEST_TOKEN] });
    const local = createGraphClient(TEST_REGISTRY, { apiUrl: IN_PROCESS_URL, token: TEST_TOKEN, maxConcurrency: 4, fetch: inProcessFetch(runtime) });
    expect((await local.run("echo", { message: "local" })).values.echoed).toBe("local");
    const stranger = createGraphClient(TEST_REGISTRY, { apiUrl: IN_PROCESS_URL, token: "not-the-token", maxConcurrency: 4, fetch: inProcessFetch(runtime) });
    await expect(stranger.run("echo", { message: "x" })).rejects.toMatchObject({ status: 401 });
  });
});
