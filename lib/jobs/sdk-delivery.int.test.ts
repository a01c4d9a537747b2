import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

// This file owns its process: a fresh database, offline, the local outbox, the fleet served over
// real HTTP on loopback, and this process's job runner as the console starts it.
const testEnv = ownEnvironment("jobs-sdk", { DEMO_MODE: "false", JOBS_POLL_MS: "200" });

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
  });
});
