import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { retryJob } from "@/db/queries/jobs";
import { seedDatabase } from "@/db/seed/seed";
import { tempDatabase } from "@/db/testing";
import { openGovernance } from "@/lib/mail/testing/governance";
import { startScriptedSmtp, type SmtpAnswer } from "@/lib/mail/testing/smtp-server";
import { createTransport } from "@/lib/mail/transport";
import { JOB_SPECS } from "./catalog";
import { consoleJobs } from "./handlers";
import { createJobQueue } from "./queue";
import { createJobRunner } from "./runner";
import { queueApprovedMail } from "./testing";

// The delivery job with a real SMTP client against a real (scripted) SMTP server on loopback, on
// a real SQLite file; the runner's clock is injected, so backoffs pass without sleeping.
let env: Awaited<ReturnType<typeof tempDatabase>>;
let clock: Date;
const now = () => clock;
const quiet = { warn: () => {}, error: () => {} };
const noGraphs = {
  run: () => Promise.reject(new Error("no graph runs in this test")),
  resume: () => Promise.reject(new Error("no graph runs in this test")),
  getState: () => Promise.reject(new Error("no graph runs in this test")),
};

function runnerFor(smtpUrl: string | undefined) {
  const queue = createJobQueue({ database: env.database, specs: JOB_SPECS, now });
  const { kinds, periodic } = consoleJobs({ database: env.database, mail: { transport: createTransport(smtpUrl), from: "Sales <sales@test.local>" }, queue, graphs: noGraphs, governor: openGovernance({ now }) });
  return createJobRunner({ database: env.database, kinds: { outbox_deliver: kinds.outbox_deliver }, periodic, now, random: () => 1, log: quiet });
}

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  return (await env.database.all<T>(query))[0]!;
}
const job = (outboxId: number) =>
  one<{ id: number; status: string; attempts: number; last_error: string | null; run_at: number }>(sql`SELECT id, status, attempts, last_error, run_at FROM jobs WHERE dedupe_key = ${`outbox:${outboxId}`}`);
const row = (outboxId: number) => one<{ status: string; last_error: string | null; draft_status: string }>(sql`
  SELECT o.status, o.last_error, d.status AS draft_status FROM outbox o JOIN drafts d ON d.id = o.draft_id WHERE o.id = ${outboxId}`);
const timeline = (outboxId: number) => one<{ n: number }>(sql`SELECT count(*) AS n FROM emails WHERE message_id = (SELECT message_id FROM outbox WHERE id = ${outboxId})`);

beforeAll(async () => {
  env = await tempDatabase("jobs-delivery");
  await seedDatabase(env.database, { companies: 10, contacts: 60, emails: 40, anchor: new Date() });
}, 60_000);
afterAll(() => env.cleanup());
beforeEach(() => {
  clock = new Date("2030-03-01T10:00:00Z");
});

describe("the outbox delivery job", () => {
  it("a mail server answering 451 gets retried with growing waits, then the job is dead-lettered with the error and the message stays queued; an admin's retry then delivers it once", async () => {
    let answer: SmtpAnswer = { code: 451, message: "4.7.1 Greylisted, try again later", atRcpt: true };
    const smtp = await startScriptedSmtp(() => answer);
    try {
      const [outboxId] = await queueApprovedMail(env.database, 1, clock);
      const runner = runnerFor(smtp.url);
      const waits: number[] = [];
      for (let attempt = 1; attempt <= 4; attempt++) {
        expect(await runner.tick()).toMatchObject({ claimed: 1, retrying: 1 });
        const waiting = await job(outboxId!);
        expect(waiting).toMatchObject({ status: "failed", attempts: attempt });
        expect(waiting.last_error).toContain("451");
        expect(await row(outboxId!)).toMatchObject({ status: "queued", draft_status: "approved" });
        waits.push(waiting.run_at - clock.getTime());
        // Not a moment before its time.
        clock = new Date(waiting.run_at - 1);
        expect(await runner.tick()).toMatchObject({ claimed: 0 });
        clock = new Date(waiting.run_at);
      }
      expect(waits).toEqual([30_000, 60_000, 120_000, 240_000]);
      expect(await runner.tick()).toMatchObject({ claimed: 1, dead: 1 });
      const dead = await job(outboxId!);
      expect(dead).toMatchObject({ status: "dead", attempts: 5 });
      expect(dead.last_error).toContain("4.7.1 Greylisted");
      const kept = await row(outboxId!);
      expect(kept).toMatchObject({ status: "queued", draft_status: "approved" });
      expect(kept.last_error).toMatch(/^Not sent after 5 attempts: .*Greylisted.*retry it from Admin → Jobs/);
      expect(smtp.attempts()).toBe(5);
      expect(smtp.accepted).toEqual([]);

      // Dead means waiting for a person: no sweep or tick brings it back by itself.
      clock = new Date(clock.getTime() + 86_400_000);
      expect(await runner.tick()).toMatchObject({ claimed: 0 });

      answer = "accept";
      await retryJob(env.database, dead.id, clock);
      expect(await runner.tick()).toMatchObject({ claimed: 1, done: 1 });
      expect(await row(outboxId!)).toMatchObject({ status: "sent", draft_status: "sent", last_error: null });
      expect(smtp.accepted).toHaveLength(1);
      expect((await timeline(outboxId!)).n).toBe(1);
    } finally {
      await smtp.close();
    }
  });

  it("a 4xx answer to the message itself is a refusal too: retried, and sent once when the server takes it", async () => {
    const smtp = await startScriptedSmtp((n) => (n === 0 ? { code: 452, message: "4.3.1 Insufficient storage" } : "accept"));
    try {
      const [outboxId] = await queueApprovedMail(env.database, 1, clock);
      const runner = runnerFor(smtp.url);
      expect(await runner.tick()).toMatchObject({ retrying: 1 });
      clock = new Date((await job(outboxId!)).run_at);
      expect(await runner.tick()).toMatchObject({ done: 1 });
      expect(smtp.accepted).toHaveLength(1);
      expect(await row(outboxId!)).toMatchObject({ status: "sent" });
      // The send's record carried its follow-ups: a reflection on the email and a rescore of its
      // contact (one waits per contact: an earlier send's may already hold the key).
      const sent = await one<{ id: number; contact_id: number }>(sql`SELECT id, contact_id FROM emails WHERE message_id = (SELECT message_id FROM outbox WHERE id = ${outboxId!})`);
      const reflection = await one<{ payload: string } | undefined>(sql`SELECT payload FROM jobs WHERE dedupe_key = ${`memory_reflect:${sent.id}`}`);
      expect(JSON.parse(reflection!.payload)).toEqual({ contactId: sent.contact_id, emailId: sent.id });
      const rescore = await one<{ payload: string; status: string } | undefined>(sql`SELECT payload, status FROM jobs WHERE dedupe_key = ${`contact_score:${sent.contact_id}`}`);
      expect(rescore).toMatchObject({ status: "queued" });
      expect(JOB_SPECS.contact_score.payload.parse(JSON.parse(rescore!.payload))).toEqual({ contactId: sent.contact_id, because: "outbound email sent" });
    } finally {
      await smtp.close();
    }
  });

  it("a mail server refusing the recipient for good (550) fails the message at once with the server's answer", async () => {
    const smtp = await startScriptedSmtp(() => ({ code: 550, message: "5.1.1 No such user", atRcpt: true }));
    try {
      const [outboxId] = await queueApprovedMail(env.database, 1, clock);
      expect(await runnerFor(smtp.url).tick()).toMatchObject({ claimed: 1, dead: 1 });
      expect(await job(outboxId!)).toMatchObject({ status: "dead", attempts: 1, last_error: expect.stringContaining("5.1.1 No such user") });
      const failed = await row(outboxId!);
      expect(failed).toMatchObject({ status: "failed", draft_status: "failed" });
      expect(failed.last_error).toContain("The mail server refused the message");
      expect(smtp.attempts()).toBe(1);
    } finally {
      await smtp.close();
    }
  });

  it("a mail server that refuses connections is tried again later: nothing can have been sent", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const [outboxId] = await queueApprovedMail(env.database, 1, clock);
    expect(await runnerFor(`smtp://127.0.0.1:${port}`).tick()).toMatchObject({ retrying: 1 });
    expect(await job(outboxId!)).toMatchObject({ status: "failed", attempts: 1, last_error: expect.stringContaining("ECONNREFUSED") });
    expect(await row(outboxId!)).toMatchObject({ status: "queued", last_error: expect.stringContaining("attempt 1 of 5, trying again") });
  });

  it("a contact who unsubscribed after the approval is not sent to: the safety gate runs again at send time", async () => {
    const [outboxId] = await queueApprovedMail(env.database, 1, clock);
    await env.database.run(sql`UPDATE contacts SET unsubscribed = 1 WHERE id = (SELECT contact_id FROM outbox WHERE id = ${outboxId})`);
    expect(await runnerFor(undefined).tick()).toMatchObject({ done: 1 });
    expect(await row(outboxId!)).toMatchObject({ status: "blocked", draft_status: "failed", last_error: "Not sent: The contact unsubscribed." });
    expect((await timeline(outboxId!)).n).toBe(0);
  });

  it("queued mail that somehow has no delivery job gets one from the sweep and is delivered once", async () => {
    const [outboxId] = await queueApprovedMail(env.database, 1, clock);
    await env.database.run(sql`DELETE FROM jobs WHERE dedupe_key = ${`outbox:${outboxId}`}`);
    const runner = runnerFor(undefined);
    expect(await runner.tick()).toMatchObject({ claimed: 1, done: 1 });
    expect(await row(outboxId!)).toMatchObject({ status: "sent" });
    expect((await timeline(outboxId!)).n).toBe(1);
    expect(await runner.tick()).toMatchObject({ claimed: 0 });
  });
});
