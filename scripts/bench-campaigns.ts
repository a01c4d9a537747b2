/**
 * `npm run bench:campaigns`: the campaign engine's figures (issue #12).
 * - Scheduler tick: --enrollments (default 100,000) enrollments across campaigns, about 1% due;
 *   times the due query alone (one range scan of enrollments_wake_idx, its plan printed) and a
 *   whole tick (claim + wake jobs queued, in one batch), medians over repeated runs.
 * - Launch: --launch (default 10,000) contacts through launchCampaign (guards, enrollments
 *   written in batches, threads created through the graph client, first wake-ups due);
 *   enrollments/s, and the same without the threads step for its share.
 * - Campaign page: getCampaign's server time against the raw queries it needs, run alone.
 * - Drafting: --draft contacts' first touches drafted offline through the job runner (scheduler
 *   tick, campaign_wake jobs, the typed client and the embedded runtime) against the
 *   orchestrator's compiled graph invoked in-process at the same concurrency (campaign_wake's
 *   maxRunning, 2) on the same checkpointer: drafts/s and the ratio.
 * Flags: --enrollments N, --launch N, --draft N (default 200), --runs N (default 20).
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { ownEnvironment } from "@/db/testing";

const { values } = parseArgs({ options: { enrollments: { type: "string", default: "100000" }, launch: { type: "string", default: "10000" }, draft: { type: "string", default: "200" }, runs: { type: "string", default: "20" } } });
const ENROLLMENTS = Number(values.enrollments);
const LAUNCH = Number(values.launch);
const RUNS = Number(values.runs);
const DRAFT = Number(values.draft);
const CAMPAIGNS = 5;

const testEnv = ownEnvironment("bench-campaigns", { JOBS_IN_PROCESS: "false" });
const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { dueEnrollmentIds, queueDueWakes } = await import("@/db/queries/enrollments");
const { campaignReach, enrollmentPage, enrollmentStatusCounts, getCampaignRow, stepFunnel } = await import("@/db/queries/campaigns");
const svc = await import("@/lib/services/campaigns");
const views = await import("@/lib/services/campaign-views");
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
  // The scheduler's enrollments, two launches (with and without threads) and the drafting pools.
  const contacts = perCampaign + LAUNCH * 2 + DRAFT * 3 + 200;
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
    pageMs.push(await time(() => views.getCampaign(operator, id, { page: 1, pageSize: 50 })));
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

  // Drafting: the campaign path through jobs vs the orchestrator in-process, on fresh contacts.
  // The scheduler's synthetic enrollments have no real threads: take them off the wake index first.
  await database.run(sql`UPDATE campaign_enrollments SET next_wake_at = NULL`);
  await database.run(sql`DELETE FROM jobs WHERE kind = 'campaign_wake'`);
  await database.run(sql`DELETE FROM suppression`);
  const fresh = (
    await database.all<{ id: number }>(sql`
      SELECT id FROM contacts c WHERE do_not_contact = 0 AND bounced = 0 AND unsubscribed = 0 AND replied = 0
        AND NOT EXISTS (SELECT 1 FROM campaign_enrollments e WHERE e.contact_id = c.id) ORDER BY id`)
  ).map((r) => r.id);
  if (fresh.length < DRAFT * 2) throw new Error(`only ${fresh.length} fresh contacts; seed more`);
  const { randomUUID } = await import("node:crypto");
  const { workflow } = await import("@/graphs/email-orchestrator/graph");
  const { LibsqlSaver } = await import("@/lib/runtime/checkpointer");
  const { graphClient } = await import("@/lib/langgraph/instance");
  const { consoleJobs } = await import("@/lib/jobs/handlers");
  const { createJobQueue } = await import("@/lib/jobs/queue");
  const { createJobRunner } = await import("@/lib/jobs/runner");
  const { JOB_SPECS } = await import("@/lib/jobs/catalog");
  const { createTransport } = await import("@/lib/mail/transport");
  const { governance } = await import("@/lib/mail");
  const orchestrator = workflow.compile({ checkpointer: new LibsqlSaver(database) });
  const direct = fresh.slice(0, DRAFT);
  const viaJobs = fresh.slice(DRAFT, DRAFT * 2);
  // Warm both paths (module load, compile, caches).
  await orchestrator.invoke({ contactId: fresh.at(-1)!, campaignId: null, intent: "outreach", requestedBy: null }, { configurable: { thread_id: randomUUID() } });
  const queue = createJobQueue({ database, specs: JOB_SPECS });
  const { kinds, periodic } = consoleJobs({ database, mail: { transport: createTransport(undefined), from: "Sales <sales@bench.local>" }, queue, graphs: graphClient(), governor: governance() });
  const runner = createJobRunner({ database, kinds, periodic, concurrency: 4, log: { warn: () => {}, error: console.error } });
  const { id: warmId } = await svc.createCampaign(operator, { name: "Warm-up" });
  await svc.launchCampaign(operator, warmId, { contactIds: [fresh.at(-2)!] });
  await runner.tick();

  const concurrency = JOB_SPECS.campaign_wake.maxRunning;
  let nextDirect = 0;
  const directMs = await time(() =>
    Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (nextDirect < direct.length) {
          const contactId = direct[nextDirect++]!;
          await orchestrator.invoke({ contactId, campaignId: null, intent: "outreach", requestedBy: null }, { configurable: { thread_id: randomUUID() } });
        }
      }),
    ),
  );
  const { id: draftCampaign } = await svc.createCampaign(operator, { name: "Bench drafting" });
  const drafted = async () => (await database.all<{ n: number }>(sql`SELECT count(*) AS n FROM drafts WHERE campaign_id = ${draftCampaign}`))[0]!.n;
  const jobsMs = await time(async () => {
    const { enrolled } = await svc.launchCampaign(operator, draftCampaign, { contactIds: viaJobs });
    while ((await drafted()) < enrolled) await runner.tick();
  });
  const directRate = (direct.length / directMs) * 1000;
  const jobsRate = ((await drafted()) / jobsMs) * 1000;
  console.log(`drafting offline at concurrency ${concurrency}: orchestrator in-process ${directRate.toFixed(1)} drafts/s, campaign touches through the job runner ${jobsRate.toFixed(1)} drafts/s → ${(jobsRate / directRate).toFixed(2)}× (goal ≥ 0.8×)`);
} finally {
  // The launch started the embedded runtime (threads): stop its lease loop before the database closes.
  embeddedRuntime().close();
  db().$client.close();
  testEnv.removeDir();
}
