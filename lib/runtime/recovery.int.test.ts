import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/db/client";
import { tempDatabase } from "@/db/testing";
import { RESTART_ERROR } from "./recovery";
import { startRuntimeProcess, type RuntimeProcess } from "./runtime-process";
import { call, startTestRuntime, TEST_TOKEN } from "./testing";

/**
 * A runtime process killed with SIGKILL mid-run, then a runtime started on the same SQLite file:
 * what it finds and what it does about it.
 */

let db: Awaited<ReturnType<typeof tempDatabase>>;
const children: RuntimeProcess[] = [];
const runtimes: Awaited<ReturnType<typeof startTestRuntime>>[] = [];
const databases: Database[] = [];

beforeAll(async () => {
  db = await tempDatabase("recovery");
});
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => c.kill()));
  await Promise.all(runtimes.splice(0).map((r) => r.close()));
  for (const d of databases.splice(0)) d.$client.close();
});
afterAll(() => db.cleanup());

async function child(): Promise<RuntimeProcess> {
  const started = await startRuntimeProcess({ databaseUrl: db.url, registry: "test", token: TEST_TOKEN });
  children.push(started);
  return started;
}

/** A runtime in this process on the same file, as a restarted console would be. */
async function restarted() {
  const database = await openDatabase(db.url);
  databases.push(database);
  const rt = await startTestRuntime(database);
  runtimes.push(rt);
  return rt;
}

type RunRow = { id: string; status: string; error: string | null; owner: string | null; metadata: string | null; kwargs: string | null };
const runsOf = (threadId: string) =>
  db.database.all<RunRow>(sql`SELECT id, status, error, owner, metadata, kwargs FROM runs WHERE thread_id = ${threadId} ORDER BY started_at, id`);
const checkpointIds = async (threadId: string) =>
  (await db.database.all<{ id: string }>(sql`SELECT checkpoint_id AS id FROM checkpoints WHERE thread_id = ${threadId}`)).map((r) => r.id);
/** Removes the thread's checkpoints but `kept` (and their writes), as if they had never reached the file. */
async function dropCheckpoints(threadId: string, kept: string[] = []) {
  const keep = kept.length ? sql` AND checkpoint_id NOT IN (${sql.join(kept.map((k) => sql`${k}`), sql`, `)})` : sql``;
  await db.database.run(sql`DELETE FROM checkpoint_writes WHERE thread_id = ${threadId}${keep}`);
  await db.database.run(sql`DELETE FROM checkpoints WHERE thread_id = ${threadId}${keep}`);
}
const threadRow = async (threadId: string) =>
  (await db.database.all<{ status: string; error: string | null; interrupts: string }>(sql`SELECT status, error, interrupts FROM threads WHERE thread_id = ${threadId}`))[0]!;

/** Starts a slow run in the child and waits until it is recorded as running there. */
async function slowRunIn(server: RuntimeProcess, ms: number) {
  const thread = await server.client.threads.create();
  void server.client.runs.wait(thread.thread_id, "slow", { input: { ms } }).catch(() => undefined);
  await expect.poll(async () => (await runsOf(thread.thread_id))[0]?.status, { timeout: 5_000 }).toBe("running");
  // Killed before its first checkpoint, a run leaves nothing to carry on from; these tests want one.
  const checkpoints = async () => (await db.database.all<{ n: number }>(sql`SELECT count(*) AS n FROM checkpoints WHERE thread_id = ${thread.thread_id}`))[0]!.n;
  await expect.poll(checkpoints, { timeout: 5_000 }).toBeGreaterThan(0);
  return thread.thread_id;
}

describe("a runtime process killed with SIGKILL during a run", () => {
  it("a restarted runtime fails the run as interrupted by a restart and carries its thread on from the last checkpoint", async () => {
    const first = await child();
    // Long enough that the kill lands inside the node even on a loaded machine.
    const threadId = await slowRunIn(first, 3_000);
    const [killed] = await runsOf(threadId);
    expect(killed!.owner).toBe(first.owner);
    await first.kill();
    expect((await threadRow(threadId)).status).toBe("busy");

    const second = await child();
    expect(second.recovered).toMatchObject({ failed: 1, continued: 1 });
    const [failed, carried] = await runsOf(threadId);
    expect(failed).toMatchObject({ id: killed!.id, status: "error", error: RESTART_ERROR });
    expect(JSON.parse(carried!.metadata!)).toMatchObject({ continues_run: killed!.id, attempt: 2 });
    await expect.poll(async () => (await runsOf(threadId))[1]?.status, { timeout: 10_000 }).toBe("success");
    const thread = await second.client.threads.get(threadId);
    expect(thread).toMatchObject({ status: "idle", values: { ms: 3_000, slept: true } });
  });

  it("a run whose input never reached a checkpoint (its process died first) is run again from its recorded input and config", async () => {
    const first = await child();
    const thread = await first.client.threads.create();
    void first.client.runs.wait(thread.thread_id, "slow", { input: { ms: 2_500 }, config: { tags: ["again"] } }).catch(() => undefined);
    await expect.poll(async () => (await runsOf(thread.thread_id))[0]?.status, { timeout: 5_000 }).toBe("running");
    await first.kill();
    // LangGraph writes checkpoints in the background while nodes run (durability "async"): a kill
    // can land after a node's own writes and before any checkpoint of the run reached the file.
    await dropCheckpoints(thread.thread_id);

    const rt = await restarted();
    expect(await rt.runtime.recover()).toMatchObject({ failed: 1, continued: 1 });
    const [dead, again] = await runsOf(thread.thread_id);
    expect(dead).toMatchObject({ status: "error", error: RESTART_ERROR });
    expect(JSON.parse(again!.metadata!)).toMatchObject({ continues_run: dead!.id, attempt: 2 });
    expect(JSON.parse(again!.kwargs!)).toEqual({ input: { ms: 2_500 }, config: { tags: ["again"] } });
    await expect.poll(async () => (await runsOf(thread.thread_id))[1]?.status, { timeout: 10_000 }).toBe("success");
    expect(await rt.client.threads.get(thread.thread_id)).toMatchObject({ status: "idle", values: { ms: 2_500, slept: true } });
  });

  it("a second run on a thread, killed before its first checkpoint, is run again rather than taken as done by the first run's checkpoint", async () => {
    const first = await child();
    const thread = await first.client.threads.create();
    await first.client.runs.wait(thread.thread_id, "slow", { input: { ms: 1 } });
    const kept = await checkpointIds(thread.thread_id);
    void first.client.runs.wait(thread.thread_id, "slow", { input: { ms: 2_000 } }).catch(() => undefined);
    await expect.poll(async () => (await runsOf(thread.thread_id))[1]?.status, { timeout: 5_000 }).toBe("running");
    await first.kill();
    await dropCheckpoints(thread.thread_id, kept);

    const rt = await restarted();
    expect(await rt.runtime.recover()).toMatchObject({ failed: 1, continued: 1 });
    await expect.poll(async () => (await runsOf(thread.thread_id))[2]?.status, { timeout: 10_000 }).toBe("success");
    expect(await rt.client.threads.get(thread.thread_id)).toMatchObject({ status: "idle", values: { ms: 2_000, slept: true } });
  });

  it("a run killed after a step's writes were saved but before the checkpoint that closes the step is carried on, not taken as done", async () => {
    const first = await child();
    const thread = await first.client.threads.create();
    await first.client.runs.wait(thread.thread_id, "slow", { input: { ms: 1 } });
    const [run] = await runsOf(thread.thread_id);
    // The process died between saving the sleep task's writes and writing the next checkpoint:
    // LangGraph's snapshot then lists no `next` node, though the step was never closed.
    const last = (await db.database.all<{ id: string }>(sql`SELECT checkpoint_id AS id FROM checkpoints WHERE thread_id = ${thread.thread_id} ORDER BY checkpoint_id DESC LIMIT 1`))[0]!.id;
    await db.database.run(sql`DELETE FROM checkpoints WHERE thread_id = ${thread.thread_id} AND checkpoint_id = ${last}`);
    expect(await first.client.threads.getState(thread.thread_id)).toMatchObject({ next: [], tasks: [expect.objectContaining({ name: "sleep" })] });
    await db.database.run(sql`UPDATE runs SET status = 'running', ended_at = NULL WHERE id = ${run!.id}`);
    await db.database.run(sql`UPDATE threads SET status = 'busy' WHERE thread_id = ${thread.thread_id}`);
    await first.kill();

    const rt = await restarted();
    expect(await rt.runtime.recover()).toMatchObject({ failed: 1, continued: 1 });
    await expect.poll(async () => (await runsOf(thread.thread_id))[1]?.status, { timeout: 10_000 }).toBe("success");
    expect(await rt.client.threads.get(thread.thread_id)).toMatchObject({ status: "idle", values: { ms: 1, slept: true } });
    expect(await rt.client.threads.getState(thread.thread_id)).toMatchObject({ next: [], tasks: [] });
  });

  it("a finished run's thread is not run again: a run whose own checkpoint says done was cut off only while recording its end", async () => {
    const first = await child();
    const thread = await first.client.threads.create();
    await first.client.runs.wait(thread.thread_id, "slow", { input: { ms: 1 } });
    const [done] = await runsOf(thread.thread_id);
    // The process died after the run's last checkpoint, before the write that ends the run.
    await db.database.run(sql`UPDATE runs SET status = 'running', ended_at = NULL WHERE id = ${done!.id}`);
    await db.database.run(sql`UPDATE threads SET status = 'busy' WHERE thread_id = ${thread.thread_id}`);
    await first.kill();
    const rt = await restarted();
    expect(await rt.runtime.recover()).toMatchObject({ failed: 1, continued: 0, released: 1 });
    expect(await runsOf(thread.thread_id)).toHaveLength(1);
    expect(await threadRow(thread.thread_id)).toMatchObject({ status: "idle" });
  });

  it("a caller cancels a run whose process is gone, and deletes another such thread, without waiting for a sweep", async () => {
    const first = await child();
    const cancelled = await slowRunIn(first, 20_000);
    const deleted = await slowRunIn(first, 20_000);
    await first.kill();
    const rt = await restarted();

    const [run] = await runsOf(cancelled);
    const cancel = await call(rt.url, `/threads/${cancelled}/runs/${run!.id}/cancel`, { method: "POST" });
    expect(cancel.status).toBe(202);
    expect((await runsOf(cancelled))[0]).toMatchObject({ status: "cancelled" });
    expect(await threadRow(cancelled)).toMatchObject({ status: "idle", error: expect.stringContaining("Carry on from its last checkpoint") });

    expect((await call(rt.url, `/threads/${deleted}`, { method: "DELETE" })).status).toBe(204);
    expect((await call(rt.url, `/threads/${deleted}`)).status).toBe(404);
  });

  it("a thread left mid-graph past the attempt limit is carried on by a caller with a run without input", async () => {
    const first = await child();
    const threadId = await slowRunIn(first, 2_500);
    // The run was itself the last automatic attempt: the restart leaves the thread to a caller.
    await db.database.run(sql`UPDATE runs SET metadata = json_set(coalesce(metadata, '{}'), '$.attempt', 3) WHERE thread_id = ${threadId}`);
    await first.kill();
    const rt = await restarted();
    expect(await rt.runtime.recover()).toMatchObject({ failed: 1, released: 1, continued: 0 });
    expect(await rt.client.threads.get(threadId)).toMatchObject({ status: "idle", error: expect.stringContaining(RESTART_ERROR) });
    const done = await call(rt.url, `/threads/${threadId}/runs/wait`, { method: "POST", json: { assistant_id: "slow" } });
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ ms: 2_500, slept: true });
    expect(await threadRow(threadId)).toMatchObject({ status: "idle", error: null });
  });

  it("a caller cannot cancel a run another live process holds: 409, and the run goes on", async () => {
    const first = await child();
    const threadId = await slowRunIn(first, 3_000);
    const rt = await restarted();
    const [run] = await runsOf(threadId);
    const cancel = await call(rt.url, `/threads/${threadId}/runs/${run!.id}/cancel`, { method: "POST" });
    expect(cancel.status).toBe(409);
    expect(cancel.body.error.message).toContain("another process");
    expect(await rt.runtime.recover()).toMatchObject({ failed: 0 });
    await expect.poll(async () => (await runsOf(threadId))[0]?.status, { timeout: 5_000 }).toBe("success");
  });
});

describe("a run that died while its thread waited on a person", () => {
  it("a restarted runtime puts the thread back to interrupted with its interrupts, and a person's answer resumes it", async () => {
    const first = await child();
    const thread = await first.client.threads.create();
    await first.client.runs.wait(thread.thread_id, "approval", { input: { subject: "restart" } });
    const state = await first.client.threads.getState(thread.thread_id);
    // The process died after the interrupt's checkpoint was written but before it recorded the run's end.
    const deadRun = crypto.randomUUID();
    await db.database.run(sql`UPDATE threads SET status = 'busy', interrupts = '{}' WHERE thread_id = ${thread.thread_id}`);
    await db.database.run(sql`INSERT INTO runs (id, assistant_id, thread_id, status, started_at, owner, lease_until)
      VALUES (${deadRun}, 'approval', ${thread.thread_id}, 'running', ${Date.now()}, ${first.owner}, ${Date.now() + 30_000})`);
    await first.kill();

    const rt = await restarted();
    expect(await rt.runtime.recover()).toMatchObject({ failed: 1, interrupted: 1 });
    const recovered = await rt.client.threads.get(thread.thread_id);
    expect(recovered.status).toBe("interrupted");
    expect(recovered.interrupts).toEqual({ [state.tasks[0]!.id]: state.tasks[0]!.interrupts });
    expect(await rt.client.threads.search({ status: "interrupted", limit: 100 })).toContainEqual(expect.objectContaining({ thread_id: thread.thread_id }));
    const done = await rt.client.runs.wait(thread.thread_id, "approval", { command: { resume: { decision: "approve" } } });
    expect(done).toMatchObject({ subject: "restart", decision: "approve" });
    expect(await threadRow(thread.thread_id)).toMatchObject({ status: "idle", interrupts: "{}" });
  });
});

describe("leases across processes", () => {
  const fabricate = async (owner: string, leaseUntil: number) => {
    const id = crypto.randomUUID();
    await db.database.run(sql`INSERT INTO runs (id, assistant_id, thread_id, status, started_at, owner, lease_until)
      VALUES (${id}, 'echo', NULL, 'running', ${Date.now()}, ${owner}, ${leaseUntil})`);
    return id;
  };
  const statusOf = async (id: string) => (await db.database.all<{ status: string }>(sql`SELECT status FROM runs WHERE id = ${id}`))[0]!.status;

  it("a run held by a process on another host is left alone while its lease holds, and recovered once it lapses", async () => {
    const rt = await restarted();
    const live = await fabricate("elsewhere.example:4242:0badc0de", Date.now() + 60_000);
    const lapsed = await fabricate("elsewhere.example:4242:0badc0de", Date.now() - 1);
    await rt.runtime.recover();
    expect(await statusOf(live)).toBe("running");
    expect(await statusOf(lapsed)).toBe("error");
    await db.database.run(sql`UPDATE runs SET status = 'error' WHERE id = ${live}`);
  });

  it("a thread busy with no run for a lease period (left by an older version) is released by the sweep; a freshly claimed one is not", async () => {
    const rt = await restarted();
    const [stranded, fresh] = [await rt.client.threads.create(), await rt.client.threads.create()];
    await db.database.run(sql`UPDATE threads SET status = 'busy', updated_at = ${Date.now() - 120_000} WHERE thread_id = ${stranded.thread_id}`);
    await db.database.run(sql`UPDATE threads SET status = 'busy', updated_at = ${Date.now()} WHERE thread_id = ${fresh.thread_id}`);
    expect(await rt.runtime.recover()).toMatchObject({ released: 1 });
    expect(await threadRow(stranded.thread_id)).toMatchObject({ status: "idle" });
    expect(await threadRow(fresh.thread_id)).toMatchObject({ status: "busy" });
    await db.database.run(sql`UPDATE threads SET status = 'idle' WHERE thread_id = ${fresh.thread_id}`);
  });

  it("two runtimes sweeping at once settle each abandoned run exactly once", async () => {
    const [a, b] = [await restarted(), await restarted()];
    const ids = await Promise.all(Array.from({ length: 8 }, () => fabricate("elsewhere.example:4242:0badc0de", Date.now() - 1)));
    const [ra, rb] = await Promise.all([a.runtime.recover(), b.runtime.recover()]);
    expect(ra.failed + rb.failed).toBe(8);
    for (const id of ids) expect(await statusOf(id)).toBe("error");
  });

  it("a runtime renews the lease of its run in flight with its timer", async () => {
    const database = await openDatabase(db.url);
    databases.push(database);
    const rt = await startTestRuntime(database, undefined, { lease: { leaseMs: 400, renewMs: 100 } });
    runtimes.push(rt);
    const thread = await rt.client.threads.create();
    const running = rt.client.runs.wait(thread.thread_id, "slow", { input: { ms: 900 } });
    await expect.poll(async () => (await runsOf(thread.thread_id))[0]?.status, { timeout: 2_000 }).toBe("running");
    const leaseOf = async () => (await db.database.all<{ lease_until: number }>(sql`SELECT lease_until FROM runs WHERE thread_id = ${thread.thread_id}`))[0]!.lease_until;
    const before = await leaseOf();
    await expect.poll(leaseOf, { timeout: 2_000 }).toBeGreaterThan(before);
    // Past its first lease (400 ms) the run is still its own: another runtime's sweep leaves it alone.
    const other = await restarted();
    await new Promise((r) => setTimeout(r, 500));
    expect(await other.runtime.recover()).toMatchObject({ failed: 0 });
    expect(await running).toMatchObject({ slept: true });
  });
});
