/**
 * `npm run bench:drafts`: the draft pipeline against its floors, in one process on this machine.
 *  1. email_orchestrator runs (offline mode, to the approval interrupt) through the typed client
 *     and the embedded runtime, vs the same compiled graph invoked in-process on the same
 *     checkpointer, at concurrency 1 and 8: drafts/s, p50/p99 and the ratio.
 *  2. The approval queue's server time at 100,000 drafts vs the raw SELECT … LIMIT 50 it needs.
 * Flags: --runs N (per cell, default 200), --drafts N (default 100000).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { runs: { type: "string", default: "200" }, drafts: { type: "string", default: "100000" } } });
const RUNS = Number(values.runs);
const DRAFTS = Number(values.drafts);

const dir = mkdtempSync(join(tmpdir(), "bench-drafts-"));
process.env.DATABASE_URL = `file:${join(dir, "sales.db")}`;
for (const key of ["LLM_BASE_URL", "LLM_MODEL", "DEEPSEEK_API_KEY", "SMTP_URL"]) delete process.env[key];

const { randomUUID } = await import("node:crypto");
const { sql } = await import("drizzle-orm");
const { db, enableWal } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { BulkWriter } = await import("@/db/seed/bulk");
const { graphClient } = await import("@/lib/langgraph/instance");
const { LibsqlSaver } = await import("@/lib/runtime/checkpointer");
const { workflow } = await import("@/graphs/email-orchestrator/graph");
const { listDraftsFor, parseDraftListQuery } = await import("@/lib/services/drafts");

const database = db();
await enableWal(database);
await applyMigrations(database);
const contactsNeeded = RUNS * 5 + 100;
await seedDatabase(database, { companies: Math.ceil(contactsNeeded / 10), contacts: contactsNeeded, emails: 100, anchor: new Date() });
// Every measured run should reach the approval interrupt, so no contact may be gated.
await database.run(sql`DELETE FROM suppression`);
const fresh = (await database.all<{ id: number }>(sql`SELECT id FROM contacts c WHERE NOT EXISTS (SELECT 1 FROM emails e WHERE e.contact_id = c.id) AND do_not_contact = 0 AND bounced = 0 AND unsubscribed = 0 AND replied = 0 ORDER BY id`)).map((r) => r.id);
let next = 0;
const takeContact = () => {
  const id = fresh[next++];
  if (id === undefined) throw new Error("ran out of fresh contacts; seed more");
  return id;
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

async function measure(label: string, concurrency: number, runOne: () => Promise<void>) {
  const latencies: number[] = [];
  let started = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (started < RUNS) {
        started++;
        const t = performance.now();
        await runOne();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { label, concurrency, runs: latencies.length, perSecond: latencies.length / seconds, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

const client = graphClient();
const inProcess = workflow.compile({ checkpointer: new LibsqlSaver(database) });
const viaClient = async () => {
  const result = await client.run("email_orchestrator", { contactId: takeContact() });
  if (result.values.outcome?.status !== "drafted") throw new Error(`not drafted: ${JSON.stringify(result.values.outcome)}`);
};
const direct = async () => {
  const result = (await inProcess.invoke({ contactId: takeContact(), campaignId: null, intent: "outreach", requestedBy: null }, { configurable: { thread_id: randomUUID() } })) as { outcome?: { status: string } };
  if (result.outcome?.status !== "drafted") throw new Error("not drafted");
};

// Warm both paths (module load, compile, caches) before measuring.
for (let i = 0; i < 10; i++) {
  await viaClient();
  await direct();
}

const rows = [];
for (const concurrency of [1, 8]) {
  rows.push(await measure("in-process invoke()", concurrency, direct));
  rows.push(await measure("client → embedded runtime", concurrency, viaClient));
}
console.log(`\nemail_orchestrator, offline, to the approval interrupt (${RUNS} runs per cell)`);
console.table(rows.map((r) => ({ target: r.label, concurrency: r.concurrency, runs: r.runs, "drafts/s": r.perSecond.toFixed(1), "p50 ms": r.p50.toFixed(2), "p99 ms": r.p99.toFixed(2) })));
for (const concurrency of [1, 8]) {
  const base = rows.find((r) => r.concurrency === concurrency && r.label.startsWith("in-process"))!;
  const client = rows.find((r) => r.concurrency === concurrency && r.label.startsWith("client"))!;
  console.log(`concurrency ${concurrency}: client p50 / in-process p50 = ${(client.p50 / base.p50).toFixed(2)}× (goal ≤ 1.3×); throughput ratio ${(base.perSecond / client.perSecond).toFixed(2)}×`);
}

// 2. The queue at scale.
const [contact] = await database.all<{ id: number; company_id: number }>(sql`SELECT id, company_id FROM contacts ORDER BY id LIMIT 1`);
const rep = "usr_demo_rep";
const writer = new BulkWriter(database, "drafts", ["contact_id", "company_id", "assigned_rep_id", "status", "tier", "subject", "body", "provenance", "prompt_version", "model", "graph_id", "created_at", "updated_at"], { rowsPerFlush: 10_000 });
const now = Date.now();
const provenance = JSON.stringify({ confidence: 0.6, reason: "bench", source: "rule_based_fallback", evidence: [] });
for (let i = 0; i < DRAFTS; i++) {
  const at = now - i * 60_000;
  await writer.push([contact!.id, contact!.company_id, rep, i % 10 === 0 ? "sent" : "draft", "B", `Subject ${i}`, `Body ${i}`, provenance, "bench", "offline template", "email_orchestrator", at, at]);
}
await writer.flush();
const [{ total } = { total: 0 }] = await database.all<{ total: number }>(sql`SELECT count(*) AS total FROM drafts`);
const user = { id: rep, name: "Riley Rep", email: "rep@demo.local", role: "rep" as const };
const timeIt = async (fn: () => Promise<unknown>, n = 1_000) => {
  for (let i = 0; i < 100; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b);
};
// The floor: the same rows, columns and joins the queue shows, as one hand-written statement.
const raw = await timeIt(() =>
  database.$client.execute({
    sql: `SELECT d.id, d.status, d.subject, d.edited_subject, d.tier, d.action, d.model, json_extract(d.provenance, '$.confidence'), d.created_at,
                 c.id, c.first_name, c.last_name, co.name, ca.name, d.assigned_rep_id, u.name,
                 (SELECT j.run_at FROM jobs j WHERE j.dedupe_key = 'draft:' || d.id AND j.status IN ('queued', 'running', 'failed'))
          FROM drafts d JOIN contacts c ON c.id = d.contact_id LEFT JOIN companies co ON co.id = d.company_id
          LEFT JOIN email_campaigns ca ON ca.id = d.campaign_id LEFT JOIN users u ON u.id = d.assigned_rep_id
          WHERE d.assigned_rep_id = ? AND d.status = 'draft' ORDER BY d.created_at DESC, d.id DESC LIMIT 50`,
    args: [rep],
  }),
);
const page1 = await timeIt(() => listDraftsFor(user, parseDraftListQuery({ status: "draft", pageSize: "50" })));
const first = await listDraftsFor(user, parseDraftListQuery({ status: "draft", pageSize: "50" }));
const deep = await timeIt(() => listDraftsFor(user, parseDraftListQuery({ status: "draft", pageSize: "50", cursor: first.nextCursor! })));
console.log(`\napproval queue with ${total.toLocaleString("en")} drafts (server time per page, ms)`);
console.table([
  { query: "raw SELECT … LIMIT 50 (same columns and joins)", p50: percentile(raw, 0.5).toFixed(3), p99: percentile(raw, 0.99).toFixed(3) },
  { query: "queue page 1 (service: rows + capped count)", p50: percentile(page1, 0.5).toFixed(3), p99: percentile(page1, 0.99).toFixed(3) },
  { query: "queue page 2 (keyset cursor)", p50: percentile(deep, 0.5).toFixed(3), p99: percentile(deep, 0.99).toFixed(3) },
]);
console.log(`queue page / raw SELECT at p50: ${(percentile(page1, 0.5) / percentile(raw, 0.5)).toFixed(2)}× (goal ≤ 3×)`);

database.$client.close();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
