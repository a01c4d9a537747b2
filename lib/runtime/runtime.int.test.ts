import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { tempDatabase } from "@/db/testing";
import { call, startTestRuntime } from "./testing";

let db: Awaited<ReturnType<typeof tempDatabase>>;
let rt: Awaited<ReturnType<typeof startTestRuntime>>;

beforeAll(async () => {
  db = await tempDatabase("runtime");
  rt = await startTestRuntime(db.database);
});
afterAll(async () => {
  await rt.close();
  db.cleanup();
});

const threadCount = async () => (await db.database.all<{ n: number }>(sql`SELECT count(*) AS n FROM threads`))[0]!.n;
const rowCounts = async () =>
  (await db.database.all<{ threads: number; runs: number; drafts: number; checkpoints: number }>(
    sql`SELECT (SELECT count(*) FROM threads) AS threads, (SELECT count(*) FROM runs) AS runs, (SELECT count(*) FROM drafts) AS drafts, (SELECT count(*) FROM checkpoints) AS checkpoints`,
  ))[0];

describe("the embedded runtime, through the official SDK", () => {
  it("runs a stateless graph and records the run", async () => {
    let created: { run_id: string; thread_id?: string | null } | undefined;
    const values = await rt.client.runs.wait(null, "echo", { input: { message: "hi", repeat: 2 }, onRunCreated: (m) => (created = m) });
    expect(values).toMatchObject({ message: "hi", echoed: "hi hi", length: 5 });
    expect(created?.run_id).toMatch(/^[0-9a-f-]{36}$/);
    const [run] = await db.database.all<{ status: string; assistant_id: string; thread_id: string | null }>(
      sql`SELECT status, assistant_id, thread_id FROM runs WHERE id = ${created!.run_id}`,
    );
    expect(run).toEqual({ status: "success", assistant_id: "echo", thread_id: null });
    // A stateless run leaves no checkpoints behind.
    expect((await db.database.all<{ n: number }>(sql`SELECT count(*) AS n FROM checkpoints`))[0]!.n).toBe(0);
  });

  it("interrupts for a person, shows the interrupt, and resumes with a command", async () => {
    const thread = await rt.client.threads.create({ metadata: { purpose: "approval-test" } });
    expect(thread.status).toBe("idle");
    let pausedRun: { run_id: string } | undefined;
    const paused = await rt.client.runs.wait(thread.thread_id, "approval", { input: { subject: "pricing" }, onRunCreated: (m) => (pausedRun = m) });
    const steps = await db.database.all<{ node: string; status: string }>(sql`SELECT node, status FROM run_steps WHERE run_id = ${pausedRun!.run_id} ORDER BY id`);
    expect(steps).toEqual([{ node: "write_draft", status: "success" }, { node: "await_decision", status: "interrupted" }]);
    const interrupts = (paused as { __interrupt__?: { id: string; value: { action_request: { args: { draft: string } } } }[] }).__interrupt__;
    expect(interrupts?.[0]?.value.action_request.args.draft).toBe("Draft about pricing");

    const state = await rt.client.threads.getState(thread.thread_id);
    expect(state.next).toEqual(["await_decision"]);
    expect(state.tasks[0]?.interrupts[0]?.value).toMatchObject({ description: "Review the draft about **pricing**" });
    expect((await rt.client.threads.get(thread.thread_id)).status).toBe("interrupted");
    const waiting = await rt.client.threads.search({ status: "interrupted", metadata: { purpose: "approval-test" } });
    expect(waiting.map((t) => t.thread_id)).toEqual([thread.thread_id]);

    const done = await rt.client.runs.wait(thread.thread_id, "approval", { command: { resume: { decision: "approve", note: "ship it" } } });
    expect(done).toMatchObject({ subject: "pricing", draft: "Draft about pricing", decision: "approve", note: "ship it" });
    const after = await rt.client.threads.get(thread.thread_id);
    expect(after.status).toBe("idle");
    expect(after.values).toMatchObject({ decision: "approve" });
    const history = await rt.client.threads.getHistory(thread.thread_id, { limit: 10 });
    expect(history.length).toBeGreaterThanOrEqual(3);
  });

  it("lists and shows registered assistants", async () => {
    const assistants = await rt.client.assistants.search({ limit: 50 });
    expect(assistants.map((a) => a.assistant_id).sort()).toEqual(["approval", "broken", "echo", "failing", "slow"]);
    expect((await rt.client.assistants.get("echo")).graph_id).toBe("echo");
  });
});

describe("runtime auth", () => {
  it("answers 401 JSON without a token or with a wrong one", async () => {
    for (const token of [null, "wrong-token"]) {
      const res = await call(rt.url, "/runs/wait", { method: "POST", token, json: { assistant_id: "echo", input: { message: "x" } } });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("unauthorized:runtime");
    }
  });

  it("/info tells a caller that LangSmith traces runs only when it does", async () => {
    expect((await call(rt.url, "/info", { token: null })).body.flags).toMatchObject({ langsmith: false });
    const traced = await startTestRuntime(db.database, undefined, { langsmith: true });
    try {
      expect((await call(traced.url, "/info", { token: null })).body.flags).toMatchObject({ langsmith: true });
    } finally {
      await traced.close();
    }
  });

  it("keeps /ok and /health open, and /health never waits on a compile", async () => {
    expect((await call(rt.url, "/ok", { token: null })).body).toEqual({ ok: true });
    const health = await call(rt.url, "/health", { token: null });
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: "ok", graphs: 5 });
  });
});

describe("bad input", () => {
  it("an unknown assistant is a 404 naming it", async () => {
    const res = await call(rt.url, "/runs/wait", { method: "POST", json: { assistant_id: "nope", input: {} } });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: "not_found:assistants", field: "assistant_id" });
    expect(res.body.error.message).toContain("nope");
  });

  it("malformed JSON, unknown fields and bad input are 422s naming the field", async () => {
    const malformed = await call(rt.url, "/runs/wait", { method: "POST", body: "{nope", headers: { "content-type": "application/json" } });
    expect(malformed.status).toBe(422);
    expect(malformed.body.error.field).toBe("body");

    const unknown = await call(rt.url, "/runs/wait", { method: "POST", json: { assistant_id: "echo", input: { message: "x" }, turbo: true } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.field).toBe("turbo");

    const badInput = await call(rt.url, "/runs/wait", { method: "POST", json: { assistant_id: "echo", input: { message: "", repeat: 2 } } });
    expect(badInput.status).toBe(422);
    expect(badInput.body.error.field).toBe("input.message");

    const unsupported = await call(rt.url, "/runs/wait", { method: "POST", json: { assistant_id: "echo", input: { message: "x" }, webhook: "http://x" } });
    expect(unsupported.status).toBe(422);
    expect(unsupported.body.error.message).toContain("webhooks are not supported");
  });

  it("a body over 1 MB is a 413", async () => {
    const res = await call(rt.url, "/runs/wait", { method: "POST", json: { assistant_id: "echo", input: { message: "x".repeat(1_100_000) } } });
    expect(res.status).toBe(413);
  });

  it("a refused request never leaves a half-created thread", async () => {
    const before = await threadCount();
    const id = crypto.randomUUID();
    const res = await call(rt.url, `/threads/${id}/runs/wait`, {
      method: "POST",
      json: { assistant_id: "approval", input: { subject: "" }, if_not_exists: "create" },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.field).toBe("input.subject");
    expect(await threadCount()).toBe(before);
    expect((await call(rt.url, `/threads/${id}`)).status).toBe(404);
  });

  it("a caller who runs a resumable graph without a thread gets a 422 naming thread_id, and nothing is written", async () => {
    const before = await rowCounts();
    for (const path of ["/runs/wait", "/runs/stream"]) {
      const res = await call(rt.url, path, { method: "POST", json: { assistant_id: "approval", input: { subject: "orphan" } } });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: "unprocessable:runs", field: "thread_id" });
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("a caller who sets a LangGraph-internal configurable key gets a 422 naming it, and nothing is written", async () => {
    const thread = await rt.client.threads.create();
    const before = await rowCounts();
    const res = await call(rt.url, `/threads/${thread.thread_id}/runs/wait`, {
      method: "POST",
      json: { assistant_id: "approval", input: { subject: "x" }, config: { configurable: { user_id: "u1", __pregel_checkpointer: null } } },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.field).toBe("config.configurable.__pregel_checkpointer");
    expect(await rowCounts()).toEqual(before);
    expect((await rt.client.threads.get(thread.thread_id)).status).toBe("idle");
  });

  it("a caller who asks one thread's history for another thread's checkpoint gets a 422 naming checkpoint.thread_id", async () => {
    const [mine, theirs] = [await rt.client.threads.create(), await rt.client.threads.create()];
    await rt.client.runs.wait(theirs.thread_id, "approval", { input: { subject: "secret" } });
    await rt.client.runs.wait(mine.thread_id, "approval", { input: { subject: "mine" } });
    const posted = await call(rt.url, `/threads/${mine.thread_id}/history`, { method: "POST", json: { checkpoint: { thread_id: theirs.thread_id } } });
    expect(posted.status).toBe(422);
    expect(posted.body.error.field).toBe("checkpoint.thread_id");
    const before = await call(rt.url, `/threads/${mine.thread_id}/history`, { method: "POST", json: { before: { configurable: { thread_id: theirs.thread_id } } } });
    expect(before.status).toBe(422);
    expect(before.body.error.field).toBe("before.configurable.thread_id");
    const own = await rt.client.threads.getHistory(mine.thread_id, { checkpoint: { thread_id: mine.thread_id } as never });
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((s) => s.checkpoint.thread_id === mine.thread_id)).toBe(true);
  });

  it("a thread id must be a UUID", async () => {
    const res = await call(rt.url, "/threads/not-a-uuid/state");
    expect(res.status).toBe(422);
    expect(res.body.error.field).toBe("thread_id");
  });
});

describe("fault isolation", () => {
  it("a graph whose module throws fails only its own runs, with a 500 naming it", async () => {
    const res = await call(rt.url, "/runs/wait", { method: "POST", json: { assistant_id: "broken", input: {} } });
    expect(res.status).toBe(500);
    expect(res.body.error.assistant_id).toBe("broken");
    expect(res.body.error.message).toContain('Graph "broken" failed to load');
    expect(await rt.client.runs.wait(null, "echo", { input: { message: "still here" } })).toMatchObject({ echoed: "still here" });
    const health = await call(rt.url, "/health", { token: null });
    expect(health.body.failed).toEqual(["broken"]);
    expect(health.body.compiled).toBeGreaterThanOrEqual(1);
  });
});

describe("threads under load", () => {
  it("a second run on a busy thread gets 422; an enqueued one waits its turn", async () => {
    const thread = await rt.client.threads.create();
    const first = rt.client.runs.wait(thread.thread_id, "slow", { input: { ms: 400 } });
    await new Promise((r) => setTimeout(r, 100));
    const second = await call(rt.url, `/threads/${thread.thread_id}/runs/wait`, { method: "POST", json: { assistant_id: "slow", input: { ms: 1 } } });
    expect(second.status).toBe(422);
    expect(second.body.error.message).toContain("already running");
    const queued = await call(rt.url, `/threads/${thread.thread_id}/runs/wait`, {
      method: "POST",
      json: { assistant_id: "slow", input: { ms: 1 }, multitask_strategy: "enqueue" },
    });
    expect(queued.status).toBe(200);
    expect(queued.body).toMatchObject({ slept: true, ms: 1 });
    expect(await first).toMatchObject({ slept: true, ms: 400 });
  });

  it("a caller that disconnects with on_disconnect=cancel stops the run and frees the thread", async () => {
    const thread = await rt.client.threads.create();
    const aborter = new AbortController();
    const pending = rt.client.runs
      .wait(thread.thread_id, "slow", { input: { ms: 10_000 }, onDisconnect: "cancel", signal: aborter.signal })
      .catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 150));
    aborter.abort();
    expect(await pending).toBeInstanceOf(Error);
    await expect.poll(async () => (await rt.client.threads.get(thread.thread_id)).status, { timeout: 3_000 }).toBe("idle");
    const [run] = await db.database.all<{ status: string }>(sql`SELECT status FROM runs WHERE thread_id = ${thread.thread_id}`);
    expect(run?.status).toBe("cancelled");
  });
});

describe("response headers", () => {
  it("echo the caller's trace id and name the run, and add nothing else", async () => {
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const traced = await call(rt.url, "/runs/wait", {
      method: "POST",
      json: { assistant_id: "echo", input: { message: "t" } },
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    expect(traced.headers.get("x-trace-id")).toBe(traceId);
    expect(traced.headers.get("content-location")).toMatch(/^\/runs\/[0-9a-f-]{36}$/);
    const plain = await call(rt.url, "/runs/wait", { method: "POST", json: { assistant_id: "echo", input: { message: "t" } } });
    expect(plain.headers.get("x-trace-id")).toBeNull();
    expect(plain.headers.get("x-langsmith-run-id")).toBeNull();
    expect(plain.headers.get("x-langsmith-run-url")).toBeNull();
  });
});

describe("durability", () => {
  it("a thread interrupted under one runtime resumes under a fresh one on the same file", async () => {
    const thread = await rt.client.threads.create();
    await rt.client.runs.wait(thread.thread_id, "approval", { input: { subject: "restart" } });
    const reopened = await openDatabase(db.url);
    const fresh = await startTestRuntime(reopened);
    try {
      expect((await fresh.client.threads.get(thread.thread_id)).status).toBe("interrupted");
      const done = await fresh.client.runs.wait(thread.thread_id, "approval", { command: { resume: { decision: "reject", note: "not now" } } });
      expect(done).toMatchObject({ subject: "restart", draft: "Draft about restart", decision: "reject", note: "not now" });
    } finally {
      await fresh.close();
      reopened.$client.close();
    }
  });
});
