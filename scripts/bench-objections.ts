/**
 * `npm run bench:objections`: the objection coach offline, in one process on this machine.
 *  1. handleObjection end to end (keyword rules, playbook template, faithfulness gate, the reply
 *     draft and its coaching stored, the thread paused for approval) through the embedded
 *     runtime, at concurrency 1 and 4: objections/s, p50 and p99.
 *  2. The pure parts alone: phrase classification and the faithfulness gate per rebuttal.
 * Flags: --runs N (per cell, default 100).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { runs: { type: "string", default: "100" } } });
const RUNS = Number(values.runs);

const dir = mkdtempSync(join(tmpdir(), "bench-objections-"));
process.env.DATABASE_URL = `file:${join(dir, "sales.db")}`;
process.env.JOBS_IN_PROCESS = "false";
for (const key of ["LLM_BASE_URL", "LLM_MODEL", "DEEPSEEK_API_KEY", "SMTP_URL"]) delete process.env[key];

const { sql } = await import("drizzle-orm");
const { db, enableWal } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { handleObjection } = await import("@/lib/services/objections");
const { DEFAULT_PLAYBOOKS } = await import("@/lib/objections/defaults");
const { checkSentences } = await import("@/lib/outreach/faithfulness");
const { applyGate, classifyByRules, templateCore } = await import("@/graphs/objection-coach/rules");

const database = db();
await enableWal(database);
await applyMigrations(database);
await seedDatabase(database, { companies: 60, contacts: RUNS * 3 + 50, emails: 0, anchor: new Date() });
await database.run(sql`DELETE FROM suppression`);
const admin = { id: "usr_demo_admin", name: "Ada Admin", email: "admin@demo.local", role: "admin" as const };
const MESSAGES = ["Honestly this is too expensive for us.", "We already use a current vendor for this.", "Our security team needs a SOC 2 report first.", "Can you send me some information?", "I need to run this by my CFO."];
const contacts = (await database.all<{ id: number }>(sql`SELECT id FROM contacts WHERE do_not_contact = 0 AND bounced = 0 AND unsubscribed = 0 ORDER BY id`)).map((r) => r.id);
let next = 0;
async function inbound(): Promise<number> {
  const contactId = contacts[next++ % contacts.length]!;
  const [row] = await database.all<{ id: number }>(sql`INSERT INTO emails (contact_id, direction, thread_id, message_id, subject, body, sent_at)
    VALUES (${contactId}, 'inbound', ${`t-${next}`}, ${`<bench-${next}@x.example>`}, 'Re: Pilot', ${MESSAGES[next % MESSAGES.length]!}, ${Date.now()}) RETURNING id`);
  return row!.id;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
async function measure(label: string | null, concurrency: number, runs = RUNS) {
  const emailIds: number[] = [];
  for (let i = 0; i < runs; i++) emailIds.push(await inbound());
  const latencies: number[] = [];
  let taken = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (taken < runs) {
        const emailId = emailIds[taken++]!;
        const t = performance.now();
        const result = await handleObjection({ user: admin }, { emailId, by: "rep" });
        if (result.status !== "drafted") throw new Error(`email ${emailId}: ${JSON.stringify(result)}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  if (label) console.log(`${label}: ${(runs / seconds).toFixed(1)} objections/s, p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms`);
}

// The graph compiles on its first run: that is not what is measured.
await measure(null, 1, 5);
await measure("handleObjection offline, concurrency 1", 1);
await measure("handleObjection offline, concurrency 4", 4);

const entries = Object.values(DEFAULT_PLAYBOOKS).flat();
const REPS = 20_000;
let t = performance.now();
for (let i = 0; i < REPS; i++) classifyByRules(MESSAGES[i % MESSAGES.length]!);
console.log(`classifyByRules: ${((performance.now() - t) * 1000 / REPS).toFixed(1)} µs per message`);
t = performance.now();
for (let i = 0; i < REPS / 10; i++) {
  const entry = entries[i % entries.length]!;
  const sources = [{ id: "r", text: entry.response }, ...entry.proofPoints.map((text, j) => ({ id: `p${j}`, text }))];
  applyGate(checkSentences(templateCore(entry, { fact: "Opened 29 new stores in 2025" }, "Pinelogic"), sources), sources);
}
console.log(`faithfulness gate: ${((performance.now() - t) * 1000 / (REPS / 10)).toFixed(1)} µs per rebuttal`);

database.$client.close();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
