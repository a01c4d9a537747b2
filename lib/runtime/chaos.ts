import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { seedDatabase } from "@/db/seed/seed";
import { tempDatabase } from "@/db/testing";
import type { RecoveryReport } from "./recovery";
import { spawnScript } from "@/lib/jobs/testing";
import { OPEN_GOVERNOR_ENV } from "@/lib/mail/testing/governance";
import { startRuntimeProcess, type RuntimeProcess } from "./runtime-process";

/**
 * Chaos for the runtime (`npm run chaos:runtime`, and a smaller round in chaos.int.test.ts): the
 * fleet's runtime as a real child process on a seeded SQLite file; each cycle fires orchestrator
 * runs over HTTP with the official SDK (and answers drafts left from earlier cycles), kills the
 * process with SIGKILL mid-flight and starts another on the same file. Afterwards the database
 * must hold no busy thread and no running run, every pending draft must be decidable, no thread
 * or contact may hold two pending drafts, and deciding every draft must queue each approved
 * message exactly once.
 */

export type ChaosOptions = {
  cycles: number;
  runsPerCycle: number;
  log?: (line: string) => void;
};

export type CycleReport = {
  cycle: number;
  fired: number;
  resumes: number;
  /** Requests not yet answered when the process was killed (in flight over HTTP). */
  unanswered: number;
  /** Runs the runtime had started and not finished at the kill. */
  running: number;
  killedAfterMs: number;
  recovered: RecoveryReport;
};
export type Invariant = { name: string; ok: boolean; detail: string };
export type ChaosReport = { cycles: CycleReport[]; drafts: number; approved: number; rejected: number; invariants: Invariant[]; ok: boolean };

type HumanInterrupt = { action_request: { args: { draft_id: number } } };
const SETTLE_TIMEOUT_MS = 30_000;

const count = async (database: Database, query: ReturnType<typeof sql>) => (await database.all<{ n: number }>(query))[0]!.n;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => undefined);
  const db = await tempDatabase("chaos");
  const token = randomUUID();
  let runtime: RuntimeProcess | undefined;
  try {
    const contacts = options.cycles * options.runsPerCycle;
    await seedDatabase(db.database, { companies: Math.max(10, Math.ceil(contacts / 4)), contacts: contacts * 3, emails: contacts, anchor: new Date() });
    const fresh = await freshContacts(db.database, contacts);
    if (fresh.length < contacts) throw new Error(`The seed has ${fresh.length} never-emailed contacts; the chaos needs ${contacts}.`);
    runtime = await startRuntimeProcess({ databaseUrl: db.url, registry: "fleet", token });
    const cycles: CycleReport[] = [];
    for (let cycle = 1; cycle <= options.cycles; cycle++) {
      const batch = fresh.slice((cycle - 1) * options.runsPerCycle, cycle * options.runsPerCycle);
      const report = await oneCycle(db.database, runtime, batch, cycle);
      runtime = await startRuntimeProcess({ databaseUrl: db.url, registry: "fleet", token });
      cycles.push({ ...report, recovered: runtime.recovered });
      log(`cycle ${cycle}: ${report.fired} runs + ${report.resumes} resumes fired; killed after ${report.killedAfterMs} ms with ${report.unanswered} unanswered, ${report.running} started; the restart recovered ${JSON.stringify(runtime.recovered)}`);
    }
    await settle(db.database);
    const invariants = await checkBeforeDeciding(db.database);
    const decided = await decideAll(db.database, runtime);
    invariants.push(...(await checkAfterDeciding(db.database, decided)));
    invariants.push(...(await deliverAndCheck(db.database, db.url)));
    const drafts = await count(db.database, sql`SELECT count(*) AS n FROM drafts`);
    return { cycles, drafts, approved: decided.approved.length, rejected: decided.rejected.length, invariants, ok: invariants.every((i) => i.ok) };
  } finally {
    await runtime?.kill();
    db.cleanup();
  }
}

async function freshContacts(database: Database, n: number) {
  return database.all<{ id: number; owner_id: string }>(sql`
    SELECT c.id, c.owner_id FROM contacts c WHERE c.do_not_contact = 0 AND c.bounced = 0 AND c.unsubscribed = 0 AND c.replied = 0
      AND c.owner_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM emails e WHERE e.contact_id = c.id)
    ORDER BY c.id LIMIT ${n}`);
}

/** Where each cycle's kill lands: once this share of its runs was accepted, plus a few ms into the next. */
const KILL_POINTS = [
  { share: 0.15, ms: 0 },
  { share: 0.35, ms: 40 },
  { share: 0.55, ms: 80 },
  { share: 0.75, ms: 120 },
  { share: 0.95, ms: 20 },
];

/**
 * Fires the batch's runs and answers (approves) the drafts waiting from earlier cycles, all at
 * once, and kills the runtime part-way through them; the point differs per cycle, so kills land
 * at different stages of the graph.
 */
async function oneCycle(database: Database, runtime: RuntimeProcess, batch: { id: number; owner_id: string }[], cycle: number) {
  const { client } = runtime;
  const waiting = await client.threads.search({ status: "interrupted", metadata: { graph_id: "email_orchestrator" }, limit: 10 });
  const started = new Date();
  let answered = 0;
  const calls = [
    ...batch.map((contact) =>
      client.runs.wait(randomUUID(), "email_orchestrator", { input: { contactId: contact.id, requestedBy: contact.owner_id }, ifNotExists: "create" }),
    ),
    ...waiting.map((thread) => client.runs.wait(thread.thread_id, "email_orchestrator", { command: { resume: [{ type: "accept", args: null }] } })),
  ].map((p) => p.then(() => void (answered += 1), () => undefined));
  const fired = batch.length + waiting.length;
  const point = KILL_POINTS[(cycle - 1) % KILL_POINTS.length]!;
  const target = Math.max(1, Math.ceil(fired * point.share));
  const deadline = Date.now() + 15_000;
  while ((await count(database, sql`SELECT count(*) AS n FROM runs WHERE started_at >= ${started.getTime()}`)) < target && Date.now() < deadline) await sleep(5);
  await sleep(point.ms);
  const running = await count(database, sql`SELECT count(*) AS n FROM runs WHERE status = 'running'`);
  const unanswered = fired - answered;
  const killedAfterMs = Date.now() - started.getTime();
  await runtime.kill();
  await Promise.all(calls);
  return { cycle, fired: batch.length, resumes: waiting.length, unanswered, running, killedAfterMs };
}

/** Waits until the runs the last restart carried on from their checkpoints have finished. */
async function settle(database: Database) {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const busy = await count(database, sql`SELECT (SELECT count(*) FROM runs WHERE status = 'running') + (SELECT count(*) FROM threads WHERE status = 'busy') AS n`);
    if (busy === 0) return;
    await sleep(100);
  }
}

type PendingDraft = { id: number; contact_id: number; thread_id: string | null; thread_status: string | null; interrupts: string | null };

async function pendingDrafts(database: Database) {
  return database.all<PendingDraft>(sql`
    SELECT d.id, d.contact_id, d.thread_id, t.status AS thread_status, t.interrupts
    FROM drafts d LEFT JOIN threads t ON t.thread_id = d.thread_id WHERE d.status = 'draft' ORDER BY d.id`);
}

/** A pending draft can be decided when its thread waits on a person for that very draft. */
function decidable(draft: PendingDraft): boolean {
  if (draft.thread_status !== "interrupted" || !draft.interrupts) return false;
  const pending = Object.values(JSON.parse(draft.interrupts) as Record<string, { value: HumanInterrupt }[]>).flat();
  return pending.some((i) => i.value?.action_request?.args?.draft_id === draft.id);
}

/** An undecidable draft with what its thread went through: its runs and the last checkpoint's metadata, for whoever reads a failure. */
async function explained(database: Database, drafts: PendingDraft[]) {
  return Promise.all(
    drafts.map(async (draft) => {
      if (!draft.thread_id) return draft;
      const runs = await database.all<{ id: string; status: string; error: string | null; metadata: string | null; kwargs: string | null }>(sql`
        SELECT id, status, substr(error, 1, 80) AS error, metadata, kwargs FROM runs WHERE thread_id = ${draft.thread_id} ORDER BY started_at, id`);
      const checkpoints = await database.all<{ metadata: string }>(sql`
        SELECT CAST(metadata AS TEXT) AS metadata FROM checkpoints WHERE thread_id = ${draft.thread_id} AND checkpoint_ns = '' ORDER BY checkpoint_id`);
      const last = checkpoints.at(-1)?.metadata;
      return { ...draft, runs, checkpoints: checkpoints.length, lastCheckpoint: last ? last.slice(0, 300) : null };
    }),
  );
}

const invariant = (name: string, offenders: unknown[], what: string): Invariant => ({
  name,
  ok: offenders.length === 0,
  detail: offenders.length ? `${offenders.length} ${what}: ${JSON.stringify(offenders.slice(0, 5))}` : "none",
});

async function checkBeforeDeciding(database: Database): Promise<Invariant[]> {
  const busy = await database.all<{ thread_id: string }>(sql`SELECT thread_id FROM threads WHERE status = 'busy'`);
  const running = await database.all<{ id: string }>(sql`SELECT id FROM runs WHERE status = 'running'`);
  const pending = await pendingDrafts(database);
  const twicePerThread = await database.all<{ thread_id: string; n: number }>(sql`SELECT thread_id, count(*) AS n FROM drafts WHERE thread_id IS NOT NULL GROUP BY thread_id HAVING n > 1`);
  const twicePerContact = await database.all<{ contact_id: number; n: number }>(
    sql`SELECT contact_id, count(*) AS n FROM drafts WHERE status = 'draft' GROUP BY contact_id HAVING n > 1`,
  );
  return [
    invariant("no thread busy", busy, "threads busy"),
    invariant("no run running", running, "runs running"),
    invariant("every pending draft decidable (its thread waits on a person for it)", await explained(database, pending.filter((d) => !decidable(d))), "drafts no one can decide"),
    invariant("no thread with two drafts", twicePerThread, "threads with duplicate drafts"),
    invariant("no contact with two pending drafts", twicePerContact, "contacts with duplicate pending drafts"),
  ];
}

/** Decides every pending draft the way the console does (resume its thread): odd ids approved, even ids rejected. */
async function decideAll(database: Database, runtime: RuntimeProcess) {
  const approved: number[] = [];
  const rejected: number[] = [];
  const failed: { draft: number; error: string }[] = [];
  for (const draft of await pendingDrafts(database)) {
    if (!draft.thread_id) continue;
    const accept = draft.id % 2 === 1;
    try {
      const body = (await runtime.client.runs.wait(draft.thread_id, "email_orchestrator", {
        command: { resume: [accept ? { type: "accept", args: null } : { type: "ignore", args: null }] },
      })) as Record<string, unknown>;
      if (body.__error__) throw new Error(JSON.stringify(body.__error__));
      (accept ? approved : rejected).push(draft.id);
    } catch (e) {
      failed.push({ draft: draft.id, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return { approved, rejected, failed };
}

async function checkAfterDeciding(database: Database, decided: Awaited<ReturnType<typeof decideAll>>): Promise<Invariant[]> {
  const left = await pendingDrafts(database);
  const outbox = await database.all<{ draft_id: number; n: number; matches: number; status: string }>(sql`
    SELECT o.draft_id, count(*) AS n, min(o.to_email = c.email AND o.subject = coalesce(d.edited_subject, d.subject) AND o.body = coalesce(d.edited_body, d.body)) AS matches, d.status
    FROM outbox o JOIN drafts d ON d.id = o.draft_id JOIN contacts c ON c.id = d.contact_id GROUP BY o.draft_id`);
  const byDraft = new Map(outbox.map((o) => [o.draft_id, o]));
  const approvedAll = await database.all<{ id: number }>(sql`SELECT id FROM drafts WHERE status = 'approved'`);
  return [
    invariant("every draft decided without an error", decided.failed, "decisions that failed"),
    invariant("no draft left pending", left, "drafts still pending"),
    invariant("each approved draft queued exactly once, as approved", approvedAll.filter((d) => byDraft.get(d.id)?.n !== 1 || byDraft.get(d.id)?.matches !== 1), "approved drafts not queued exactly once"),
    invariant("no rejected draft queued", outbox.filter((o) => o.status !== "approved"), "outbox rows of drafts not approved"),
  ];
}

/**
 * Delivers what was approved the way a deployment does, with a background worker in its own
 * process (`npm run worker`), then checks each approved message was sent exactly once.
 */
async function deliverAndCheck(database: Database, url: string): Promise<Invariant[]> {
  const approved = await database.all<{ id: number }>(sql`SELECT id FROM drafts WHERE status = 'approved'`);
  // The governor always open: this checks exactly-once delivery, at whatever hour it runs.
  const worker = spawnScript("scripts/worker.ts", { DATABASE_URL: url, DEMO_MODE: "false", JOBS_POLL_MS: "100", ...OPEN_GOVERNOR_ENV });
  try {
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    while (Date.now() < deadline && (await count(database, sql`SELECT count(*) AS n FROM outbox WHERE status IN ('queued', 'sending')`)) > 0) await sleep(100);
  } finally {
    worker.child.kill("SIGTERM");
    await worker.exited;
  }
  const sent = await database.all<{ draft_id: number; status: string; emails: number }>(sql`
    SELECT o.draft_id, o.status, (SELECT count(*) FROM emails e WHERE e.message_id = o.message_id) AS emails FROM outbox o`);
  const byDraft = new Map(sent.map((s) => [s.draft_id, s]));
  return [
    invariant("each approved draft sent exactly once by the worker", approved.filter((d) => byDraft.get(d.id)?.status !== "sent" || byDraft.get(d.id)?.emails !== 1), "approved drafts not sent exactly once"),
  ];
}

/** The report as lines for a terminal. */
export function describeReport(report: ChaosReport): string[] {
  return [
    `${report.cycles.length} kill -9 cycles, ${report.cycles.reduce((n, c) => n + c.fired, 0)} orchestrator runs and ${report.cycles.reduce((n, c) => n + c.resumes, 0)} resumes fired; ` +
      `${report.cycles.reduce((n, c) => n + c.unanswered, 0)} requests unanswered and ${report.cycles.reduce((n, c) => n + c.running, 0)} runs started at the kills; ` +
      `${report.cycles.reduce((n, c) => n + c.recovered.failed, 0)} runs recovered by the restarts`,
    `${report.drafts} drafts; ${report.approved} approved and ${report.rejected} rejected after the last restart`,
    ...report.invariants.map((i) => `${i.ok ? "ok  " : "FAIL"} ${i.name}${i.ok ? "" : ` — ${i.detail}`}`),
  ];
}
