import { spawn, type ChildProcess } from "node:child_process";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { OUTBOX_DELIVERY_ATTEMPTS, OUTBOX_DELIVERY_KIND } from "@/db/queries/outbox";

/**
 * Test and benchmark support: `count` approved drafts, each queued in the outbox with its delivery
 * job, as apply_decision leaves them, written in three statements. Every contact is cleared for
 * sending first (no flags, no suppression), so each message should be delivered. Returns the
 * outbox ids.
 */
export async function queueApprovedMail(database: Database, count: number, runAt = new Date()): Promise<number[]> {
  await database.run(sql`UPDATE contacts SET do_not_contact = 0, bounced = 0, unsubscribed = 0, replied = 0`);
  await database.run(sql`DELETE FROM suppression`);
  const [{ before } = { before: 0 }] = await database.all<{ before: number }>(sql`SELECT coalesce(max(id), 0) AS before FROM drafts`);
  const tag = Date.now().toString(36);
  await database.run(sql`
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ${count}),
    c AS (SELECT id, company_id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS total FROM contacts)
    INSERT INTO drafts (contact_id, company_id, status, subject, body, provenance, prompt_version, model, graph_id, action, decided_at)
    SELECT c.id, c.company_id, 'approved', 'Queued message ' || n.i, 'Hello,' || char(10) || 'message ' || n.i, '{}', 'test', 'offline template', 'email_orchestrator', 'initial', ${runAt.getTime()}
    FROM n JOIN c ON c.k = n.i % c.total`);
  await database.run(sql`
    INSERT INTO outbox (draft_id, idempotency_key, contact_id, to_email, subject, body, message_id, conversation_id)
    SELECT d.id, 'draft:' || d.id, d.contact_id, c.email, d.subject, d.body, '<queued-' || ${tag} || '-' || d.id || '@test.local>', 'draft-' || d.id
    FROM drafts d JOIN contacts c ON c.id = d.contact_id WHERE d.id > ${before} ORDER BY d.id`);
  const rows = await database.all<{ id: number }>(sql`SELECT o.id FROM outbox o JOIN drafts d ON d.id = o.draft_id WHERE d.id > ${before} ORDER BY o.id`);
  await database.run(sql`
    INSERT INTO jobs (kind, payload, run_at, max_attempts, dedupe_key)
    SELECT ${OUTBOX_DELIVERY_KIND}, json_object('outboxId', o.id), ${runAt.getTime()}, ${OUTBOX_DELIVERY_ATTEMPTS}, 'outbox:' || o.id
    FROM outbox o JOIN drafts d ON d.id = o.draft_id WHERE d.id > ${before} ORDER BY o.id
    ON CONFLICT DO NOTHING`);
  // ↑ A running worker's outbox sweep may have given some rows their job between the statements.
  return rows.map((r) => r.id);
}

export type SpawnedWorker = {
  child: ChildProcess;
  /** Everything it printed to stdout so far. */
  output: () => string;
  /** Resolves with the first stdout line that matches. */
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/**
 * Starts a TypeScript script (a worker) as its own Node process with the given environment
 * (on top of a minimal one: PATH, HOME and NODE_ENV=test, so no developer setting leaks in).
 */
export function spawnScript(script: string, env: Record<string, string>, args: string[] = []): SpawnedWorker {
  // eslint-disable-next-line no-restricted-syntax
  const base = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "test" as const };
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { cwd: process.cwd(), env: { ...base, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const check = () => {
    for (const line of out.split("\n")) {
      for (const w of [...waiters]) {
        if (w.pattern.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  };
  child.stdout!.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    check();
  });
  let err = "";
  child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return {
    child,
    output: () => out,
    exited,
    waitFor: (pattern, timeoutMs = 30_000) =>
      new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${script} never printed ${pattern}; stdout: ${out.slice(-2_000)}; stderr: ${err.slice(-2_000)}`)), timeoutMs);
        waiters.push({ pattern, resolve: (line) => (clearTimeout(timer), resolve(line)) });
        check();
        void exited.then(({ code, signal }) => reject(new Error(`${script} exited (${code ?? signal}) before printing ${pattern}; stderr: ${err.slice(-2_000)}`)));
      }),
  };
}
