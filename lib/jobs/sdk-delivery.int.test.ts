import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";
import { OPEN_GOVERNOR_ENV } from "@/lib/mail/testing/governance";

// This file owns its process: a fresh database, offline, the local outbox, the fleet served over
// real HTTP on loopback, and this process's job runner as the console starts it.
// The send window is always open: this test is about the approval path, and runs at any hour.
const testEnv = ownEnvironment("jobs-sdk", { DEMO_MODE: "false", JOBS_POLL_MS: "200", ...OPEN_GOVERNOR_ENV });

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { FLEET } = await import("@/graphs/registry");
const { startTestRuntime } = await import("@/lib/runtime/testing");
const { startJobs, stopJobs } = await import("./instance");

let runtime: Awaited<ReturnType<typeof startTestRuntime>>;

async function one<T>(query: ReturnType<typeof sql>): Promise<T | undefined> {
  return (await db().all<T>(query))[0];
}

beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 10, contacts: 60, emails: 40, anchor: new Date() });
  runtime = await startTestRuntime(db(), FLEET);
  startJobs();
}, 60_000);
afterAll(async () => {
  await stopJobs();
  await runtime.close();
  db().$client.close();
  testEnv.removeDir();
});

describe("approval from outside the console", () => {
  it("an orchestrator interrupt resumed with `accept` through the official SDK is delivered with no console action, once", async () => {
    const contact = (await one<{ id: number }>(sql`
      SELECT c.id FROM contacts c WHERE c.do_not_contact = 0 AND c.bounced = 0 AND c.unsubscribed = 0 AND c.replied = 0
        AND NOT EXISTS (SELECT 1 FROM emails e WHERE e.contact_id = c.id) ORDER BY c.id LIMIT 1`))!;
    const thread = await runtime.client.threads.create({ metadata: { source: "agent-inbox" } });
    const paused = (await runtime.client.runs.wait(thread.thread_id, "email_orchestrator", { input: { contactId: contact.id } })) as { outcome?: { draftId: number }; __interrupt__?: unknown[] };
    expect(paused.__interrupt__).toHaveLength(1);
    const draftId = paused.outcome!.draftId;

    // What Agent Inbox sends for "Accept".
    await runtime.client.runs.wait(thread.thread_id, "email_orchestrator", { command: { resume: [{ type: "accept", args: null }] } });

    const deadline = Date.now() + 5_000;
    let sent: { status: string; transport: string } | undefined;
    while (Date.now() < deadline) {
      sent = await one(sql`SELECT status, transport FROM outbox WHERE draft_id = ${draftId} AND status = 'sent'`);
      if (sent) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(sent, "delivered within 5 s").toEqual({ status: "sent", transport: "local" });
    expect(await one(sql`SELECT status FROM drafts WHERE id = ${draftId}`)).toEqual({ status: "sent" });
    const emails = await db().all<{ n: number }>(sql`SELECT count(*) AS n FROM emails WHERE contact_id = ${contact.id} AND direction = 'outbound'`);
    expect(emails).toEqual([{ n: 1 }]);
    expect(await one(sql`SELECT status, attempts FROM jobs WHERE dedupe_key = (SELECT 'outbox:' || id FROM outbox WHERE draft_id = ${draftId})`)).toEqual({ status: "done", attempts: 1 });

    // The delivery and the memory it leads to are the approving run's children: its run tree shows the reflection.
    const approval = (await one<{ id: string }>(sql`SELECT id FROM runs WHERE thread_id = ${thread.thread_id} ORDER BY started_at DESC LIMIT 1`))!;
    expect(await one(sql`SELECT parent_run_id FROM jobs WHERE dedupe_key = (SELECT 'outbox:' || id FROM outbox WHERE draft_id = ${draftId})`)).toEqual({ parent_run_id: approval.id });
    let child: { id: string } | undefined;
    for (const until = Date.now() + 10_000; !child && Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
      child = await one(sql`SELECT id FROM runs WHERE assistant_id = 'memory_reflect' AND parent_run_id = ${approval.id}`);
    }
    expect(child, "memory_reflect ran under the approving run").toBeDefined();
    const { runTreeFor } = await import("@/lib/services/runs");
    const { getRun } = await import("@/db/queries/runs");
    const tree = await runTreeFor({ run: (await getRun(db(), approval.id))! });
    expect(tree.root.children.map((c) => c.run.assistantId)).toContain("memory_reflect");
  });
});
