import { SpanKind, trace } from "@opentelemetry/api";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";
import { OPEN_GOVERNOR_ENV } from "@/lib/mail/testing/governance";
import { startStubServer, type StubRequest } from "@/lib/llm/testing/stub-server";
import { startOtlpReceiver, type ReceivedSpan } from "./testing/otlp-receiver";

// This file owns its process: OpenTelemetry registers globally, once. A fresh database, a model
// served by a loopback stub, and the console's real instrumentation.ts exporting to a loopback
// OTLP receiver, keeping every trace (rate 1) so the whole tree can be checked.
const DRAFT_SUBJECT = "Quillfeather pricing for Q3";
const DRAFT_BODY = "Hi Ann,\n\nZephyr-marmalade is the sentence no span may carry.\n\nBest,\nRiley Rep";
const system = (body: StubRequest) => String(body.messages[0]?.content ?? "");
const stub = await startStubServer({
  handler: (body) => {
    const prompt = system(body);
    if (prompt.startsWith("You plan the next steps")) return { content: JSON.stringify({ tasks: ["qualify", "analyze_opportunity", "compose"] }) };
    if (prompt.startsWith("Pick the roles")) return { content: JSON.stringify({ roles: ["researcher", "composer"] }) };
    return { content: JSON.stringify({ subject: DRAFT_SUBJECT, body: DRAFT_BODY }) };
  },
});
const receiver = await startOtlpReceiver();
const testEnv = ownEnvironment("tracing", {
  DEMO_MODE: "false",
  // The send governor always open: the approval is sent at whatever hour this runs.
  ...OPEN_GOVERNOR_ENV,
  NEXT_RUNTIME: "nodejs",
  LLM_BASE_URL: stub.url,
  LLM_MODEL: "stub-model",
  OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
  OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
  OTEL_TAIL_SAMPLE_RATE: "1",
});

const fetchBeforeRegister = globalThis.fetch;
const { register } = await import("@/instrumentation");
await register();

const { db } = await import("@/db/client");
const { seedDatabase } = await import("@/db/seed/seed");
const { draftOutreach, approveDraft } = await import("@/lib/services/drafts");
const { flushTracing } = await import("./register");
const { withSpan } = await import("./span");
const { FLEET } = await import("@/graphs/registry");
const { TEST_REGISTRY } = await import("@/graphs/testing/registry");
const { createGraphClient } = await import("@/lib/langgraph/client");
const { createRuntime } = await import("@/lib/runtime/runtime");
const { LibsqlSaver } = await import("@/lib/runtime/checkpointer");
const { serveRuntime } = await import("@/lib/runtime/node-server");
const { nodeTracer } = await import("./node-span");
const { Annotation, StateGraph, START, END } = await import("@langchain/langgraph");

const rep = { id: "usr_demo_rep", name: "Riley Rep", email: "rep@demo.local", role: "rep" as const };

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  return (await db().all<T>(query))[0]!;
}

async function freshContact(): Promise<{ id: number; email: string; first_name: string }> {
  return one(sql`
    SELECT c.id, c.email, c.first_name FROM contacts c WHERE c.owner_id = ${rep.id} AND c.do_not_contact = 0 AND c.bounced = 0
      AND c.unsubscribed = 0 AND c.replied = 0
      AND NOT EXISTS (SELECT 1 FROM emails e WHERE e.contact_id = c.id)
      AND NOT EXISTS (SELECT 1 FROM drafts d WHERE d.contact_id = c.id)
    ORDER BY c.id LIMIT 1`);
}

/** Flushes, then returns the spans received since `from` once `done` holds for them. */
async function exported(from: number, done: (spans: ReceivedSpan[]) => boolean): Promise<ReceivedSpan[]> {
  await flushTracing();
  await expect.poll(() => done(receiver.spans.slice(from)), { timeout: 5_000 }).toBe(true);
  return receiver.spans.slice(from);
}

const named = (spans: ReceivedSpan[], name: string) => spans.filter((s) => s.name === name);
const only = (spans: ReceivedSpan[], name: string) => {
  const found = named(spans, name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
};

beforeAll(async () => {
  await seedDatabase(db(), { companies: 12, contacts: 60, emails: 80, anchor: new Date() });
}, 60_000);
afterAll(async () => {
  // instrumentation.ts started this process's job runner, as in the console.
  await (await import("@/lib/jobs/instance")).stopJobs();
  await stub.close();
  await receiver.close();
  db().$client.close();
  testEnv.removeDir();
});

describe("tracing with an OTLP endpoint configured", () => {
  it("instrumentation.ts registered OpenTelemetry, which wraps fetch", () => {
    expect(globalThis.fetch).not.toBe(fetchBeforeRegister);
    expect(trace.getTracer("probe").startSpan("probe").isRecording()).toBe(true);
  });

  let draftId = 0;

  it("a rep drafting outreach produces one trace: action → client → runtime → nodes → model calls", async () => {
    const contact = await freshContact();
    const from = receiver.spans.length;
    const [result] = await draftOutreach(rep, [contact.id]);
    expect(result).toMatchObject({ status: "drafted" });
    draftId = (result as { draftId: number }).draftId;

    const spans = await exported(from, (s) => s.some((x) => x.name === "drafts.draft_outreach"));
    const traceIds = new Set(spans.map((s) => s.traceId));
    expect(traceIds.size).toBe(1);
    const [traceId] = traceIds;
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const parentOf = (s: ReceivedSpan) => byId.get(s.parentSpanId);

    const action = only(spans, "drafts.draft_outreach");
    expect(action.parentSpanId).toBe("");
    const client = only(spans, "graph.client email_orchestrator");
    expect(client.kind).toBe(SpanKind.CLIENT + 1);
    expect(parentOf(client)).toBe(action);
    const runtime = only(spans, "graph.run email_orchestrator");
    expect(runtime.kind).toBe(SpanKind.SERVER + 1);
    expect(parentOf(runtime)).toBe(client);

    const nodes = spans.filter((s) => s.name.startsWith("graph.node "));
    const orchestratorNodes = nodes.filter((s) => s.attributes["agentic_sales.graph"] === "email_orchestrator");
    expect(orchestratorNodes.map((s) => s.attributes["agentic_sales.node"]).sort()).toEqual(
      ["hydrate", "load_history", "safety_gate", "recall_memory", "plan_tasks", "assess_lead", "decide_action", "plan_roles", "compose", "review_draft", "store_draft", "await_approval"].sort(),
    );
    for (const node of orchestratorNodes) expect(parentOf(node), node.name).toBe(runtime);
    // The compose subgraph's node runs inside the compose node.
    const draftNode = only(spans, "graph.node draft_email");
    expect(parentOf(draftNode)).toBe(only(spans, "graph.node compose"));
    // The interrupt that pauses for a person is not an error.
    expect(only(spans, "graph.node await_approval").status.code).toBe(0);

    const calls = named(spans, "chat stub-model");
    expect(calls.map((c) => parentOf(c)?.attributes["agentic_sales.node"])).toEqual(["plan_tasks", "plan_roles", "draft_email"]);
    for (const call of calls) {
      expect(call.attributes["agentic_sales.node"]).toBe(parentOf(call)!.attributes["agentic_sales.node"]);
      expect(call.attributes).toMatchObject({ "gen_ai.request.model": "stub-model", "agentic_sales.feature": "outreach", "agentic_sales.cache_hit": false });
      expect(call.attributes["agentic_sales.prompt_version"]).toEqual(expect.any(String));
      expect(call.attributes["gen_ai.usage.input_tokens"]).toBeGreaterThan(0);
      expect(call.attributes["gen_ai.usage.output_tokens"]).toBeGreaterThan(0);
      expect(call.attributes["agentic_sales.cost_usd"]).toEqual(expect.any(Number));
    }
    // The model's HTTP request (fetch instrumentation) nests under its call.
    expect(spans.filter((s) => s.scope === "@vercel/otel/fetch").every((s) => parentOf(s)?.name === "chat stub-model")).toBe(true);
    expect(runtime.attributes).toMatchObject({ "agentic_sales.llm_calls": 3, "agentic_sales.feature": "outreach", "langgraph.run_id": client.attributes["langgraph.run_id"] });
    expect(client.attributes["langgraph.peer_trace_id"]).toBe(traceId);

    // The run, its model calls and the draft all carry the trace id.
    const run = await one<{ trace_id: string }>(sql`SELECT trace_id FROM runs WHERE id = ${client.attributes["langgraph.run_id"] as string}`);
    expect(run.trace_id).toBe(traceId);
    const callTraces = await db().all<{ trace_id: string }>(sql`SELECT trace_id FROM llm_calls WHERE run_id = ${run && (client.attributes["langgraph.run_id"] as string)}`);
    expect(callTraces.map((c) => c.trace_id)).toEqual([traceId, traceId, traceId]);
    expect((await one<{ trace_id: string }>(sql`SELECT trace_id FROM drafts WHERE id = ${draftId}`)).trace_id).toBe(traceId);

    // Nothing exported carries the draft, the prompts or the contact.
    const everything = JSON.stringify(spans.map((s) => s.raw));
    for (const secret of ["Zephyr-marmalade", "Quillfeather", "You plan the next steps", "Pick the roles", contact.email, `"${contact.first_name}"`]) {
      expect(everything).not.toContain(secret);
    }
  });

  it("approving the draft is a second trace that resumes the same thread", async () => {
    const from = receiver.spans.length;
    expect(await approveDraft(rep, draftId)).toMatchObject({ status: "sent" });
    const spans = await exported(from, (s) => s.some((x) => x.name === "drafts.approve_draft"));
    const action = only(spans, "drafts.approve_draft");
    const mine = spans.filter((s) => s.traceId === action.traceId);
    const byId = new Map(mine.map((s) => [s.spanId, s]));
    const runtime = only(mine, "graph.run email_orchestrator");
    expect(byId.get(runtime.parentSpanId)?.name).toBe("graph.client email_orchestrator");
    expect(byId.get(byId.get(runtime.parentSpanId)!.parentSpanId)).toBe(action);
    const resumed = mine.filter((s) => s.name.startsWith("graph.node ")).map((s) => s.attributes["agentic_sales.node"]);
    expect(resumed).toEqual(expect.arrayContaining(["await_approval", "apply_decision"]));
    expect(JSON.stringify(spans.map((s) => s.raw))).not.toContain("Zephyr-marmalade");
  });

  it("over HTTP too, the runtime's span is the child of the client's", async () => {
    const runtime = createRuntime({ database: db(), registry: FLEET, checkpointer: new LibsqlSaver(db()), tokens: ["http-test-token-0123456789abcdef"] });
    const server = await serveRuntime(runtime);
    try {
      const client = createGraphClient(FLEET, { apiUrl: server.url, token: "http-test-token-0123456789abcdef", maxConcurrency: 2 });
      const from = receiver.spans.length;
      const result = await withSpan("test.http_action", {}, () => client.run("inbound_classify", { subject: "Unsubscribe", body: "please remove me", from: "ann@example.com" }));
      expect(result.values).toBeTruthy();
      const spans = await exported(from, (s) => s.some((x) => x.name === "test.http_action"));
      const client_ = only(spans, "graph.client inbound_classify");
      const run = only(spans, "graph.run inbound_classify");
      expect(run.traceId).toBe(client_.traceId);
      expect(run.parentSpanId).toBe(client_.spanId);
      expect(result.traceId).toBe(client_.traceId);
    } finally {
      await server.close();
    }
  });

  it("in-process, the runtime continues the traceparent it was sent, not whatever span is active", async () => {
    const runtime = createRuntime({ database: db(), registry: TEST_REGISTRY, checkpointer: new LibsqlSaver(db()), tokens: ["inproc-test-token-0123456789abcdef"] });
    const sentTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
    const from = receiver.spans.length;
    const response = await withSpan("test.unrelated", {}, () =>
      runtime.handle(
        new Request("http://embedded.invalid/runs/wait", {
          method: "POST",
          headers: { authorization: "Bearer inproc-test-token-0123456789abcdef", "content-type": "application/json", traceparent: `00-${sentTrace}-00f067aa0ba902b7-01` },
          body: JSON.stringify({ assistant_id: "echo", input: { message: "hi" } }),
        }),
        "/runs/wait",
      ).then(async (r) => ({ headers: r.headers, body: (await r.json()) as unknown })),
    );
    expect(response.headers.get("x-trace-id")).toBe(sentTrace);
    const spans = await exported(from, (s) => s.some((x) => x.name === "graph.run echo"));
    const run = only(spans, "graph.run echo");
    expect(run.traceId).toBe(sentTrace);
    expect(run.parentSpanId).toBe("00f067aa0ba902b7");
  });

  it("a failing node is an error span labelled by its error's class, never by its message", async () => {
    const traced = nodeTracer({ assistantId: "probe_graph", feature: "testing" });
    const State = Annotation.Root({ note: Annotation<string> });
    const graph = new StateGraph(State)
      .addNode("explode", traced("explode", (): { note: string } => {
        throw new TypeError("Dear Ann, Zephyr-marmalade");
      }))
      .addEdge(START, "explode")
      .addEdge("explode", END)
      .compile();
    const from = receiver.spans.length;
    await expect(withSpan("test.failing_action", {}, () => graph.invoke({ note: "x" }))).rejects.toThrow(TypeError);
    const spans = await exported(from, (s) => s.some((x) => x.name === "test.failing_action"));
    const node = only(spans, "graph.node explode");
    expect(node.status).toEqual({ code: 2, message: "TypeError" });
    expect(node.attributes["agentic_sales.feature"]).toBe("testing");
    expect(only(spans, "test.failing_action").status.code).toBe(2);
    expect(JSON.stringify(spans.map((x) => x.raw))).not.toContain("Zephyr-marmalade");
  });
});
