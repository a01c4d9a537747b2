/**
 * `npm run bench:campaigns`: the campaign engine's figures (issue #12).
 * - Scheduler tick: --enrollments (default 100,000) enrollments across campaigns, about 1% due;
 *   times the due query alone (one range scan of enrollments_wake_idx, its plan printed) and a
 *   whole tick (claim + wake jobs queued, in one batch), medians over repeated runs.
 * - Launch: --launch (default 10,000) contacts through launchCampaign (guards, enrollments
 *   written in batches, threads created through the graph client, first wake-ups due);
 *   enrollments/s, and the same without the threads step for its share.
 * - Campaign page: getCampaign's server time against the raw queries it needs, run alone.
 * Flags: --enrollments N, --launch N, --runs N (default 20).
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { ownEnvironment } from "@/db/testing";

const { values } = parseArgs({ options: { enrollments: { type: "string", default: "100000" }, launch: { type: "string", default: "10000" }, runs: { type: "string", default: "20" } } });
const ENROLLMENTS = Number(values.enrollments);
const LAUNCH = Number(values.launch);
const RUNS = Number(values.runs);
const CAMPAIGNS = 5;

const testEnv = ownEnvironment("bench-campaigns", { JOBS_IN_PROCESS: "false" });
const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { dueEnrollmentIds, queueDueWakes } = await import("@/db/queries/enrollments");
const { campaignReach, enrollmentPage, enrollmentStatusCounts, getCampaignRow, stepFunnel } = await import("@/db/queries/campaigns");
const svc = await import("@/lib/services/campaigns");
const { embeddedRuntime } = await import("@/lib/runtime/instance");

const operator = { id: "usr_demo_operator", name: "Olly Operator", email: "operator@demo.local", role: "operator" as const };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

try {
  const database = db();
  await applyMigrations(database);
  const perCampaign = Math.ceil(ENROLLMENTS / CAMPAIGNS);
  const contacts = perCampaign + LAUNCH * 2;
  console.log(`seeding ${contacts.toLocaleString()} contacts…`);
  await seedDatabase(database, { companies: Math.round(contacts / 10), contacts, emails: 0, anchor: new Date() });

  // The scheduler's table at scale: CAMPAIGNS campaigns × the first perCampaign contacts, wakes spread over 30 days.
  const now = Date.now();
  const campaignIds: number[] = [];
  for (let c = 0; c < CAMPAIGNS; c++) campaignIds.push((await svc.createCampaign(operator, { name: `Bench ${c + 1}` })).id);
  for (const campaignId of campaignIds) {
    await database.run(sql`
      INSERT INTO campaign_enrollments (campaign_id, contact_id, thread_id, status, step, next_wake_at)
      SELECT ${campaignId}, id, 'bench-' || ${campaignId} || '-' || id,
        CASE WHEN id % 10 = 0 THEN 'completed' WHEN id % 13 = 0 THEN 'paused' ELSE 'active' END,
        id % 4,
        CASE WHEN id % 100 = 1 THEN ${now} - 60000 WHEN id % 7 = 0 THEN NULL ELSE ${now} + (id % 43200) * 60000 END
      FROM contacts ORDER BY id LIMIT ${perCampaign}`);
  }
  const [{ n: total } = { n: 0 }] = await database.all<{ n: number }>(sql`SELECT count(*) AS n FROM campaign_enrollments`);
  const plan = await database.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN SELECT id FROM campaign_enrollments WHERE status = 'active' AND next_wake_at <= ${now} ORDER BY next_wake_at, id LIMIT 1000`);
  const dueMs: number[] = [];
  let due = 0;
  for (let i = 0; i < RUNS; i++) dueMs.push(await time(async () => (due = (await dueEnrollmentIds(database, new Date(now), 1_000)).length)));
  // A whole tick claims what is due; put the claimed wakes back before the next run so each run does the same work.
  const tickMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    tickMs.push(await time(() => queueDueWakes(database, new Date(now), new Date(now + 900_000), 1_000)));
    await database.run(sql`DELETE FROM jobs WHERE kind = 'campaign_wake'`);
    await database.run(sql`UPDATE campaign_enrollments SET next_wake_at = ${now} - 60000 WHERE next_wake_at = ${now + 900_000}`);
  }
  console.log(`scheduler tick at ${total.toLocaleString()} enrollments (${due} due): due query p50 ${median(dueMs).toFixed(2)} ms, whole tick p50 ${median(tickMs).toFixed(2)} ms`);
  console.log(`  plan: ${plan.map((p) => p.detail).join(" | ")}`);

  // Launch: contacts past the scheduler's set, enrolled by the service.
  const audience = (await database.all<{ id: number }>(sql`SELECT id FROM contacts ORDER BY id LIMIT ${LAUNCH} OFFSET ${perCampaign}`)).map((r) => r.id);
  const { id: launchId } = await svc.createCampaign(operator, { name: "Bench launch" });
  let launched: Awaited<ReturnType<typeof svc.launchCampaign>> | undefined;
  const launchMs = await time(async () => (launched = await svc.launchCampaign(operator, launchId, { contactIds: audience })));
  const excluded = launched!.excluded.reduce((n, e) => n + e.count, 0);
  const { threads } = launched!;
  console.log(
    `launch (rows + threads through the embedded runtime's client): ${launched!.enrolled.toLocaleString()} enrolled (+${excluded} excluded by guards) of ${audience.length.toLocaleString()}, ${threads.created.toLocaleString()} threads created (${threads.failed} failed) in ${launchMs.toFixed(0)} ms → ${Math.round((audience.length / launchMs) * 1000)} contacts/s, ${Math.round((launched!.enrolled / launchMs) * 1000)} enrollments/s`,
  );
  // The same launch without the threads step (they would then start on their first wake), for its share.
  const rowsAudience = (await database.all<{ id: number }>(sql`SELECT id FROM contacts ORDER BY id LIMIT ${LAUNCH} OFFSET ${perCampaign + LAUNCH}`)).map((r) => r.id);
  const { id: rowsId } = await svc.createCampaign(operator, { name: "Bench launch, rows only" });
  const noThreads = { threads: { create: async () => ({}) as never } };
  let rowsOnly = 0;
  const rowsMs = await time(async () => (rowsOnly = (await svc.launchCampaign(operator, rowsId, { contactIds: rowsAudience }, undefined, noThreads)).enrolled));
  console.log(`launch (rows only, no threads step): ${rowsOnly.toLocaleString()} enrolled in ${rowsMs.toFixed(0)} ms → ${Math.round((rowsOnly / rowsMs) * 1000)} enrollments/s`);

  // The campaign page: the service against the raw queries it runs.
  const id = campaignIds[0]!;
  const pageMs: number[] = [];
  const rawMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    pageMs.push(await time(() => svc.getCampaign(operator, id, { page: 1, pageSize: 50 })));
    rawMs.push(
      await time(() =>
        Promise.all([
          getCampaignRow(database, id),
          enrollmentStatusCounts(database, id),
          campaignReach(database, id),
          stepFunnel(database, id),
          enrollmentPage(database, id, { page: 1, pageSize: 50 }),
        ]),
      ),
    );
  }
  console.log(`campaign page (${perCampaign.toLocaleString()} enrollments): service p50 ${median(pageMs).toFixed(1)} ms, raw queries p50 ${median(rawMs).toFixed(1)} ms → ${(median(pageMs) / median(rawMs)).toFixed(2)}×`);
} finally {
  // The launch started the embedded runtime (threads): stop its lease loop before the database closes.
  embeddedRuntime().close();
  db().$client.close();
  testEnv.removeDir();
}
