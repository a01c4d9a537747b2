import type { Client } from "@langchain/langgraph-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDatabase } from "@/db/testing";
import { TEST_REGISTRY } from "@/graphs/testing/registry";
import { createGraphClient } from "@/lib/langgraph/client";
import { startOfficialServer, type OfficialServer } from "./testing/official-server";
import { startTestRuntime, TEST_TOKEN } from "./testing";

/**
 * One scenario (waits, streams, threads) through the official SDK against our embedded runtime
 * and against the official LangGraph dev server (`langgraphjs dev`, in-memory, offline) loading
 * the same graph files.
 * The servers must agree on everything the scenario shows a caller; the few places where they do
 * not are pinned one by one at the end, so a change on either side shows up here.
 */

type Target = "embedded" | "official";
type Values = Record<string, unknown>;
type Transcript = Awaited<ReturnType<typeof runScenario>>;

const REVIEW = {
  action_request: { action: "review", args: { draft: "Draft about pricing" } },
  description: "Review the draft about **pricing**",
};
const PAUSED_VALUES = { subject: "pricing", draft: "Draft about pricing" };
const FINAL_VALUES = { ...PAUSED_VALUES, decision: "approve", note: "ship it" };

type Streamed = { event: string; data: unknown }[];

async function streamed(stream: AsyncIterable<{ event: string; data: unknown }>): Promise<Streamed> {
  const events: Streamed = [];
  for await (const { event, data } of stream) events.push({ event, data });
  return events;
}

async function runScenario(client: Client) {
  const stateless = (await client.runs.wait(null, "echo", { input: { message: "hi", repeat: 2 } })) as Values;
  const streamedUpdates = await streamed(client.runs.stream(null, "echo", { input: { message: "hi", repeat: 2 }, streamMode: "updates" }));
  const streamedFailure = await streamed(client.runs.stream(null, "failing", { input: { subject: "x" }, streamMode: "updates" }));
  const thread = await client.threads.create({ metadata: { purpose: "compat" } });
  const paused = (await client.runs.wait(thread.thread_id, "approval", { input: { subject: "pricing" } })) as Values;
  const state = await client.threads.getState(thread.thread_id);
  const pausedThread = await client.threads.get(thread.thread_id);
  const resume = { decision: "approve", note: "ship it" };
  const done = (await client.runs.wait(thread.thread_id, "approval", { command: { resume } })) as Values;
  const finalState = await client.threads.getState(thread.thread_id);
  const finalThread = await client.threads.get(thread.thread_id);
  return { stateless, streamedUpdates, streamedFailure, thread, paused, state, pausedThread, done, finalState, finalThread };
}

/** A stream without the `end` event, which only ours sends (pinned below). */
const withoutEnd = (events: Streamed) => events.filter((e) => e.event !== "end");

function expectScenario(t: Transcript) {
  expect(t.stateless).toEqual({ message: "hi", repeat: 2, echoed: "hi hi", length: 5 });
  expect(withoutEnd(t.streamedUpdates)).toEqual([
    { event: "metadata", data: { run_id: expect.stringMatching(ID), attempt: 1 } },
    { event: "updates", data: { echo_message: { echoed: "hi hi" } } },
    { event: "updates", data: { measure: { length: 5 } } },
  ]);
  expect(withoutEnd(t.streamedFailure).map((e) => e.event)).toEqual(["metadata", "updates", "error"]);
  expect(t.streamedFailure.find((e) => e.event === "error")?.data).toEqual({ error: "Error", message: 'The "failing" graph fails in explode on purpose (subject: x).' });
  expect(t.thread).toMatchObject({ status: "idle", metadata: { purpose: "compat" } });
  expect(t.paused.__interrupt__).toEqual([{ id: expect.any(String), value: REVIEW }]);
  expect(t.state.values).toEqual(PAUSED_VALUES);
  expect(t.state.next).toEqual(["await_decision"]);
  expect(t.state.tasks).toHaveLength(1);
  expect(t.state.tasks[0]).toMatchObject({ name: "await_decision", error: null });
  expect(t.state.tasks[0]?.interrupts).toEqual([{ id: expect.any(String), value: REVIEW }]);
  expect(t.state.checkpoint.thread_id).toBe(t.thread.thread_id);
  expect(t.pausedThread).toMatchObject({ status: "interrupted", values: PAUSED_VALUES });
  expect(t.done).toEqual(FINAL_VALUES);
  expect(t.finalState).toMatchObject({ values: FINAL_VALUES, next: [], tasks: [] });
  expect(t.finalThread).toMatchObject({ status: "idle", values: FINAL_VALUES });
}

/** The parts both servers must agree on; every field left out is pinned below as a difference. */
function comparable(t: Transcript) {
  const pick = <T extends object, K extends keyof T>(o: T, keys: K[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));
  const state = (s: Transcript["state"]) => ({
    ...pick(s, ["values", "next", "tasks", "created_at", "checkpoint", "parent_checkpoint"]),
    metadata: pick(s.metadata ?? {}, ["source", "step", "parents", "thread_id", "run_id", "graph_id", "purpose", "ls_integration"]),
  });
  const thread = (th: Transcript["thread"]) => ({
    ...pick(th, ["thread_id", "created_at", "updated_at", "status", "values", "interrupts"]),
    metadata: pick(th.metadata ?? {}, ["purpose", "graph_id"]),
  });
  return {
    stateless: t.stateless,
    streamedUpdates: withoutEnd(t.streamedUpdates),
    streamedFailure: withoutEnd(t.streamedFailure),
    thread: pick(t.thread, ["thread_id", "created_at", "updated_at", "status", "metadata", "config"]),
    pausedInterrupts: t.paused.__interrupt__,
    state: state(t.state),
    pausedThread: thread(t.pausedThread),
    done: t.done,
    finalState: state(t.finalState),
    finalThread: thread(t.finalThread),
  };
}

const ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Ids (values and keys) become `<id N>` in order of first appearance (keys visited sorted, so both
 * servers number alike), keeping which-id-is-which comparable; timestamps become `<time>`.
 */
function normalise(value: unknown): unknown {
  const ids = new Map<string, string>();
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") {
      if (ID.test(v)) {
        if (!ids.has(v)) ids.set(v, `<id ${ids.size + 1}>`);
        return ids.get(v);
      }
      return TIME.test(v) ? "<time>" : v;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      // Keys can be ids too (interrupts by task id).
      return Object.fromEntries(Object.keys(o).sort().map((k) => [walk(k) as string, walk(o[k])]));
    }
    return v;
  };
  return walk(value);
}

let db: Awaited<ReturnType<typeof tempDatabase>> | undefined;
let embedded: Awaited<ReturnType<typeof startTestRuntime>> | undefined;
let official: OfficialServer | undefined;
const transcripts: Partial<Record<Target, Transcript>> = {};

function transcript(target: Target): Transcript {
  const t = transcripts[target];
  if (!t) throw new Error(`The scenario did not complete against the ${target} server; see its test above.`);
  return t;
}

beforeAll(async () => {
  const [database, server] = await Promise.all([
    tempDatabase("compat"),
    startOfficialServer(TEST_REGISTRY, { graphs: ["echo", "approval", "failing"], startupTimeoutMs: 60_000 }),
  ]);
  db = database;
  official = server;
  embedded = await startTestRuntime(db.database);
}, 90_000);

afterAll(async () => {
  await embedded?.close();
  db?.cleanup();
  await official?.stop();
});

describe.each<Target>(["embedded", "official"])("the %s server, through the official SDK", (target) => {
  it("a caller runs echo statelessly, streams it and a failing graph, pauses approval for a person, and resumes it with a command", async () => {
    const client = target === "embedded" ? embedded!.client : official!.client;
    transcripts[target] = await runScenario(client);
    expectScenario(transcripts[target]);
  });
});

describe("the embedded runtime next to the official dev server", () => {
  it("a caller sees the same results from both, ids and timestamps aside", () => {
    expect(normalise(comparable(transcript("embedded")))).toEqual(normalise(comparable(transcript("official"))));
  });

  it("a stream: ours ends with an `end` event, the official dev server just closes", () => {
    for (const events of [transcript("embedded").streamedUpdates, transcript("embedded").streamedFailure]) expect(events.at(-1)).toEqual({ event: "end", data: null });
    for (const events of [transcript("official").streamedUpdates, transcript("official").streamedFailure]) expect(events.map((e) => e.event)).not.toContain("end");
  });

  it("an interrupted wait: the official server answers only __interrupt__, ours adds the state values", () => {
    expect(Object.keys(transcript("official").paused)).toEqual(["__interrupt__"]);
    expect(transcript("embedded").paused).toEqual({ ...PAUSED_VALUES, __interrupt__: transcript("embedded").paused.__interrupt__ });
  });

  it("an interrupted thread: both list its pending interrupts by task id, and none once it is resumed", () => {
    for (const t of [transcript("embedded"), transcript("official")]) {
      expect(t.pausedThread.interrupts).toEqual({ [t.state.tasks[0]!.id]: t.state.tasks[0]!.interrupts });
      expect(t.finalThread.interrupts).toEqual({});
    }
  });

  it("a thread after a run: both add graph_id and assistant_id; the official server's assistant id is a UUID, ours the graph id, and it also adds config", () => {
    const off = transcript("official");
    expect(off.pausedThread.metadata).toEqual({ purpose: "compat", graph_id: "approval", assistant_id: expect.stringMatching(ID) });
    expect(off.pausedThread.config).toEqual({ configurable: { "user-agent": "node" } });
    expect(transcript("embedded").pausedThread.metadata).toEqual({ purpose: "compat", graph_id: "approval", assistant_id: "approval" });
    expect(transcript("embedded").pausedThread.config).toEqual({});
  });

  it("a new thread: ours also sends values: null and interrupts: {}, which the official server omits", () => {
    expect(transcript("embedded").thread).toMatchObject({ values: null, interrupts: {} });
    expect(transcript("official").thread).not.toHaveProperty("values");
    expect(transcript("official").thread).not.toHaveProperty("interrupts");
  });

  it("a state: ours also sends checkpoint_id, parent_checkpoint_id and interrupts, which the official server omits", () => {
    const extra = ["checkpoint_id", "parent_checkpoint_id", "interrupts"];
    expect(Object.keys(transcript("embedded").state)).toEqual(expect.arrayContaining(extra));
    for (const key of extra) expect(transcript("official").state).not.toHaveProperty(key);
  });

  it("state metadata: both file each checkpoint under its run and thread; the official server also adds its deployment's details", () => {
    const off = transcript("official").state.metadata ?? {};
    expect(off).toMatchObject({ assistant_id: expect.stringMatching(ID), created_by: "system", run_attempt: 1, langgraph_plan: "developer", "user-agent": "node" });
    expect(transcript("embedded").state.metadata).toEqual({
      ...pickKeys(off, ["source", "step", "parents", "graph_id", "purpose", "ls_integration"]),
      thread_id: transcript("embedded").thread.thread_id,
      run_id: expect.stringMatching(ID),
      assistant_id: "approval",
    });
  });
});

const pickKeys = (o: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));

describe("the console's typed client on either server", () => {
  it.each<Target>(["embedded", "official"])("returns the paused state and resumes it on the %s server", async (target) => {
    const client = createGraphClient(TEST_REGISTRY, {
      apiUrl: target === "embedded" ? embedded!.url : official!.url,
      token: target === "embedded" ? TEST_TOKEN : null,
      maxConcurrency: 4,
    });
    const paused = await client.run("approval", { subject: "portability" });
    expect(paused.interrupts).toHaveLength(1);
    expect(paused.values).toMatchObject({ subject: "portability", draft: "Draft about portability" });
    const done = await client.resume("approval", paused.threadId!, { decision: "approve" });
    expect(done.values).toMatchObject({ subject: "portability", decision: "approve" });
  });

  it.each<Target>(["embedded", "official"])("streams a run's steps and its result from the %s server", async (target) => {
    const client = createGraphClient(TEST_REGISTRY, {
      apiUrl: target === "embedded" ? embedded!.url : official!.url,
      token: target === "embedded" ? TEST_TOKEN : null,
      maxConcurrency: 4,
    });
    const events = [];
    for await (const event of client.stream("echo", { message: "portable" })) events.push(event);
    expect(events.map((e) => (e.type === "step" ? `${e.step.node}:${e.step.status}` : e.type))).toEqual([
      "started", "echo_message:running", "echo_message:success", "measure:running", "measure:success", "done",
    ]);
    expect(events.at(-1)).toMatchObject({ type: "done", result: { values: { message: "portable", echoed: "portable", length: 8 }, interrupts: [] } });
  });
});
