import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

// This file owns its process's environment: a fresh database, no model (offline), local mail,
// and this process's job runner delivering what approvals queue, as in the console.
const testEnv = ownEnvironment("orchestrator");

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { emailHash } = await import("@/db/queries/suppression");
const { graphClient } = await import("@/lib/langgraph/instance");
const { approveDraft, draftOutreach, rejectDraft } = await import("@/lib/services/drafts");
const { getRun } = await import("@/db/queries/runs");
const { runTreeFor } = await import("@/lib/services/runs");
const { startJobs, stopJobs } = await import("@/lib/jobs/instance");

const rep = { id: "usr_demo_rep", name: "Riley Rep", email: "rep@demo.local", role: "rep" as const };
const otherRep = { id: "usr_demo_rep2", name: "Sam Seller", email: "rep2@demo.local", role: "rep" as const };

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  return (await db().all<T>(query))[0]!;
}

/** A contact of the rep that has never been emailed and has no flags. */
async function freshContact(offset = 0): Promise<number> {
  const row = await one<{ id: number }>(sql`
    SELECT c.id FROM contacts c WHERE c.owner_id = ${rep.id} AND c.do_not_contact = 0 AND c.bounced = 0
      AND c.unsubscribed = 0 AND c.replied = 0
      AND NOT EXISTS (SELECT 1 FROM emails e WHERE e.contact_id = c.id)
      AND NOT EXISTS (SELECT 1 FROM drafts d WHERE d.contact_id = c.id)
    ORDER BY c.id LIMIT 1 OFFSET ${offset}`);
  return row.id;
}

beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 20, contacts: 160, emails: 300, anchor: new Date() });
  startJobs();
}, 60_000);
afterAll(async () => {
  await stopJobs();
  db().$client.close();
  testEnv.removeDir();
});

describe("the email orchestrator, offline", () => {
  it("drafts from the offline template, pauses for a person, and sends the edited text once on approval", async () => {
    const contactId = await freshContact();
    const result = await graphClient().run("email_orchestrator", { contactId, requestedBy: rep.id });
    expect(result.interrupts).toHaveLength(1);
    const request = result.interrupts[0]!.value as { action_request: { action: string; args: { subject: string } }; config: Record<string, boolean>; description: string };
    expect(request.action_request.action).toBe("send_email");
    expect(request.config).toEqual({ allow_accept: true, allow_edit: true, allow_respond: true, allow_ignore: true });
    expect(result.values.outcome).toMatchObject({ status: "drafted" });
    const draftId = (result.values.outcome as { draftId: number }).draftId;

    const draft = await one<{ status: string; model: string; provenance: string; prompt_version: string; tier: string; thread_id: string; run_id: string }>(
      sql`SELECT status, model, provenance, prompt_version, tier, thread_id, run_id FROM drafts WHERE id = ${draftId}`,
    );
    expect(draft).toMatchObject({ status: "draft", model: "offline template", thread_id: result.threadId, run_id: result.runId });
    // The tier is the contact's score (score_contact's rules), scored on demand since it had none — not the 3-valued qualify score (always A offline).
    const score = await one<{ tier: string; source: string }>(sql`SELECT tier, source FROM contact_scores WHERE contact_id = ${contactId}`);
    expect(score).toMatchObject({ source: "rules" });
    expect(draft.tier).toBe(score!.tier);
    // No prompt ran: the draft carries the offline template's version, and its provenance says why.
    expect(JSON.parse(draft.provenance)).toMatchObject({ source: "rule_based_fallback", path: { node: "draft_email", path: "fallback", fallback: "offline_template", why: "offline", templateVersion: "template-v4" } });
    expect(draft.prompt_version).toBe("template-v4");

    const steps = await db().all<{ node: string }>(sql`SELECT node FROM run_steps WHERE run_id = ${result.runId} AND namespace IS NULL ORDER BY id`);
    expect(steps.map((s) => s.node)).toEqual([
      "hydrate", "load_history", "safety_gate", "recall_memory", "plan_tasks", "assess_lead", "decide_action", "plan_roles", "compose", "review_draft", "store_draft", "await_approval",
    ]);
    // The email_compose subgraph's nodes are steps too, under the node that ran them, and the run's tree nests them there.
    const inner = await db().all<{ node: string; namespace: string; status: string }>(
      sql`SELECT node, namespace, status FROM run_steps WHERE run_id = ${result.runId} AND namespace IS NOT NULL ORDER BY id`,
    );
    expect(inner).toEqual([{ node: "draft_email", namespace: "compose", status: "success" }]);
    const { root } = await runTreeFor({ run: (await getRun(db(), result.runId))! });
    expect(root.steps.find((s) => s.node === "compose")!.steps.map((s) => s.node)).toEqual(["draft_email"]);
    expect(root.steps.filter((s) => s.steps.length > 0)).toHaveLength(1);

    const outcome = await approveDraft(rep, draftId, { subject: "A sharper subject", body: "Hi there,\n\nEdited by a person.\n\nBest,\nRiley" });
    expect(outcome).toMatchObject({ status: "sent" });
    const sent = await db().all<{ subject: string; body: string; message_id: string }>(
      sql`SELECT subject, body, message_id FROM emails WHERE contact_id = ${contactId} AND direction = 'outbound'`,
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ subject: "A sharper subject", body: "Hi there,\n\nEdited by a person.\n\nBest,\nRiley" });
    expect(sent[0]!.message_id).toMatch(/^<draft-\d+\..+@mail\.sales-console\.local>$/);
    const after = await one<{ status: string; edited_body: string; body: string; decided_by: string }>(sql`SELECT status, edited_body, body, decided_by FROM drafts WHERE id = ${draftId}`);
    expect(after.status).toBe("sent");
    expect(after.edited_body).toContain("Edited by a person");
    expect(after.body).not.toContain("Edited by a person");
    expect(after.decided_by).toBe(rep.id);
  });

  it("skips a suppressed contact before any draft, whatever its flags say", async () => {
    const contactId = await freshContact(1);
    const { email } = await one<{ email: string }>(sql`SELECT email FROM contacts WHERE id = ${contactId}`);
    await db().run(sql`INSERT INTO suppression (email_hash, reason, source) VALUES (${emailHash(email)}, 'manual', 'test')`);
    const result = await graphClient().run("email_orchestrator", { contactId });
    expect(result.values.outcome).toEqual({ status: "skipped", reason: "suppressed" });
    expect(result.interrupts).toEqual([]);
    expect((await one<{ n: number }>(sql`SELECT count(*) AS n FROM drafts WHERE contact_id = ${contactId}`)).n).toBe(0);
  });

  it("skips a contact emailed less than three days ago", async () => {
    const contactId = await freshContact(2);
    await db().run(sql`INSERT INTO emails (contact_id, direction, thread_id, message_id, subject, body, sent_at)
      VALUES (${contactId}, 'outbound', 't-recent', '<recent@test>', 'Hello', 'Body', ${Date.now() - 86_400_000})`);
    const result = await graphClient().run("email_orchestrator", { contactId });
    expect(result.values.outcome).toEqual({ status: "skipped", reason: "too_soon" });
  });

  it("an out-of-office answer is not a message to reply to", async () => {
    const contactId = await freshContact(7);
    const sentAt = Date.now() - 5 * 86_400_000;
    await db().run(sql`INSERT INTO emails (contact_id, direction, thread_id, message_id, subject, body, sent_at)
      VALUES (${contactId}, 'outbound', 't-ooo', ${`<ooo-${contactId}@test>`}, 'Idea', 'Body', ${sentAt})`);
    const inbound = await one<{ id: number }>(sql`INSERT INTO emails (contact_id, direction, thread_id, message_id, subject, body, sent_at)
      VALUES (${contactId}, 'inbound', 't-ooo', ${`<ooo-reply-${contactId}@test>`}, 'Automatic reply', 'I am away', ${sentAt + 60_000}) RETURNING id`);
    await db().run(sql`INSERT INTO outcomes (thread_id, contact_id, email_id, label, polarity, at) VALUES ('t-ooo', ${contactId}, ${inbound.id}, 'auto_reply', 'neutral', ${sentAt + 60_000})`);
    const result = await graphClient().run("email_orchestrator", { contactId });
    expect(result.values.action).toEqual({ kind: "followup" });
  });

  it("records a rejection with its reason and sends nothing", async () => {
    const [drafted] = await draftOutreach(rep, [await freshContact(3)]);
    expect(drafted).toMatchObject({ status: "drafted" });
    const draftId = (drafted as { draftId: number }).draftId;
    expect(await rejectDraft(rep, draftId, "Wrong angle for this account")).toMatchObject({ status: "rejected" });
    const row = await one<{ status: string; reject_reason: string }>(sql`SELECT status, reject_reason FROM drafts WHERE id = ${draftId}`);
    expect(row).toEqual({ status: "rejected", reject_reason: "Wrong angle for this account" });
    expect((await one<{ n: number }>(sql`SELECT count(*) AS n FROM outbox WHERE draft_id = ${draftId}`)).n).toBe(0);
  });

  it("a rep cannot draft for another rep's contact or act on another rep's draft", async () => {
    const theirs = await one<{ id: number }>(sql`SELECT id FROM contacts WHERE owner_id = ${otherRep.id} ORDER BY id LIMIT 1`);
    expect(await draftOutreach(rep, [theirs.id])).toEqual([{ contactId: theirs.id, status: "failed", message: "You can only draft for your own contacts." }]);
    const [mine] = await draftOutreach(rep, [await freshContact(4)]);
    const draftId = (mine as { draftId: number }).draftId;
    await expect(approveDraft(otherRep, draftId)).rejects.toMatchObject({ status: 404 });
    await expect(rejectDraft(otherRep, draftId, "no")).rejects.toMatchObject({ status: 404 });
  });

  it("fifty simultaneous approvals of one draft send exactly one message", async () => {
    const contactId = await freshContact(5);
    const [drafted] = await draftOutreach(rep, [contactId]);
    const draftId = (drafted as { draftId: number }).draftId;
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => approveDraft(rep, draftId)));
    const succeeded = results.filter((r) => r.status === "fulfilled");
    expect(succeeded).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ status: 409 });
    expect((await one<{ n: number }>(sql`SELECT count(*) AS n FROM emails WHERE contact_id = ${contactId} AND direction = 'outbound'`)).n).toBe(1);
    expect((await one<{ n: number }>(sql`SELECT count(*) AS n FROM outbox WHERE draft_id = ${draftId} AND status = 'sent'`)).n).toBe(1);
  });

  it("re-checks the safety gate at send time", async () => {
    const contactId = await freshContact(6);
    const [drafted] = await draftOutreach(rep, [contactId]);
    const draftId = (drafted as { draftId: number }).draftId;
    await db().run(sql`UPDATE contacts SET unsubscribed = 1 WHERE id = ${contactId}`);
    expect(await approveDraft(rep, draftId)).toMatchObject({ status: "blocked", message: "Not sent: The contact unsubscribed." });
    expect((await one<{ n: number }>(sql`SELECT count(*) AS n FROM emails WHERE contact_id = ${contactId} AND direction = 'outbound'`)).n).toBe(0);
  });
});
