/**
 * `npm run bench:jobs`: how fast the job runner drains queued deliveries to the local outbox.
 * A fresh SQLite file with a small CRM; N worker processes (`npm run worker`, scripts/worker.ts)
 * start and wait; then --count approved drafts are queued with their delivery jobs in one go, and
 * the clock runs until every outbox row is sent. Each delivered email also queues a
 * memory_reflect job, which the same workers run alongside (as in production). Reports
 * deliveries/s, worker CPU per delivery (what the machine's load cannot change), and checks each
 * message reached the timeline exactly once.
 * Flags: --count N (default 10000), --workers N (default 2), --concurrency N (JOBS_CONCURRENCY, default 4).
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { seedDatabase } from "@/db/seed/seed";
import { tempDatabase } from "@/db/testing";
import { queueApprovedMail, spawnScript } from "@/lib/jobs/testing";
// The governor always open with caps out of reach: this measures draining, every claim still
// counting the caps and gap in its UPDATE.
import { OPEN_GOVERNOR_ENV } from "@/lib/mail/testing/governance";

const { values } = parseArgs({ options: { count: { type: "string", default: "10000" }, workers: { type: "string", default: "2" }, concurrency: { type: "string", default: "4" } } });
const COUNT = Number(values.count);
const WORKERS = Number(values.workers);
const CONCURRENCY = values.concurrency!;

const env = await tempDatabase("bench-jobs");
try {
  await seedDatabase(env.database, { companies: 200, contacts: 2_000, emails: 500, anchor: new Date() });
  const workers = Array.from({ length: WORKERS }, () => spawnScript("scripts/worker.ts", { DATABASE_URL: env.url, DEMO_MODE: "false", JOBS_CONCURRENCY: CONCURRENCY, ...OPEN_GOVERNOR_ENV }));
  await Promise.all(workers.map((w) => w.waitFor(/\[worker\] ready/, 60_000)));

  const queuedAt = performance.now();
  await queueApprovedMail(env.database, COUNT);
  const committed = performance.now();
  const count = async (status: string) => (await env.database.all<{ n: number }>(sql`SELECT count(*) AS n FROM outbox WHERE status = ${status}`))[0]!.n;
  const marks: { ms: number; sent: number }[] = [];
  for (;;) {
    const sent = await count("sent");
    marks.push({ ms: performance.now() - committed, sent });
    if (sent >= COUNT) break;
    if (performance.now() - committed > 600_000) throw new Error(`gave up after 10 minutes with ${sent} of ${COUNT} sent`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const drainMs = marks.at(-1)!.ms;
  const reflections = await env.database.all<{ status: string; n: number }>(sql`SELECT status, count(*) AS n FROM jobs WHERE kind = 'memory_reflect' GROUP BY status`);
  await Promise.all(workers.map((w) => (w.child.kill("SIGTERM"), w.exited)));
  const stats = workers.map((w) => JSON.parse(/\[worker\] stopped (.*)/.exec(w.output())?.[1] ?? "{}") as { done?: number; cpuMs?: number });
  const cpuMs = stats.reduce((sum, s) => sum + (s.cpuMs ?? 0), 0);

  const [check] = await env.database.all<{ rows: number; once: number }>(sql`
    SELECT count(*) AS rows, sum((SELECT count(*) FROM emails e WHERE e.message_id = o.message_id) = 1) AS once FROM outbox o`);
  const [jobs] = await env.database.all<{ retried: number }>(sql`SELECT count(*) AS retried FROM jobs WHERE kind = 'outbox_deliver' AND attempts > 1`);
  const half = marks.find((m) => m.sent >= COUNT / 2)!;
  console.log(JSON.stringify({
    deliveries: COUNT,
    workers: WORKERS,
    concurrency: Number(CONCURRENCY),
    queueMs: Math.round(committed - queuedAt),
    drainMs: Math.round(drainMs),
    perSecond: Math.round(COUNT / (drainMs / 1000)),
    firstHalfPerSecond: Math.round(half.sent / (half.ms / 1000)),
    deliveredExactlyOnce: check!.once === COUNT && check!.rows === COUNT,
    deliveriesRetried: jobs!.retried,
    jobsDonePerWorker: stats.map((s) => s.done ?? null),
    // Load-independent: worker CPU (start-up included) per delivery, and what that allows per busy core.
    workerCpuMsPerDelivery: Number((cpuMs / COUNT).toFixed(2)),
    deliveriesPerCpuSecond: Math.round(COUNT / (cpuMs / 1000)),
    loadAverage: loadavg().map((l) => Number(l.toFixed(1))),
    reflectionsAtDrain: Object.fromEntries(reflections.map((r) => [r.status, r.n])),
  }, null, 2));
} finally {
  env.cleanup();
}
