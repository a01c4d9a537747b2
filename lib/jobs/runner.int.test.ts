import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { openDatabase } from "@/db/client";
import { claimJobs, getJob, retryJob } from "@/db/queries/jobs";
import { tempDatabase } from "@/db/testing";
import { PermanentJobError, type JobKind, type JobKinds } from "./kind";
import { createJobQueue } from "./queue";
import { createJobRunner } from "./runner";

let env: Awaited<ReturnType<typeof tempDatabase>>;
let clock: Date;
const now = () => clock;
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
const quiet = { warn: () => {}, error: () => {} };

const backoff = { baseMs: 1_000, maxMs: 60_000 };
const specs = {
  work: { payload: z.object({ n: z.number().int() }), maxAttempts: 3, leaseMs: 10_000, backoff },
  other: { payload: z.object({}), maxAttempts: 1, leaseMs: 10_000, backoff },
};

/** Kinds whose handlers record every run; `behaviour` decides what each attempt does. */
function kinds(behaviour: (n: number, attempt: number) => Promise<void> = async () => {}) {
  const runs: { n: number; attempt: number }[] = [];
  const work: JobKind<typeof specs.work.payload> = {
    ...specs.work,
    handle: async ({ n }, context) => {
      runs.push({ n, attempt: context.attempt });
      await behaviour(n, context.attempt);
    },
  };
  return { runs, kinds: { work } satisfies JobKinds };
}

const queue = () => createJobQueue({ database: env.database, specs, now });
const status = async (id: number) => (await getJob(env.database, id))!;

beforeAll(async () => {
  env = await tempDatabase("jobs-runner");
});
afterAll(() => env.cleanup());
beforeEach(async () => {
  clock = new Date("2030-01-01T09:00:00Z");
  await env.database.run(sql`DELETE FROM jobs`);
});

describe("the job runner", () => {
  it("a queued job runs once, with its typed payload, and is done", async () => {
    const { id } = await queue().enqueue("work", { n: 1 });
    const { runs, kinds: k } = kinds();
    const runner = createJobRunner({ database: env.database, kinds: k, now, log: quiet });
    expect(await runner.tick()).toMatchObject({ claimed: 1, done: 1 });
    expect(await runner.tick()).toMatchObject({ claimed: 0 });
    expect(runs).toEqual([{ n: 1, attempt: 1 }]);
    expect(await status(id)).toMatchObject({ status: "done", attempts: 1, leaseOwner: null, finishedAt: clock });
  });

  it("a job queued for later waits until its time on the runner's clock", async () => {
    const { id } = await queue().enqueue("work", { n: 2 }, { runAt: new Date(clock.getTime() + 5_000) });
    const runner = createJobRunner({ database: env.database, kinds: kinds().kinds, now, log: quiet });
    expect(await runner.tick()).toMatchObject({ claimed: 0 });
    advance(5_000);
    expect(await runner.tick()).toMatchObject({ claimed: 1, done: 1 });
    expect((await status(id)).status).toBe("done");
  });

  it("a caller queuing a second job with a waiting job's dedupe key gets the first one back", async () => {
    const first = await queue().enqueue("work", { n: 3 }, { dedupeKey: "work:3" });
    const second = await queue().enqueue("work", { n: 3 }, { dedupeKey: "work:3" });
    expect(second).toEqual({ id: first.id, created: false });
    await createJobRunner({ database: env.database, kinds: kinds().kinds, now, log: quiet }).tick();
    // Once the first is done, the key is free for new work.
    expect((await queue().enqueue("work", { n: 3 }, { dedupeKey: "work:3" })).created).toBe(true);
  });

  it("a caller cannot queue a payload its kind's schema refuses, and nothing is written", async () => {
    await expect(queue().enqueue("work", { n: "three" } as unknown as { n: number })).rejects.toThrow(/Invalid work job payload: n:/);
    expect((await env.database.all<{ n: number }>(sql`SELECT count(*) AS n FROM jobs`))[0]!.n).toBe(0);
  });

  it("a failing job is retried after an exponential backoff, never before, then dead-lettered with its last error", async () => {
    const { id } = await queue().enqueue("work", { n: 4 });
    const { runs, kinds: k } = kinds(async (_n, attempt) => {
      throw new Error(`SMTP 451 on attempt ${attempt}`);
    });
    const runner = createJobRunner({ database: env.database, kinds: k, now, random: () => 1, log: quiet });
    expect(await runner.tick()).toMatchObject({ claimed: 1, retrying: 1 });
    expect(await status(id)).toMatchObject({ status: "failed", lastError: "SMTP 451 on attempt 1", runAt: new Date(clock.getTime() + 1_000) });
    advance(999);
    expect(await runner.tick()).toMatchObject({ claimed: 0 });
    advance(1);
    expect(await runner.tick()).toMatchObject({ claimed: 1, retrying: 1 });
    expect((await status(id)).runAt).toEqual(new Date(clock.getTime() + 2_000));
    advance(2_000);
    expect(await runner.tick()).toMatchObject({ claimed: 1, dead: 1 });
    expect(await status(id)).toMatchObject({ status: "dead", attempts: 3, lastError: "SMTP 451 on attempt 3", finishedAt: clock });
    advance(3_600_000);
    expect(await runner.tick()).toMatchObject({ claimed: 0 });
    expect(runs.map((r) => r.attempt)).toEqual([1, 2, 3]);
  });

  it("a permanent error dead-letters the job at once", async () => {
    const { id } = await queue().enqueue("work", { n: 5 });
    const runner = createJobRunner({ database: env.database, kinds: kinds(async () => { throw new PermanentJobError("550 no such mailbox"); }).kinds, now, log: quiet });
    expect(await runner.tick()).toMatchObject({ dead: 1 });
    expect(await status(id)).toMatchObject({ status: "dead", attempts: 1, lastError: "550 no such mailbox" });
  });

  it("a job stored with a payload its schema refuses is dead without its handler running", async () => {
    await env.database.run(sql`INSERT INTO jobs (kind, payload, run_at) VALUES ('work', '{"n":"x"}', ${clock.getTime()})`);
    const { runs, kinds: k } = kinds();
    expect(await createJobRunner({ database: env.database, kinds: k, now, log: quiet }).tick()).toMatchObject({ dead: 1 });
    expect(runs).toEqual([]);
  });

  it("a job whose worker died is taken by another worker only once its lease has expired", async () => {
    const { id } = await queue().enqueue("work", { n: 6 });
    const [held] = await claimJobs(env.database, { owner: "worker-that-dies", kinds: ["work"], limit: 10, now: clock, leaseMs: () => 10_000 });
    expect(held).toMatchObject({ id, status: "running", leaseOwner: "worker-that-dies", attempts: 1 });
    const { runs, kinds: k } = kinds();
    const survivor = createJobRunner({ database: env.database, kinds: k, owner: "survivor", now, log: quiet });
    advance(9_999);
    expect(await survivor.tick()).toMatchObject({ claimed: 0 });
    advance(2);
    expect(await survivor.tick()).toMatchObject({ claimed: 1, done: 1 });
    expect(runs).toEqual([{ n: 6, attempt: 2 }]);
    expect(await status(id)).toMatchObject({ status: "done", attempts: 2 });
  });

  it("a job whose last attempt's worker died is dead-lettered, not run again", async () => {
    const { id } = await queue().enqueue("work", { n: 7 }, { maxAttempts: 1 });
    await claimJobs(env.database, { owner: "worker-that-dies", kinds: ["work"], limit: 10, now: clock, leaseMs: () => 10_000 });
    advance(10_001);
    const { runs, kinds: k } = kinds();
    await createJobRunner({ database: env.database, kinds: k, now, log: quiet }).tick();
    expect(runs).toEqual([]);
    expect(await status(id)).toMatchObject({ status: "dead", lastError: expect.stringContaining("lease expired") });
  });

  it("an admin's retry of a dead job runs it again with fresh attempts", async () => {
    let failing = true;
    const { id } = await queue().enqueue("work", { n: 8 }, { maxAttempts: 1 });
    const runner = createJobRunner({ database: env.database, kinds: kinds(async () => { if (failing) throw new Error("down"); }).kinds, now, log: quiet });
    await runner.tick();
    expect((await status(id)).status).toBe("dead");
    failing = false;
    expect(await retryJob(env.database, id, clock)).toMatchObject({ status: "queued", attempts: 0 });
    expect(await retryJob(env.database, id, clock)).toBeNull();
    expect(await runner.tick()).toMatchObject({ done: 1 });
    expect(await status(id)).toMatchObject({ status: "done", attempts: 1 });
  });

  it("a runner never claims a kind it has no handler for", async () => {
    const { id } = await queue().enqueue("other", {});
    expect(await createJobRunner({ database: env.database, kinds: kinds().kinds, now, log: quiet }).tick()).toMatchObject({ claimed: 0 });
    expect((await status(id)).status).toBe("queued");
  });

  it("a backlog of slow work never holds every slot: urgent kinds are claimed first and a capped kind stays within its cap", async () => {
    const realNow = () => new Date();
    const q = createJobQueue({ database: env.database, specs, now: realNow });
    for (let n = 0; n < 6; n++) await q.enqueue("work", { n });
    let running = 0;
    let most = 0;
    const order: string[] = [];
    const slow: JobKinds = {
      other: { ...specs.other, handle: async () => void order.push("other") },
      work: {
        ...specs.work,
        maxRunning: 2,
        handle: async ({ n }: { n: number }) => {
          order.push(`work ${n}`);
          most = Math.max(most, ++running);
          await new Promise((resolve) => setTimeout(resolve, 30));
          running--;
        },
      },
    };
    // Queued after the backlog, yet taken before the rest of it.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await q.enqueue("other", {});
    const report = await createJobRunner({ database: env.database, kinds: slow, concurrency: 4, now: realNow, log: quiet }).tick();
    expect(report).toMatchObject({ done: 7 });
    expect(most).toBe(2);
    expect(order[0]).toBe("other");
  });

  it("two runners on two connections to one file, ticking at once, run each of 300 jobs exactly once", async () => {
    for (let n = 0; n < 300; n++) await queue().enqueue("work", { n });
    const second = await openDatabase(env.url);
    try {
      const a = kinds(() => new Promise((resolve) => setImmediate(resolve)));
      const b = kinds(() => new Promise((resolve) => setImmediate(resolve)));
      const runnerA = createJobRunner({ database: env.database, kinds: a.kinds, owner: "a", concurrency: 8, now, log: quiet });
      const runnerB = createJobRunner({ database: second, kinds: b.kinds, owner: "b", concurrency: 8, now, log: quiet });
      await Promise.all([runnerA.tick({ budgetMs: 60_000 }), runnerB.tick({ budgetMs: 60_000 })]);
      const all = [...a.runs, ...b.runs].map((r) => r.n).sort((x, y) => x - y);
      expect(all).toEqual(Array.from({ length: 300 }, (_, n) => n));
      expect(a.runs.length).toBeGreaterThan(0);
      expect(b.runs.length).toBeGreaterThan(0);
    } finally {
      second.$client.close();
    }
  });

  it("a handler that outlives its lease keeps the job: the runner renews the lease while it runs", async () => {
    const realNow = () => new Date();
    const short = { ...specs.work, leaseMs: 150 };
    let release: () => void = () => {};
    const slow: JobKinds = { work: { ...short, handle: () => new Promise<void>((resolve) => (release = resolve)) } };
    const { id } = await createJobQueue({ database: env.database, specs: { work: short }, now: realNow }).enqueue("work", { n: 9 });
    const holder = createJobRunner({ database: env.database, kinds: slow, owner: "holder", now: realNow, log: quiet });
    const holding = holder.tick();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const { runs, kinds: k } = kinds();
    const rival = createJobRunner({ database: env.database, kinds: { work: { ...k.work, leaseMs: 150 } }, owner: "rival", now: realNow, log: quiet });
    expect(await rival.tick()).toMatchObject({ claimed: 0 });
    release();
    expect(await holding).toMatchObject({ done: 1 });
    expect(runs).toEqual([]);
    expect(await status(id)).toMatchObject({ status: "done", attempts: 1, leaseOwner: null });
  });

  it("stop() lets the job in hand finish and claims nothing more", async () => {
    const realNow = () => new Date();
    let release: () => void = () => {};
    let started: () => void = () => {};
    const begun = new Promise<void>((resolve) => (started = resolve));
    const gated: JobKinds = { work: { ...specs.work, handle: () => { started(); return new Promise<void>((resolve) => (release = resolve)); } } };
    const q = createJobQueue({ database: env.database, specs, now: realNow });
    const { id: first } = await q.enqueue("work", { n: 10 });
    const runner = createJobRunner({ database: env.database, kinds: gated, concurrency: 1, pollMs: 20, now: realNow, log: quiet });
    runner.start();
    await begun;
    const { id: second } = await q.enqueue("work", { n: 11 });
    const stopping = runner.stop();
    release();
    await stopping;
    expect((await status(first)).status).toBe("done");
    expect((await status(second)).status).toBe("queued");
  });
});
