import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { insertCampaign } from "@/db/queries/campaigns";
import { insertEnrollments } from "@/db/queries/enrollments";
import { seedDatabase } from "@/db/seed/seed";
import { tempDatabase } from "@/db/testing";
import { spawnScript, type SpawnedWorker } from "@/lib/jobs/testing";
import { defaultPlan } from "./coach-plan";
import { freshContacts } from "./testing";

// Real worker processes (`npm run worker`: scripts/worker.ts, each with its own embedded runtime
// and scheduler tick) on one SQLite file, offline, and a real kill -9 in the middle of a launch.
let env: Awaited<ReturnType<typeof tempDatabase>>;
const started: SpawnedWorker[] = [];

function worker() {
  const spawned = spawnScript("scripts/worker.ts", { DATABASE_URL: env.url, DEMO_MODE: "false", JOBS_POLL_MS: "100" });
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

beforeAll(async () => {
  env = await tempDatabase("campaign-chaos");
  await seedDatabase(env.database, { companies: 30, contacts: 300, emails: 0, anchor: new Date() });
}, 60_000);
afterEach(() => {
  for (const w of started.splice(0)) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
});
afterAll(() => env.cleanup());

describe("campaign threads across worker processes", () => {
  it("two schedulers, one killed with kill -9 mid-launch and replaced: every enrolled contact's first touch is drafted exactly once, then each approved touch is sent exactly once", async () => {
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
    await until(async () => (await drafted()) >= 24, 150_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    const perEnrollment = await env.database.all<{ n: number }>(sql`
      SELECT count(d.id) AS n FROM campaign_enrollments e LEFT JOIN drafts d ON d.enrollment_id = e.id WHERE e.campaign_id = ${campaignId} GROUP BY e.id`);
    expect(perEnrollment.map((r) => r.n)).toEqual(Array(24).fill(1));
    expect(await count(sql`SELECT count(*) AS n FROM campaign_enrollments WHERE campaign_id = ${campaignId} AND next_wake_at IS NOT NULL`)).toBe(0);
    // The wake the dead worker held ran again elsewhere after its lease and finished.
    await until(async () => (await count(sql`SELECT count(*) AS n FROM jobs WHERE id = ${interrupted} AND status = 'done'`)) === 1, 90_000);
    expect(await count(sql`SELECT attempts AS n FROM jobs WHERE id = ${interrupted}`)).toBe(2);

    // Approve every touch (as the console's undo window leaves them: a draft_decision job each).
    await env.database.run(sql`
      INSERT INTO jobs (kind, payload, run_at, max_attempts, dedupe_key)
      SELECT 'draft_decision', json_object('draftId', d.id, 'threadId', d.thread_id, 'decision', json_object('type', 'accept'), 'decidedBy', NULL), ${Date.now()}, 5, 'draft:' || d.id
      FROM drafts d WHERE d.campaign_id = ${campaignId}`);
    const sent = () => count(sql`SELECT count(*) AS n FROM emails WHERE campaign_id = ${campaignId} AND direction = 'outbound'`);
    await until(async () => (await sent()) >= 24, 120_000);
    await until(async () => (await count(sql`SELECT count(*) AS n FROM campaign_enrollments WHERE campaign_id = ${campaignId} AND status = 'completed'`)) === 24, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const emails = await env.database.all<{ n: number }>(sql`
      SELECT count(m.id) AS n FROM campaign_enrollments e LEFT JOIN emails m ON m.contact_id = e.contact_id AND m.campaign_id = e.campaign_id AND m.direction = 'outbound'
      WHERE e.campaign_id = ${campaignId} GROUP BY e.id`);
    expect(emails.map((r) => r.n)).toEqual(Array(24).fill(1));
    expect(await count(sql`SELECT count(*) AS n FROM jobs WHERE kind = 'campaign_wake' AND status = 'dead'`)).toBe(0);
  }, 400_000);
});
