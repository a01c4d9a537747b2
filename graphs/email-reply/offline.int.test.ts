import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

// This file owns its process's environment: a fresh database and no model (offline).
const testEnv = ownEnvironment("email-reply");

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { graphClient } = await import("@/lib/langgraph/instance");

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  return (await db().all<T>(query))[0]!;
}

/** A contact with no mail and no flags, given one inbound message (and its label). */
async function contactWithMessage(offset: number, label: string, body: string) {
  const { id } = await one<{ id: number }>(sql`
    SELECT c.id FROM contacts c WHERE c.do_not_contact = 0 AND c.bounced = 0 AND c.unsubscribed = 0 AND c.replied = 0
      AND NOT EXISTS (SELECT 1 FROM emails e WHERE e.contact_id = c.id) ORDER BY c.id LIMIT 1 OFFSET ${offset}`);
  const email = await one<{ id: number }>(sql`INSERT INTO emails (contact_id, direction, thread_id, message_id, subject, body, sent_at)
    VALUES (${id}, 'inbound', ${`t-${id}`}, ${`<in-${id}@x.example>`}, 'Re: Peak season', ${body}, ${Date.now()}) RETURNING id`);
  await db().run(sql`INSERT INTO outcomes (thread_id, contact_id, email_id, label, polarity, at) VALUES (${`t-${id}`}, ${id}, ${email.id}, ${label}, 'neutral', ${Date.now()})`);
  return { contactId: id, inboundEmailId: email.id };
}

beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 6, contacts: 40, emails: 60, anchor: new Date() });
}, 60_000);
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

describe("email_reply, offline", () => {
  it("drafts an answer to the contact's message from the offline template and stores nothing", async () => {
    const input = await contactWithMessage(0, "info_request", "Can you share pricing?");
    const draftsBefore = await one<{ n: number }>(sql`SELECT count(*) AS n FROM drafts`);
    const result = await graphClient().run("email_reply", input);
    // No prompt ran, so the outcome carries the offline template's version, not the compose prompt's.
    expect(result.values.outcome).toEqual({ status: "drafted", promptVersion: "template-v4" });
    expect(result.values.draft).toMatchObject({
      subject: "Re: Peak season",
      model: "offline template",
      provenance: { source: "rule_based_fallback", path: { node: "draft_email", path: "fallback", fallback: "offline_template", why: "offline", templateVersion: "template-v4" } },
    });
    expect(result.values.brief).toMatchObject({ action: "reply", inbound: { subject: "Re: Peak season", body: "Can you share pricing?" } });
    expect(await one(sql`SELECT count(*) AS n FROM drafts`)).toEqual(draftsBefore);
  });

  it("a caller cannot draft against another contact's message or our own outbound email", async () => {
    const input = await contactWithMessage(1, "interested", "Sounds good.");
    expect((await graphClient().run("email_reply", { ...input, contactId: input.contactId + 1 })).values.outcome).toEqual({ status: "skipped", reason: "not_found" });
    const outbound = await one<{ id: number; contact_id: number }>(sql`SELECT id, contact_id FROM emails WHERE direction = 'outbound' LIMIT 1`);
    expect((await graphClient().run("email_reply", { contactId: outbound.contact_id, inboundEmailId: outbound.id })).values.outcome).toEqual({ status: "skipped", reason: "not_inbound" });
  });

  it("the safety gate refuses an unsubscribed contact, and an auto-reply gets no answer", async () => {
    const unsubscribed = await contactWithMessage(2, "info_request", "Pricing?");
    await db().run(sql`UPDATE contacts SET unsubscribed = 1 WHERE id = ${unsubscribed.contactId}`);
    expect((await graphClient().run("email_reply", unsubscribed)).values.outcome).toEqual({ status: "skipped", reason: "unsubscribed" });
    const auto = await contactWithMessage(3, "auto_reply", "Out of office.");
    const result = await graphClient().run("email_reply", auto);
    expect(result.values.outcome).toEqual({ status: "skipped", reason: "no_reply_needed" });
    expect(result.values.draft).toBeUndefined();
  });
});
