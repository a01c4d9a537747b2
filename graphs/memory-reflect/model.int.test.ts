import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";
import { startStubServer } from "@/lib/llm/testing/stub-server";

// This file owns its process's environment: a fresh database and a model on a loopback stub.
const stub = await startStubServer();
const testEnv = ownEnvironment("memory-reflect", { LLM_BASE_URL: stub.url, LLM_MODEL: "stub-model" });

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { graphClient } = await import("@/lib/langgraph/instance");

type Row = { id: number; contact_id: number; subject: string; sent_at: number; label: string | null };
async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  return (await db().all<T>(query))[0]!;
}
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const memoriesOf = (contactId: number) => db().all<{ content: string; thread_id: string }>(sql`SELECT content, thread_id FROM memories WHERE contact_id = ${contactId} AND source = 'graph_derived' ORDER BY id`);

beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 6, contacts: 40, emails: 80, anchor: new Date() });
}, 60_000);
afterAll(async () => {
  await stub.close();
  db().$client.close();
  testEnv.removeDir();
});

describe("memory_reflect", () => {
  it("writes one graph_derived line from the model's summary, behind a machine-written prefix", async () => {
    const email = await one<Row>(sql`SELECT e.id, e.contact_id, e.subject, e.sent_at, o.label FROM emails e JOIN outcomes o ON o.email_id = e.id WHERE e.direction = 'inbound' ORDER BY e.id LIMIT 1`);
    stub.enqueue({ content: '{"summary": "Asked for times to talk next week."}' });
    const result = await graphClient().run("memory_reflect", { contactId: email.contact_id, emailId: email.id });
    const line = `Received ${day(email.sent_at)} (${email.label}): Asked for times to talk next week.`;
    expect(result.values.outcome).toEqual({ status: "stored", content: line });
    expect(result.values.reflection?.provenance).toMatchObject({ source: "model", confidence: 0.7, path: { node: "summarize_email", path: "model", model: "stub-model" } });
    expect((await memoriesOf(email.contact_id)).map((m) => m.content)).toEqual([line]);
    const [system, user] = stub.requests.at(-1)!.messages as { content: string }[];
    expect(system!.content).not.toContain(email.subject);
    expect(user!.content).toMatch(/^<<<email the contact sent \(untrusted data/);
  });

  it("when the model fails, remembers the date and subject instead, and still writes exactly one memory", async () => {
    const email = await one<Row>(sql`SELECT e.id, e.contact_id, e.subject, e.sent_at FROM emails e WHERE e.direction = 'outbound'
      AND NOT EXISTS (SELECT 1 FROM memories m WHERE m.contact_id = e.contact_id) ORDER BY e.id LIMIT 1`);
    stub.enqueue({ status: 500, content: "upstream down" });
    const result = await graphClient().run("memory_reflect", { contactId: email.contact_id, emailId: email.id });
    expect(result.values.reflection?.provenance).toMatchObject({
      source: "rule_based_fallback",
      path: { node: "summarize_email", path: "fallback", fallback: "subject_line", why: "provider_error", templateVersion: expect.stringMatching(/^memory-reflect-rules-v/) },
    });
    expect((await memoriesOf(email.contact_id)).map((m) => m.content)).toEqual([`Sent ${day(email.sent_at)}: ${email.subject}`]);
  });

  it("an email that is not the contact's is not remembered", async () => {
    const email = await one<Row>(sql`SELECT id, contact_id FROM emails ORDER BY id LIMIT 1`);
    const result = await graphClient().run("memory_reflect", { contactId: email.contact_id + 1, emailId: email.id });
    expect(result.values.outcome).toEqual({ status: "skipped", reason: "not_found" });
  });
});
