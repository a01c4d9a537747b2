import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";
import { startScriptedSmtp } from "@/lib/mail/testing/smtp-server";

// This file owns its process's environment: a fresh database, no model (offline), no undo window,
// and no job runner of its own: the test runs delivery itself, into a real SMTP server on loopback.
const smtp = await startScriptedSmtp();
const testEnv = ownEnvironment("objection-coach-offline", { JOBS_IN_PROCESS: "false", SEND_DELAY_SECONDS: "0" });

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { graphClient } = await import("@/lib/langgraph/instance");
const { jobQueue } = await import("@/lib/jobs/instance");
const { consoleJobs } = await import("@/lib/jobs/handlers");
const { createJobRunner } = await import("@/lib/jobs/runner");
const { createTransport } = await import("@/lib/mail/transport");
const { DEFAULT_PLAYBOOKS } = await import("@/lib/objections/defaults");
const { approveWithUndo } = await import("@/lib/services/draft-decisions");
const { coachingForDraft, handleObjection } = await import("@/lib/services/objections");
const { PlaybookSave, savePlaybook } = await import("@/lib/services/playbooks");
const { RULE_CONFIDENCE, RULES_VERSION } = await import("./rules");

const rep = { id: "usr_demo_rep", name: "Riley Rep", email: "rep@demo.local", role: "rep" as const };
const otherRep = { id: "usr_demo_rep2", name: "Sam Seller", email: "rep2@demo.local", role: "rep" as const };
const admin = { id: "usr_demo_admin", name: "Ada Admin", email: "admin@demo.local", role: "admin" as const };

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  return (await db().all<T>(query))[0]!;
}
const count = async (table: string) => (await one<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${table}`))).n;

let used = 0;
/** A contact of `owner`'s with no mail and no flags, given one inbound reply. */
async function inboundFrom(body: string, owner = rep.id) {
  const contact = await one<{ id: number; email: string; vertical: string }>(sql`
    SELECT c.id, c.email, co.vertical FROM contacts c JOIN companies co ON co.id = c.company_id
    WHERE c.owner_id = ${owner} AND c.do_not_contact = 0 AND c.bounced = 0 AND c.unsubscribed = 0 AND c.replied = 0
      AND NOT EXISTS (SELECT 1 FROM emails e WHERE e.contact_id = c.id)
    ORDER BY c.id LIMIT 1 OFFSET ${used++}`);
  const email = await one<{ id: number; message_id: string }>(sql`INSERT INTO emails (contact_id, direction, thread_id, message_id, subject, body, sent_at)
    VALUES (${contact.id}, 'inbound', ${`t-${contact.id}`}, ${`<in-${contact.id}@prospect.example>`}, 'Re: Peak season', ${body}, ${Date.now()}) RETURNING id, message_id`);
  return { ...contact, emailId: email.id, messageId: email.message_id };
}

async function deliver() {
  const { kinds } = consoleJobs({ database: db(), mail: { transport: createTransport(smtp.url), from: "Sales <sales@test.local>" }, queue: jobQueue(), graphs: graphClient() });
  const runner = createJobRunner({ database: db(), kinds, now: () => new Date(), log: { warn: () => {}, error: () => {} } });
  await runner.tick();
}

beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 6, contacts: 60, emails: 0, anchor: new Date() });
}, 60_000);
afterAll(async () => {
  await smtp.close();
  db().$client.close();
  testEnv.removeDir();
});

describe("objection_coach, offline", () => {
  let drafted: { draftId: number; contact: Awaited<ReturnType<typeof inboundFrom>> };

  it("a rep handles a price objection from an inbound reply: a reply draft waits in their queue with the coach's reasoning, and nothing is sent", async () => {
    const contact = await inboundFrom("Thanks for the note. Honestly this looks too expensive for a team our size.");
    const result = await handleObjection({ user: rep }, { emailId: contact.emailId, by: "rep" });
    expect(result).toMatchObject({ status: "drafted", objection: "price", confidence: RULE_CONFIDENCE.single, removed: 0, flagged: 0 });
    const draftId = (result as { draftId: number }).draftId;
    drafted = { draftId, contact };

    const draft = await one<Record<string, unknown>>(sql`SELECT status, action, graph_id, assigned_rep_id, subject, body, model, prompt_version, review_flags, thread_id, run_url FROM drafts WHERE id = ${draftId}`);
    const price = DEFAULT_PLAYBOOKS[contact.vertical as keyof typeof DEFAULT_PLAYBOOKS].find((e) => e.objection === "price")!;
    expect(draft).toMatchObject({ status: "draft", action: "reply", graph_id: "objection_coach", assigned_rep_id: rep.id, subject: "Re: Peak season", model: "offline template", prompt_version: RULES_VERSION, review_flags: "[]" });
    expect(draft.body).toContain(price.response);
    expect(draft.body).toContain(price.proofPoints[0]);
    expect(draft.body).toMatch(/^Hi \S+,\n\n/);
    expect(draft.body).toMatch(/Best regards,\nRiley Rep$/);
    expect(draft.run_url).toMatch(/^\/runs\//);

    const coaching = await coachingForDraft(rep, draftId);
    expect(coaching).toMatchObject({
      objection: "price",
      confidence: RULE_CONFIDENCE.single,
      vertical: contact.vertical,
      playbookVersion: 0,
      sentences: [],
      emailId: contact.emailId,
      promptVersion: RULES_VERSION,
      provenance: { source: "rule_based_fallback", path: { node: "classify_objection", path: "fallback", fallback: "keyword_rules", why: "offline" } },
    });
    expect(coaching!.provenance.reason).toMatch(/^Keyword rules \(no model configured\): The message says "too expensive"/);
    expect(coaching!.provenance.evidence).toContain(`playbook: ${contact.vertical} v0, price`);
    expect(await count("outbox")).toBe(0);
    expect(smtp.accepted).toEqual([]);
  });

  it("approving the rebuttal sends it through the outbox to the loopback SMTP server, as a reply to the contact's email", async () => {
    const decided = await approveWithUndo(rep, drafted.draftId);
    expect(decided.status).toMatch(/^(approved|sent)$/);
    await deliver();
    expect(await one(sql`SELECT status, in_reply_to, conversation_id FROM outbox WHERE draft_id = ${drafted.draftId}`)).toEqual({ status: "sent", in_reply_to: drafted.contact.messageId, conversation_id: `t-${drafted.contact.id}` });
    expect(smtp.accepted).toHaveLength(1);
    expect(smtp.accepted[0]).toMatchObject({ to: [drafted.contact.email], subject: "Re: Peak season" });
    expect(smtp.accepted[0]!.text).toContain("Best regards");
    expect(await one(sql`SELECT status FROM drafts WHERE id = ${drafted.draftId}`)).toEqual({ status: "sent" });
  });

  it("a rep's note with no objection in it stores the reasoning and drafts nothing", async () => {
    const { id } = await inboundFrom("Great, Tuesday works.");
    const drafts = await count("drafts");
    const result = await handleObjection({ user: rep }, { contactId: id, note: "Great call, they want to book a demo with the whole team on Tuesday.", by: "rep" });
    expect(result).toEqual({ status: "no_objection", coachingId: expect.any(Number), reason: expect.stringMatching(/No phrase of the nine objections/) });
    expect(await count("drafts")).toBe(drafts);
    expect(await one(sql`SELECT objection, draft_id, note IS NOT NULL AS has_note FROM objection_coachings WHERE id = ${(result as { coachingId: number }).coachingId}`)).toEqual({ objection: "none", draft_id: null, has_note: 1 });
  });

  it("the coach drafts from the playbook version in force, and the coaching names that version", async () => {
    const contact = await inboundFrom("We'd need to run this by our CFO first.");
    const vertical = contact.vertical as keyof typeof DEFAULT_PLAYBOOKS;
    const response = "Of course, the finance lead usually wants a view too. I can send a one-page summary for them, or join a short call with both of you.";
    const entries = DEFAULT_PLAYBOOKS[vertical].map((e) => (e.objection === "consult_others" ? { ...e, response } : e));
    await savePlaybook(admin, PlaybookSave.parse({ vertical, entries, basedOn: 0 }));
    const result = await handleObjection({ user: rep }, { emailId: contact.emailId, by: "rep" });
    expect(result).toMatchObject({ status: "drafted", objection: "consult_others" });
    const draftId = (result as { draftId: number }).draftId;
    expect((await one<{ body: string }>(sql`SELECT body FROM drafts WHERE id = ${draftId}`)).body).toContain(response);
    expect(await coachingForDraft(rep, draftId)).toMatchObject({ playbookVersion: 1 });
  });

  it("a rep cannot handle an objection on another rep's contact, and an admin can", async () => {
    const contact = await inboundFrom("We already use a current vendor for this.", otherRep.id);
    await expect(handleObjection({ user: rep }, { emailId: contact.emailId, by: "rep" })).rejects.toMatchObject({ code: "not_found:contacts" });
    await expect(coachingForDraft(rep, drafted.draftId + 10_000)).rejects.toMatchObject({ code: "not_found:drafts" });
    expect(await handleObjection({ user: admin }, { emailId: contact.emailId, by: "rep" })).toMatchObject({ status: "drafted", objection: "incumbent_vendor" });
  });

  it("an unsubscribed contact is skipped with the gate's reason, and our own outbound email is not an objection to answer", async () => {
    const contact = await inboundFrom("No budget this year.");
    await db().run(sql`UPDATE contacts SET unsubscribed = 1 WHERE id = ${contact.id}`);
    const drafts = await count("drafts");
    expect(await handleObjection({ user: rep }, { emailId: contact.emailId, by: "rep" })).toEqual({ status: "skipped", reason: "The contact unsubscribed." });
    const outbound = await one<{ id: number }>(sql`INSERT INTO emails (contact_id, direction, thread_id, message_id, subject, body, sent_at)
      VALUES (${drafted.contact.id}, 'outbound', 'x', '<out-x@test>', 'Hi', 'Too expensive?', ${Date.now()}) RETURNING id`);
    expect(await handleObjection({ user: rep }, { emailId: outbound.id, by: "rep" })).toEqual({ status: "skipped", reason: "Only the contact's own emails can be answered." });
    expect(await count("drafts")).toBe(drafts);
  });

  it("bad input is refused naming the field, and nothing is written", async () => {
    const coachings = await count("objection_coachings");
    await expect(handleObjection({ user: rep }, { contactId: drafted.contact.id, note: "   ", by: "rep" })).rejects.toMatchObject({ status: 400 });
    await expect(handleObjection({ user: rep }, { emailId: -1, by: "rep" } as never)).rejects.toMatchObject({ status: 400 });
    await expect(handleObjection({ user: rep }, { contactId: drafted.contact.id, note: "x".repeat(2_001), by: "rep" })).rejects.toMatchObject({ status: 400 });
    expect(await count("objection_coachings")).toBe(coachings);
  });
});
