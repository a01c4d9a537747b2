import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDatabase } from "@/db/testing";
import { call, startTestRuntime, TEST_TOKEN } from "./testing";

let db: Awaited<ReturnType<typeof tempDatabase>>;
let rt: Awaited<ReturnType<typeof startTestRuntime>>;

beforeAll(async () => {
  db = await tempDatabase("runtime-stream");
  rt = await startTestRuntime(db.database);
});
afterAll(async () => {
  await rt.close();
  db.cleanup();
});

type Event = { event: string; data: unknown };
type Created = { run_id: string; thread_id?: string | null };

async function collect(stream: AsyncIterable<{ event: string; data: unknown }>): Promise<Event[]> {
  const events: Event[] = [];
  for await (const { event, data } of stream) events.push({ event, data });
  return events;
}

const runRow = async (id: string) =>
  (await db.database.all<{ status: string; error: string | null; thread_id: string | null }>(sql`SELECT status, error, thread_id FROM runs WHERE id = ${id}`))[0];
const stepsOf = async (id: string) =>
  db.database.all<{ node: string; status: string }>(sql`SELECT node, status FROM run_steps WHERE run_id = ${id} ORDER BY id`);
const runCount = async () => (await db.database.all<{ n: number }>(sql`SELECT count(*) AS n FROM runs`))[0]!.n;

describe("streaming a run through the official SDK", () => {
  it("a caller streams updates of a stateless two-node run: metadata, one update per node in order, then end; the run and its steps are recorded", async () => {
    let created: Created | undefined;
    const events = await collect(
      rt.client.runs.stream(null, "echo", { input: { message: "hi", repeat: 2 }, streamMode: "updates", onRunCreated: (m) => (created = m) }),
    );
    expect(events.map((e) => e.event)).toEqual(["metadata", "updates", "updates", "end"]);
    expect(events[0]!.data).toEqual({ run_id: created!.run_id, attempt: 1 });
    expect(events[1]!.data).toEqual({ echo_message: { echoed: "hi hi" } });
    expect(events[2]!.data).toEqual({ measure: { length: 5 } });
    expect(events[3]!.data).toBeNull();
    expect(await runRow(created!.run_id)).toEqual({ status: "success", error: null, thread_id: null });
    expect(await stepsOf(created!.run_id)).toEqual([{ node: "echo_message", status: "success" }, { node: "measure", status: "success" }]);
  });

  it("a caller that names no stream mode gets values, the last of them the final state", async () => {
    const events = await collect(rt.client.runs.stream(null, "echo", { input: { message: "ok" } }));
    expect(events[0]!.event).toBe("metadata");
    expect(events.at(-1)!.event).toBe("end");
    const values = events.filter((e) => e.event === "values").map((e) => e.data);
    expect(values.length).toBeGreaterThanOrEqual(2);
    expect(values.at(-1)).toEqual({ message: "ok", repeat: 1, echoed: "ok", length: 2 });
  });

  it("events arrive while the run is still going, not all at its end", async () => {
    const thread = await rt.client.threads.create();
    const started = Date.now();
    const arrivals: { event: string; at: number; data: unknown }[] = [];
    for await (const { event, data } of rt.client.runs.stream(thread.thread_id, "slow", { input: { ms: 600 }, streamMode: ["tasks", "updates"] })) {
      arrivals.push({ event, data, at: Date.now() - started });
    }
    const taskStart = arrivals.find((a) => a.event === "tasks" && "input" in (a.data as object));
    const update = arrivals.find((a) => a.event === "updates");
    expect(taskStart).toBeDefined();
    expect(update!.data).toEqual({ sleep: { slept: true } });
    // The node's start reached the caller well before the node's sleep ended.
    expect(update!.at - taskStart!.at).toBeGreaterThanOrEqual(450);
    expect((await rt.client.threads.get(thread.thread_id)).status).toBe("idle");
  });

  it("a thread run that pauses for a person streams the interrupt as an update and leaves the thread interrupted", async () => {
    const thread = await rt.client.threads.create();
    const events = await collect(rt.client.runs.stream(thread.thread_id, "approval", { input: { subject: "pricing" }, streamMode: "updates" }));
    expect(events.map((e) => e.event)).toEqual(["metadata", "updates", "updates", "end"]);
    expect(events[1]!.data).toEqual({ write_draft: { draft: "Draft about pricing" } });
    expect(events[2]!.data).toMatchObject({ __interrupt__: [{ id: expect.any(String), value: { description: "Review the draft about **pricing**" } }] });
    expect((await rt.client.threads.get(thread.thread_id)).status).toBe("interrupted");
  });

  it("a run that fails part-way streams the update it made, then an error naming the graph and node, then end; the failure is recorded", async () => {
    let created: Created | undefined;
    const events = await collect(rt.client.runs.stream(null, "failing", { input: { subject: "x" }, streamMode: "updates", onRunCreated: (m) => (created = m) }));
    expect(events.map((e) => e.event)).toEqual(["metadata", "updates", "error", "end"]);
    expect(events[1]!.data).toEqual({ prepare: { prepared: true } });
    expect(events[2]!.data).toEqual({ error: "Error", message: 'The "failing" graph fails in explode on purpose (subject: x).' });
    expect(await runRow(created!.run_id)).toMatchObject({ status: "error", error: expect.stringContaining('"failing"') });
    // LangGraph may throw a node's error before it streams that task's start (timing decides), so
    // the node that threw has an error step only sometimes; the run's error always names it.
    const steps = await stepsOf(created!.run_id);
    expect(steps[0]).toEqual({ node: "prepare", status: "success" });
    expect(steps.slice(1)).toEqual(steps.length > 1 ? [{ node: "explode", status: "error" }] : []);
  });
});

describe("refusals come before the stream and before any write", () => {
  it("bad bodies are 422s naming the field, and no run is recorded", async () => {
    const before = await runCount();
    const cases: [unknown, string][] = [
      [{ assistant_id: "echo", input: { message: "x" }, turbo: true }, "turbo"],
      [{ assistant_id: "echo", input: { message: "" } }, "input.message"],
      [{ assistant_id: "echo", input: { message: "x" }, stream_mode: ["updates", "messages"] }, "stream_mode"],
      [{ assistant_id: "echo", input: { message: "x" }, stream_subgraphs: true }, "stream_subgraphs"],
    ];
    for (const [json, field] of cases) {
      const res = await call(rt.url, "/runs/stream", { method: "POST", json });
      expect(res.status, field).toBe(422);
      expect(res.headers.get("content-type")).toContain("application/json");
      expect(res.body.error.field).toBe(field);
    }
    const malformed = await call(rt.url, "/runs/stream", { method: "POST", body: "{nope", headers: { "content-type": "application/json" } });
    expect(malformed.status).toBe(422);
    expect(await runCount()).toBe(before);
  });

  it("an unknown assistant is a 404, a graph whose module throws a 500 naming it, and no token a 401", async () => {
    expect((await call(rt.url, "/runs/stream", { method: "POST", json: { assistant_id: "nope", input: {} } })).status).toBe(404);
    const broken = await call(rt.url, "/runs/stream", { method: "POST", json: { assistant_id: "broken", input: {} } });
    expect(broken.status).toBe(500);
    expect(broken.body.error).toMatchObject({ assistant_id: "broken", message: expect.stringContaining('Graph "broken" failed to load') });
    const anonymous = await call(rt.url, "/runs/stream", { method: "POST", token: null, json: { assistant_id: "echo", input: { message: "x" } } });
    expect(anonymous.status).toBe(401);
  });

  it("a second streamed run on a busy thread gets 422", async () => {
    const thread = await rt.client.threads.create();
    const first = rt.client.runs.wait(thread.thread_id, "slow", { input: { ms: 300 } });
    await new Promise((r) => setTimeout(r, 80));
    const second = await call(rt.url, `/threads/${thread.thread_id}/runs/stream`, { method: "POST", json: { assistant_id: "slow", input: { ms: 1 } } });
    expect(second.status).toBe(422);
    await first;
  });
});

describe("a caller that goes away", () => {
  it("stops the run when it aborts the request, and the thread is free again", async () => {
    const thread = await rt.client.threads.create();
    const aborter = new AbortController();
    let created: Created | undefined;
    const seen: string[] = [];
    const reading = (async () => {
      for await (const { event } of rt.client.runs.stream(thread.thread_id, "slow", { input: { ms: 10_000 }, signal: aborter.signal, onRunCreated: (m) => (created = m) })) {
        seen.push(event);
        if (event === "metadata") aborter.abort();
      }
    })().catch((e: unknown) => e);
    await reading;
    expect(seen[0]).toBe("metadata");
    await expect.poll(async () => (await runRow(created!.run_id))?.status, { timeout: 3_000 }).toBe("cancelled");
    await expect.poll(async () => (await rt.client.threads.get(thread.thread_id)).status, { timeout: 3_000 }).toBe("idle");
  });

  it("stops the run when it stops reading, even on a raw connection", async () => {
    const response = await fetch(`${rt.url}/threads/${crypto.randomUUID()}/runs/stream`, {
      method: "POST",
      headers: { authorization: `Bearer ${TEST_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ assistant_id: "slow", input: { ms: 10_000 }, stream_mode: "updates", if_not_exists: "create" }),
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const runId = response.headers.get("content-location")!.split("/").at(-1)!;
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toBe(`event: metadata\ndata: {"run_id":"${runId}","attempt":1}\n\n`);
    await reader.cancel();
    await expect.poll(async () => (await runRow(runId))?.status, { timeout: 3_000 }).toBe("cancelled");
  });

  it("lets the run finish when it asked for on_disconnect=continue", async () => {
    const aborter = new AbortController();
    let created: Created | undefined;
    await (async () => {
      const thread = await rt.client.threads.create();
      for await (const { event } of rt.client.runs.stream(thread.thread_id, "slow", { input: { ms: 300 }, onDisconnect: "continue", signal: aborter.signal, onRunCreated: (m) => (created = m) })) {
        if (event === "metadata") aborter.abort();
      }
    })().catch(() => undefined);
    await expect.poll(async () => (await runRow(created!.run_id))?.status, { timeout: 3_000 }).toBe("success");
  });
});

describe("the wait path next to the stream", () => {
  it("a wait still answers a plain JSON body with Content-Location, unchanged", async () => {
    const res = await call(rt.url, "/runs/wait", { method: "POST", json: { assistant_id: "echo", input: { message: "t" }, stream_mode: "messages" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("content-location")).toMatch(/^\/runs\/[0-9a-f-]{36}$/);
    expect(res.body).toEqual({ message: "t", repeat: 1, echoed: "t", length: 1 });
  });
});
