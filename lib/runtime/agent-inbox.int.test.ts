import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDatabase } from "@/db/testing";
import { seedDatabase } from "@/db/seed/seed";
import { spawnScript } from "@/lib/jobs/testing";
import { OPEN_GOVERNOR_ENV } from "@/lib/mail/testing/governance";
import { startRuntimeProcess, type RuntimeProcess } from "./runtime-process";

/**
 * Agent Inbox against the embedded runtime serving the real fleet, through the official SDK:
 * it lists the threads waiting on a person, reads each one's interrupt from `thread.interrupts`,
 * and answers with its HumanResponse list. The runtime runs as its own process on a seeded file.
 */

let db: Awaited<ReturnType<typeof tempDatabase>>;
let runtime: RuntimeProcess;

beforeAll(async () => {
  db = await tempDatabase("agent-inbox");
  await seedDatabase(db.database, { companies: 10, contacts: 60, emails: 60, anchor: new Date() });
  runtime = await startRuntimeProcess({ databaseUrl: db.url, registry: "fleet", token: randomUUID() });
}, 60_000);
afterAll(async () => {
  await runtime?.kill();
  db.cleanup();
});

type HumanInterrupt = { action_request: { action: string; args: { draft_id: number; to: string; subject: string; body: string } }; config: Record<string, boolean>; description: string };

/** Contacts that were never emailed and have no flags: the orchestrator drafts for each. */
async function freshContacts(n: number) {
  return db.database.all<{ id: number; owner_id: string }>(sql`
    SELECT c.id, c.owner_id FROM contacts c WHERE c.do_not_contact = 0 AND c.bounced = 0 AND c.unsubscribed = 0 AND c.replied = 0
      AND c.owner_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM emails e WHERE e.contact_id = c.id)
      AND NOT EXISTS (SELECT 1 FROM drafts d WHERE d.contact_id = c.id)
    ORDER BY c.id LIMIT ${n}`);
}

const rowCounts = async () =>
  (await db.database.all<{ threads: number; runs: number; drafts: number }>(
    sql`SELECT (SELECT count(*) FROM threads) AS threads, (SELECT count(*) FROM runs) AS runs, (SELECT count(*) FROM drafts) AS drafts`,
  ))[0];

describe("the orchestrator needs a thread", () => {
  it("a caller who runs it without a thread gets a 422 naming thread_id, and no draft, thread or run is written", async () => {
    const [contact] = await freshContacts(1);
    const before = await rowCounts();
    const res = await fetch(`${runtime.url}/runs/wait`, {
      method: "POST",
      headers: { authorization: `Bearer ${runtime.token}`, "content-type": "application/json" },
      body: JSON.stringify({ assistant_id: "email_orchestrator", input: { contactId: contact!.id, requestedBy: contact!.owner_id } }),
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe("thread_id");
    expect(await rowCounts()).toEqual(before);
  });
});

describe("Agent Inbox on the embedded runtime, through the official SDK", () => {
  it("an inbox lists the orchestrator's interrupted threads by graph, reads their interrupts, accepts one and ignores another: one message is queued once and delivered by a worker", async () => {
    const { client } = runtime;
    const contacts = await freshContacts(2);
    expect(contacts).toHaveLength(2);
    for (const contact of contacts) {
      await client.runs.wait(randomUUID(), "email_orchestrator", { input: { contactId: contact.id, requestedBy: contact.owner_id }, ifNotExists: "create" });
    }

    const waiting = await client.threads.search({ status: "interrupted", metadata: { graph_id: "email_orchestrator" }, limit: 10 });
    expect(waiting).toHaveLength(2);
    const [accepted, ignored] = waiting.map((thread) => {
      const pending = Object.values(thread.interrupts ?? {}).flat();
      expect(pending).toHaveLength(1);
      return { threadId: thread.thread_id, request: pending[0]!.value as HumanInterrupt };
    });
    expect(accepted!.request.config).toMatchObject({ allow_accept: true, allow_ignore: true });
    // The state says the same as the thread's list.
    const state = await client.threads.getState(accepted!.threadId);
    expect(state.tasks.flatMap((t) => t.interrupts.map((i) => i.value))).toEqual([accepted!.request]);

    // Agent Inbox resumes with a list of HumanResponse, streaming the run.
    for await (const chunk of client.runs.stream(accepted!.threadId, "email_orchestrator", { command: { resume: [{ type: "accept", args: null }] } })) {
      expect(chunk.event).not.toBe("error");
    }
    await client.runs.wait(ignored!.threadId, "email_orchestrator", { command: { resume: [{ type: "ignore", args: null }] } });

    for (const { threadId } of [accepted!, ignored!]) expect((await client.threads.get(threadId)).status).toBe("idle");
    expect(await client.threads.search({ status: "interrupted", metadata: { graph_id: "email_orchestrator" } })).toEqual([]);
    const drafts = await db.database.all<{ id: number; status: string }>(sql`SELECT id, status FROM drafts ORDER BY id`);
    expect(Object.fromEntries(drafts.map((d) => [d.id, d.status]))).toEqual({
      [accepted!.request.action_request.args.draft_id]: "approved",
      [ignored!.request.action_request.args.draft_id]: "rejected",
    });
    const outbox = await db.database.all<{ draft_id: number; to_email: string; subject: string; body: string; status: string }>(
      sql`SELECT draft_id, to_email, subject, body, status FROM outbox`,
    );
    const { args } = accepted!.request.action_request;
    // Queued exactly once, as the person saw it; a background worker (its own process, as `npm run
    // worker` runs) then delivers it with no console action.
    expect(outbox).toEqual([{ draft_id: args.draft_id, to_email: args.to, subject: args.subject, body: args.body, status: "queued" }]);
    const worker = spawnScript("scripts/worker.ts", { DATABASE_URL: db.url, DEMO_MODE: "false", JOBS_POLL_MS: "100", ...OPEN_GOVERNOR_ENV });
    try {
      let sent: { status: string; n: number } | undefined;
      for (const until = Date.now() + 15_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
        [sent] = await db.database.all<{ status: string; n: number }>(sql`SELECT status, (SELECT count(*) FROM emails WHERE message_id = o.message_id) AS n FROM outbox o`);
        if (sent?.status === "sent") break;
      }
      expect(sent, "delivered by the worker, once").toEqual({ status: "sent", n: 1 });
    } finally {
      worker.child.kill("SIGTERM");
      await worker.exited;
    }
  });
});
