import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/db/seed/seed";
import { tempDatabase } from "@/db/testing";
import { startScriptedSmtp } from "@/lib/mail/testing/smtp-server";
import { OPEN_GOVERNOR_ENV } from "@/lib/mail/testing/governance";
import { queueApprovedMail, spawnScript, type SpawnedWorker } from "./testing";

// Real worker processes (`npm run worker` is scripts/worker.ts) on one SQLite file, real kill -9.
let env: Awaited<ReturnType<typeof tempDatabase>>;
const started: SpawnedWorker[] = [];

function worker(vars: Record<string, string> = {}) {
  const spawned = spawnScript("scripts/worker.ts", { DATABASE_URL: env.url, DEMO_MODE: "false", JOBS_POLL_MS: "100", ...OPEN_GOVERNOR_ENV, ...vars });
  started.push(spawned);
  return spawned;
}

function stallingWorker(mode: "local" | "smtp", vars: Record<string, string> = {}) {
  const spawned = spawnScript("lib/jobs/testing-stall-worker.ts", { DATABASE_URL: env.url, DEMO_MODE: "false", ...OPEN_GOVERNOR_ENV, ...vars }, [mode]);
  started.push(spawned);
  return spawned;
}

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  return (await env.database.all<T>(query))[0]!;
}

async function until(probe: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Outbound emails per Message-ID among the given outbox rows: exactly one each means exactly once. */
async function deliveries(outboxIds: number[]) {
  const rows = await env.database.all<{ outbox_status: string; emails: number }>(sql`
    SELECT o.status AS outbox_status, (SELECT count(*) FROM emails e WHERE e.message_id = o.message_id) AS emails
    FROM outbox o WHERE o.id IN (${sql.join(outboxIds.map((id) => sql`${id}`), sql`, `)})`);
  return { rows: rows.length, sent: rows.filter((r) => r.outbox_status === "sent").length, emails: rows.map((r) => r.emails) };
}

async function stop(w: SpawnedWorker) {
  w.child.kill("SIGTERM");
  return w.exited;
}

beforeAll(async () => {
  env = await tempDatabase("jobs-workers");
  await seedDatabase(env.database, { companies: 20, contacts: 200, emails: 100, anchor: new Date() });
}, 60_000);
afterEach(() => {
  for (const w of started.splice(0)) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
});
afterAll(() => env.cleanup());

describe("job workers in separate processes", () => {
  it("two workers on one SQLite file deliver 500 queued emails, each exactly once, and stop cleanly on SIGTERM", async () => {
    const a = worker();
    const b = worker();
    await Promise.all([a.waitFor(/\[worker\] ready/), b.waitFor(/\[worker\] ready/)]);
    const ids = await queueApprovedMail(env.database, 500);
    await until(async () => (await deliveries(ids)).sent === 500);
    const [exitA, exitB] = await Promise.all([stop(a), stop(b)]);
    expect([exitA.code, exitB.code]).toEqual([0, 0]);

    const result = await deliveries(ids);
    expect(result.rows).toBe(500);
    expect(result.emails.every((n) => n === 1)).toBe(true);
    const jobs = await env.database.all<{ status: string; attempts: number; n: number }>(
      sql`SELECT status, attempts, count(*) AS n FROM jobs WHERE kind = 'outbox_deliver' GROUP BY status, attempts`,
    );
    expect(jobs).toEqual([{ status: "done", attempts: 1, n: 500 }]);
    // Both processes took a share: each reports what it settled when it stops.
    const done = [a, b].map((w) => JSON.parse(/\[worker\] stopped (.*)/.exec(w.output())![1]!) as { done: number });
    expect(done.every((d) => d.done > 0)).toBe(true);
  }, 120_000);

  it("a worker killed with kill -9 in the middle of a delivery: another takes the job after its lease and the email goes out once", async () => {
    const ids = await queueApprovedMail(env.database, 20);
    const doomed = stallingWorker("local");
    const sending = await doomed.waitFor(/\[stall\] sending/);
    const messageId = sending.split(" ").at(-1)!;
    const held = await one<{ id: number; job: number }>(sql`
      SELECT o.id, j.id AS job FROM outbox o JOIN jobs j ON j.dedupe_key = 'outbox:' || o.id WHERE o.message_id = ${messageId}`);
    expect(await one(sql`SELECT status, transport FROM outbox WHERE id = ${held.id}`)).toEqual({ status: "sending", transport: null });
    doomed.child.kill("SIGKILL");
    expect((await doomed.exited).signal).toBe("SIGKILL");
    expect(await one(sql`SELECT status, attempts FROM jobs WHERE id = ${held.job}`)).toEqual({ status: "running", attempts: 1 });

    const survivor = worker();
    await until(async () => (await deliveries(ids)).sent === 20);
    await stop(survivor);
    expect((await deliveries(ids)).emails).toEqual(Array(20).fill(1));
    // The held job ran a second time, after the dead worker's lease, and finished.
    expect(await one(sql`SELECT status, attempts FROM jobs WHERE id = ${held.job}`)).toEqual({ status: "done", attempts: 2 });
  }, 120_000);

  it("a worker killed with kill -9 while the SMTP server holds the message: the email is never resent, it is failed for a person", async () => {
    const smtp = await startScriptedSmtp((n) => (n === 0 ? "stall" : "accept"));
    try {
      const [outboxId] = await queueApprovedMail(env.database, 1);
      const doomed = stallingWorker("smtp", { SMTP_URL: smtp.url });
      await doomed.waitFor(/\[stall\] sending/);
      await until(async () => smtp.stalled() === 1, 10_000);
      doomed.child.kill("SIGKILL");
      await doomed.exited;

      const survivor = worker({ SMTP_URL: smtp.url });
      await until(async () => (await one<{ status: string }>(sql`SELECT status FROM outbox WHERE id = ${outboxId}`)).status !== "sending");
      const job = await one<{ status: string; attempts: number; last_error: string }>(sql`SELECT status, attempts, last_error FROM jobs WHERE dedupe_key = ${`outbox:${outboxId}`}`);
      expect(job).toMatchObject({ status: "dead", attempts: 2 });
      expect(job.last_error).toContain("Delivery uncertain");
      await new Promise((resolve) => setTimeout(resolve, 500));
      await stop(survivor);
      const row = await one<{ status: string; last_error: string; transport: string }>(sql`SELECT status, last_error, transport FROM outbox WHERE id = ${outboxId}`);
      expect(row).toMatchObject({ status: "failed", transport: "smtp" });
      expect(row.last_error).toContain("Check the mailbox");
      expect(await one(sql`SELECT d.status FROM drafts d JOIN outbox o ON o.draft_id = d.id WHERE o.id = ${outboxId}`)).toEqual({ status: "failed" });
      expect(smtp.attempts()).toBe(1);
      expect(smtp.accepted).toEqual([]);
    } finally {
      await smtp.close();
    }
  }, 120_000);
});
