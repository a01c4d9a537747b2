import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { insertCampaign } from "@/db/queries/campaigns";
import { insertEnrollments } from "@/db/queries/enrollments";
import { seedDatabase } from "@/db/seed/seed";
import { tempDatabase } from "@/db/testing";
import { spawnScript, type SpawnedWorker } from "@/lib/jobs/testing";
import { OPEN_GOVERNOR_ENV } from "@/lib/mail/testing/governance";
import { startScriptedSmtp } from "@/lib/mail/testing/smtp-server";
import { defaultPlan } from "./coach-plan";
import { freshContacts } from "./testing";

// Real worker processes (`npm run worker`: scripts/worker.ts, each with its own embedded runtime
// and scheduler tick) on one SQLite file, offline, and a real kill -9 in the middle of a launch.
let env: Awaited<ReturnType<typeof tempDatabase>>;
const started: SpawnedWorker[] = [];
let smtp: Awaited<ReturnType<typeof startScriptedSmtp>> | undefined;

function worker(extra: Record<string, string> = {}) {
  const spawned = spawnScript("scripts/worker.ts", { DATABASE_URL: env.url, DEMO_MODE: "false", JOBS_POLL_MS: "100", ...OPEN_GOVERNOR_ENV, ...extra });
  started.push(spawned);
  return spawned;
}

async function until(probe: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const count = async (query: ReturnType<typeof sql>) => (await env.database.all<{ n: number }>(query))[0]!.n;

/** Approves every touch of a campaign as the console's undo window leaves them: a draft_decision job each. */
async function approveAll(campaignId: number) {
  await env.database.run(sql`
    INSERT INTO jobs (kind, payload, run_at, max_attempts, dedupe_key)
    SELECT 'draft_decision', json_object('draftId', d.id, 'threadId', d.thread_id, 'decision', json_object('type', 'accept'), 'decidedBy', NULL), ${Date.now()}, 5, 'draft:' || d.id
    FROM drafts d WHERE d.campaign_id = ${campaignId}`);
}

beforeAll(async () => {
  env = await tempDatabase("campaign-chaos");
  await seedDatabase(env.database, { companies: 30, contacts: 300, emails: 0, anchor: new Date() });
}, 60_000);
afterEach(() => {
  for (const w of started.splice(0)) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
});
afterAll(async () => {
  await smtp?.close();
  await env.cleanup();
});

describe("campaign threads across worker processes", () => {
  it("two schedulers, one killed with kill -9 mid-launch and replaced: every enrolled contact's first touch is drafted exactly once, then each approved touch is sent exactly once", { timeout: 600_000 }, async () => {
    const contacts = await freshContacts(env.database, 24);
    const plan = { ...defaultPlan({ angle: "A faster close", tone: "direct" }, "chaos"), cadenceDays: [0], maxTouches: 1 };
    const campaignId = await insertCampaign(env.database, { name: "Chaos", angle: plan.angle, tone: plan.tone, cadenceDays: plan.cadenceDays, maxTouches: 1, plan, status: "active" });
    const a = worker();
    const b = worker();
    await Promise.all([a.waitFor(/\[worker\] ready/, 60_000), b.waitFor(/\[worker\] ready/, 60_000)]);
    await insertEnrollments(env.database, campaignId, contacts.map((c) => c.id), new Date());
    const drafted = () => count(sql`SELECT count(*) AS n FROM drafts WHERE campaign_id = ${campaignId}`);

    // Kill A while it holds a wake job (its thread's run anywhere between planning and the approval pause).
    const held = sql`SELECT id FROM jobs WHERE kind = 'campaign_wake' AND status = 'running' AND lease_owner LIKE ${`%:${a.child.pid}:%`} LIMIT 1`;
    await until(async () => (await drafted()) >= 2 && (await env.database.all(held)).length > 0, 60_000);
    a.child.kill("SIGKILL");
    expect((await a.exited).signal).toBe("SIGKILL");
    // Nobody can take it back before its lease runs out, so it is still A's.
    const interrupted = (await env.database.all<{ id: number }>(held))[0]!.id;
    const c = worker();
    await c.waitFor(/\[worker\] ready/, 60_000);
    // A killed worker's wake jobs are taken again after their lease (a minute); its runs are carried on by the others' runtimes.
    await until(async () => (await drafted()) >= 24, 240_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    const perEnrollment = await env.database.all<{ n: number }>(sql`
      SELECT count(d.id) AS n FROM campaign_enrollments e LEFT JOIN drafts d ON d.enrollment_id = e.id WHERE e.campaign_id = ${campaignId} GROUP BY e.id`);
    expect(perEnrollment.map((r) => r.n)).toEqual(Array(24).fill(1));
    expect(await count(sql`SELECT count(*) AS n FROM campaign_enrollments WHERE campaign_id = ${campaignId} AND next_wake_at IS NOT NULL`)).toBe(0);
    // The wake the dead worker held ran again elsewhere after its lease and finished.
    await until(async () => (await count(sql`SELECT count(*) AS n FROM jobs WHERE id = ${interrupted} AND status = 'done'`)) === 1, 90_000);
    expect(await count(sql`SELECT attempts AS n FROM jobs WHERE id = ${interrupted}`)).toBe(2);

    await approveAll(campaignId);
    const sent = () => count(sql`SELECT count(*) AS n FROM emails WHERE campaign_id = ${campaignId} AND direction = 'outbound'`);
    await until(async () => (await sent()) >= 24, 120_000);
    await until(async () => (await count(sql`SELECT count(*) AS n FROM campaign_enrollments WHERE campaign_id = ${campaignId} AND status = 'completed'`)) === 24, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const emails = await env.database.all<{ n: number }>(sql`
      SELECT count(m.id) AS n FROM campaign_enrollments e LEFT JOIN emails m ON m.contact_id = e.contact_id AND m.campaign_id = e.campaign_id AND m.direction = 'outbound'
      WHERE e.campaign_id = ${campaignId} GROUP BY e.id`);
    expect(emails.map((r) => r.n)).toEqual(Array(24).fill(1));
    expect(await count(sql`SELECT count(*) AS n FROM jobs WHERE kind = 'campaign_wake' AND status = 'dead'`)).toBe(0);
  });

  it("a worker killed with kill -9 while its SMTP sends of approved touches are in flight, then replaced: no touch reaches the mail server twice and none is lost", async () => {
    // A slow server (2 s between taking a message and saying so) so the kill lands mid-conversation.
    smtp = await startScriptedSmtp(() => "accept", { replyDelayMs: 2_000 });
    const mailEnv = { SMTP_URL: smtp.url };
    const contacts = await freshContacts(env.database, 16);
    const plan = { ...defaultPlan({ angle: "A faster close", tone: "direct" }, "chaos-send"), cadenceDays: [0], maxTouches: 1 };
    const campaignId = await insertCampaign(env.database, { name: "Chaos send", angle: plan.angle, tone: plan.tone, cadenceDays: plan.cadenceDays, maxTouches: 1, plan, status: "active" });
    const a = worker(mailEnv);
    const b = worker(mailEnv);
    await Promise.all([a.waitFor(/\[worker\] ready/, 60_000), b.waitFor(/\[worker\] ready/, 60_000)]);
    await insertEnrollments(env.database, campaignId, contacts.map((c) => c.id), new Date());
    await until(async () => (await count(sql`SELECT count(*) AS n FROM drafts WHERE campaign_id = ${campaignId}`)) >= 16, 90_000);
    await approveAll(campaignId);

    const touches = sql`SELECT o.id, o.message_id AS messageId, o.status, o.last_error AS lastError FROM outbox o JOIN drafts d ON d.id = o.draft_id WHERE d.campaign_id = ${campaignId}`;
    // The outbox rows A holds through a running delivery job; "handed over" once it started the SMTP conversation.
    const heldByA = sql`
      SELECT o.id, o.transport IS NOT NULL AS handedOver FROM jobs j JOIN outbox o ON o.id = json_extract(j.payload, '$.outboxId')
      WHERE j.kind = 'outbox_deliver' AND j.status = 'running' AND j.lease_owner LIKE ${`%:${a.child.pid}:%`} AND o.status = 'sending'`;
    let held: { id: number; handedOver: number }[] = [];
    await until(async () => {
      held = await env.database.all<{ id: number; handedOver: number }>(heldByA);
      return smtp!.accepted.length >= 1 && held.some((h) => h.handedOver === 1);
    }, 90_000);
    a.child.kill("SIGKILL");
    expect((await a.exited).signal).toBe("SIGKILL");
    // What A held when it died; nobody can take it back before the lease runs out.
    const doomed = new Set((await env.database.all<{ id: number }>(heldByA)).map((h) => h.id));
    const diedMidConversation = held.filter((h) => h.handedOver === 1 && doomed.has(h.id)).map((h) => h.id);
    expect(diedMidConversation.length).toBeGreaterThanOrEqual(1);
    const c = worker(mailEnv);
    await c.waitFor(/\[worker\] ready/, 60_000);

    // A's delivery jobs are taken again after their 30 s lease; every row must end sent or failed.
    type Touch = { id: number; messageId: string; status: string; lastError: string | null };
    await until(async () => {
      const rows = await env.database.all<Touch>(touches);
      return rows.length === 16 && rows.every((r) => r.status === "sent" || r.status === "failed");
    }, 120_000);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const rows = await env.database.all<Touch>(touches);
    const atServer = (messageId: string) => smtp!.accepted.filter((m) => m.messageId === messageId).length;

    // Nothing twice: every Message-ID the server took, it took once.
    const ids = smtp.accepted.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    // Nothing lost: each sent touch reached the server exactly once and is recorded as one outbound email.
    for (const row of rows.filter((r) => r.status === "sent")) expect(atServer(row.messageId), `touch ${row.id}`).toBe(1);
    // A touch A had handed over when it died may have been delivered without A hearing so: the
    // sender (lib/mail/sender.ts, resolveAbandoned) marks it failed for a person to check rather
    // than resend it. So a failed touch is one A held, says why, and reached the server at most once.
    const failed = rows.filter((r) => r.status === "failed");
    for (const row of failed) {
      expect(doomed.has(row.id), `failed touch ${row.id} was one the killed worker held`).toBe(true);
      expect(row.lastError).toMatch(/Delivery uncertain/);
      expect(atServer(row.messageId)).toBeLessThanOrEqual(1);
    }
    for (const id of diedMidConversation) expect(rows.find((r) => r.id === id)?.status, `touch ${id} A was handing over`).toBe("failed");
    expect(rows.filter((r) => r.status === "sent").length + failed.length).toBe(16);
    const emails = await env.database.all<{ n: number }>(sql`
      SELECT count(m.id) AS n FROM campaign_enrollments e LEFT JOIN emails m ON m.contact_id = e.contact_id AND m.campaign_id = e.campaign_id AND m.direction = 'outbound'
      WHERE e.campaign_id = ${campaignId} GROUP BY e.id ORDER BY e.id`);
    expect(emails.reduce((sum, r) => sum + r.n, 0)).toBe(16 - failed.length);
    expect(emails.every((r) => r.n <= 1)).toBe(true);
    // The uncertain ones are dead-lettered for a person (Admin → Jobs), and only those.
    const dead = await env.database.all<{ id: number }>(sql`
      SELECT json_extract(j.payload, '$.outboxId') AS id FROM jobs j WHERE j.kind = 'outbox_deliver' AND j.status = 'dead'
        AND json_extract(j.payload, '$.outboxId') IN (SELECT o.id FROM outbox o JOIN drafts d ON d.id = o.draft_id WHERE d.campaign_id = ${campaignId}) ORDER BY 1`);
    expect(dead.map((r) => r.id)).toEqual(failed.map((r) => r.id).sort((x, y) => x - y));
  }, 300_000);
});
