import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

// This file owns its process's environment: a fresh database, offline, local mail, the default
// 20 s undo window, and no job runner of its own: each test runs one with an injected clock, so
// the window passes without sleeping.
const testEnv = ownEnvironment("draft-decisions", { JOBS_IN_PROCESS: "false", SEND_DELAY_SECONDS: "20" });

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { graphClient } = await import("@/lib/langgraph/instance");
const { emailHash } = await import("@/db/queries/suppression");
const { jobQueue } = await import("@/lib/jobs/instance");
const { consoleJobs } = await import("@/lib/jobs/handlers");
const { createJobRunner } = await import("@/lib/jobs/runner");
const { createTransport } = await import("@/lib/mail/transport");
const { openGovernance } = await import("@/lib/mail/testing/governance");
const { draftOutreach, listDraftsFor, rejectDraft, draftDetailFor } = await import("./drafts");
const { approveWithUndo, batchApproveWithUndo, batchReject, PROPOSAL_SKIPPED, reviseDraftFor, undoApprovals } = await import("./draft-decisions");
const { draftProposalFor } = await import("./proposals");

const rep = { id: "usr_demo_rep", name: "Riley Rep", email: "rep@demo.local", role: "rep" as const };
const otherRep = { id: "usr_demo_rep2", name: "Sam Seller", email: "rep2@demo.local", role: "rep" as const };
const operator = { id: "usr_demo_operator", name: "Olly Operator", email: "operator@demo.local", role: "operator" as const };
const admin = { id: "usr_demo_admin", name: "Ada Admin", email: "admin@demo.local", role: "admin" as const };

let clock = new Date();
const runner = () => {
  const { kinds } = consoleJobs({ database: db(), mail: { transport: createTransport(undefined), from: "Sales <sales@test.local>" }, queue: jobQueue(), graphs: graphClient(), governor: openGovernance({ now: () => clock }) });
  return createJobRunner({ database: db(), kinds, now: () => clock, log: { warn: () => {}, error: () => {} } });
};
/** Runs what is due at `at` (twice: the approval, then the delivery it queued). */
async function runJobsAt(at: Date) {
  clock = at;
  const jobs = runner();
  await jobs.tick();
  await jobs.tick();
}
const afterWindow = () => new Date(Date.now() + 21_000);

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  return (await db().all<T>(query))[0]!;
}

/** A fresh draft of the user's (a contact never emailed, drafted or suppressed), paused for a decision. */
async function draftOf(user: typeof rep = rep): Promise<number> {
  const candidates = await db().all<{ id: number; email: string }>(sql`
    SELECT c.id, c.email FROM contacts c WHERE c.owner_id = ${user.id} AND c.do_not_contact = 0 AND c.bounced = 0
      AND c.unsubscribed = 0 AND c.replied = 0
      AND NOT EXISTS (SELECT 1 FROM emails e WHERE e.contact_id = c.id)
      AND NOT EXISTS (SELECT 1 FROM drafts d WHERE d.contact_id = c.id)
    ORDER BY c.id LIMIT 50`);
  const suppressed = new Set((await db().all<{ email_hash: string }>(sql`SELECT email_hash FROM suppression`)).map((r) => r.email_hash));
  const { id } = candidates.find((c) => !suppressed.has(emailHash(c.email)))!;
  const [result] = await draftOutreach(user, [id]);
  expect(result).toMatchObject({ status: "drafted" });
  return (result as { draftId: number }).draftId;
}

const stateOf = (draftId: number) =>
  one<{ status: string; outbox: number; sent: number; jobs: number }>(sql`
    SELECT d.status,
      (SELECT count(*) FROM outbox o WHERE o.draft_id = d.id) AS outbox,
      (SELECT count(*) FROM emails e WHERE e.contact_id = d.contact_id AND e.direction = 'outbound') AS sent,
      (SELECT count(*) FROM jobs j WHERE j.dedupe_key = 'draft:' || d.id) AS jobs
    FROM drafts d WHERE d.id = ${draftId}`);

beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 20, contacts: 200, emails: 300, anchor: new Date() });
}, 60_000);
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

describe("the undo window", () => {
  it("a rep's approval waits its window with nothing of the send path started, then is sent exactly once", async () => {
    const draftId = await draftOf();
    const result = await approveWithUndo(rep, draftId, { subject: "A sharper subject", body: "Hi,\n\nEdited.\n\nBest,\nRiley" });
    expect(result).toMatchObject({ draftId, status: "scheduled" });
    expect(new Date(result.sendAt!).getTime() - Date.now()).toBeGreaterThan(15_000);
    expect(await stateOf(draftId)).toEqual({ status: "draft", outbox: 0, sent: 0, jobs: 1 });
    const { pending } = await draftDetailFor(rep, draftId);
    expect(pending).toMatchObject({ state: "queued", decision: { type: "edit", subject: "A sharper subject" } });
    expect((await listDraftsFor(rep, { status: "draft", pageSize: 100 })).rows.find((r) => r.id === draftId)?.sendAt).toBe(new Date(result.sendAt!).getTime());

    await runJobsAt(new Date());
    expect(await stateOf(draftId)).toMatchObject({ status: "draft", outbox: 0, sent: 0 });

    await runJobsAt(afterWindow());
    expect(await stateOf(draftId)).toEqual({ status: "sent", outbox: 1, sent: 1, jobs: 1 });
    const sent = await one<{ subject: string; decided_by: string }>(sql`SELECT e.subject, d.decided_by FROM emails e JOIN drafts d ON d.contact_id = e.contact_id WHERE d.id = ${draftId}`);
    expect(sent).toEqual({ subject: "A sharper subject", decided_by: rep.id });
    await expect(approveWithUndo(rep, draftId)).rejects.toMatchObject({ status: 409 });
  });

  it("a rep's undo inside the window returns the draft to the queue, where it can still be decided", async () => {
    const draftId = await draftOf();
    await approveWithUndo(rep, draftId);
    await expect(approveWithUndo(rep, draftId)).rejects.toMatchObject({ status: 409, message: "This draft is already approved and waiting to send." });
    expect(await undoApprovals(rep, [draftId])).toEqual([{ draftId, status: "undone", message: expect.stringContaining("back in the queue") }]);
    await runJobsAt(afterWindow());
    expect(await stateOf(draftId)).toEqual({ status: "draft", outbox: 0, sent: 0, jobs: 0 });
    expect((await draftDetailFor(rep, draftId)).pending).toBeNull();
    await rejectDraft(rep, draftId, "Changed my mind", "timing");
    expect(await one(sql`SELECT status, reject_reason, reject_label FROM drafts WHERE id = ${draftId}`)).toEqual({ status: "rejected", reject_reason: "Changed my mind", reject_label: "timing" });
    expect(await undoApprovals(rep, [draftId])).toEqual([{ draftId, status: "too_late", message: "Too late to undo: it was already rejected." }]);
  });

  it("an undo racing the runner that takes the approval: exactly one wins, and what the rep is told is what happened", async () => {
    const drafts = [await draftOf(), await draftOf(), await draftOf()];
    for (const draftId of drafts) await approveWithUndo(rep, draftId);
    const [undone] = await Promise.all([undoApprovals(rep, drafts), runJobsAt(afterWindow())]);
    await runJobsAt(afterWindow());
    for (const { draftId, status } of undone) {
      const state = await stateOf(draftId);
      if (status === "undone") expect(state).toEqual({ status: "draft", outbox: 0, sent: 0, jobs: 0 });
      else expect(state).toEqual({ status: "sent", outbox: 1, sent: 1, jobs: 1 });
    }
  });

  it("a batch approval shares one send time and one undo takes the whole batch back", async () => {
    const drafts = [await draftOf(), await draftOf()];
    const results = await batchApproveWithUndo(rep, [...drafts, 999_999]);
    expect(results.map((r) => r.status)).toEqual(["scheduled", "scheduled", "error"]);
    expect(new Set(results.slice(0, 2).map((r) => (r as { sendAt: string }).sendAt)).size).toBe(1);
    expect((await undoApprovals(rep, drafts)).map((r) => r.status)).toEqual(["undone", "undone"]);
    for (const draftId of drafts) expect(await stateOf(draftId)).toMatchObject({ status: "draft", jobs: 0 });
  });

  it("a rep approving a touch of a paused campaign is told it is held until the campaign resumes, not that it is sending", async () => {
    const { campaignEnrollments, drafts, emailCampaigns } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    const plain = await draftOf();
    const touch = await draftOf();
    const [campaign] = await db().insert(emailCampaigns).values({ name: "Paused campaign", vertical: "saas", status: "paused", cadenceDays: [0, 4] }).returning({ id: emailCampaigns.id });
    const [row] = await db().select({ contactId: drafts.contactId }).from(drafts).where(eq(drafts.id, touch));
    const [enrollment] = await db().insert(campaignEnrollments).values({ campaignId: campaign!.id, contactId: row!.contactId }).returning({ id: campaignEnrollments.id });
    await db().update(drafts).set({ enrollmentId: enrollment!.id }).where(eq(drafts.id, touch));

    const held = await approveWithUndo(rep, touch);
    expect(held).toMatchObject({ status: "scheduled", held: "held until the campaign resumes" });
    expect(held.message).not.toMatch(/Sending in/);
    const [batchHeld, batchPlain] = await batchApproveWithUndo(rep, [touch, plain]).then((r) => r.map((x) => x as { held?: string; message: string }));
    expect(batchHeld!.message).toMatch(/already approved/);
    expect(batchPlain).not.toHaveProperty("held");
    expect(batchPlain!.message).toBe("Approved. Sending in 20 s.");

    // Once the campaign resumes, an approval says it is sending again.
    await undoApprovals(rep, [touch, plain]);
    await db().update(emailCampaigns).set({ status: "active" }).where(eq(emailCampaigns.id, campaign!.id));
    const resumed = await approveWithUndo(rep, touch);
    expect(resumed).not.toHaveProperty("held");
    expect(resumed.message).toBe("Approved. Sending in 20 s.");
    await undoApprovals(rep, [touch]);
  });

  it("a rep approving an email to a contact emailed an hour ago is told it is held until a day after that email, not that it is sending", async () => {
    const draftId = await draftOf();
    const { contactId } = await one<{ contactId: number }>(sql`SELECT contact_id AS contactId FROM drafts WHERE id = ${draftId}`);
    const hourAgo = Date.now() - 3_600_000;
    // Another email to them went out an hour ago (another rep's, say): the governor will hold this one.
    await db().run(sql`INSERT INTO drafts (contact_id, status, subject, body, provenance, prompt_version, model, graph_id, action) VALUES (${contactId}, 'sent', 'Earlier', 'Hi', '{}', 't', 't', 'email_orchestrator', 'initial')`);
    await db().run(sql`INSERT INTO outbox (draft_id, idempotency_key, contact_id, to_email, subject, body, message_id, conversation_id, status, claimed_at, sent_at)
      VALUES ((SELECT max(id) FROM drafts), 'gap-test', ${contactId}, 'x@y.example', 'Earlier', 'Hi', '<gap-test@x>', 'gap', 'sent', ${hourAgo}, ${hourAgo})`);
    const result = await approveWithUndo(rep, draftId);
    expect(result.held).toMatch(/^held until .+ \(the contact was emailed less than a day ago\)$/);
    expect(result.message).not.toMatch(/Sending in/);
  });

  it("a rep batch-approving emails with a proposal among them gets the emails scheduled and the proposal skipped with the reason, still waiting", async () => {
    const [first, second] = [await draftOf(), await draftOf()];
    const proposalFor = await draftOf();
    const contact = await one<{ contact_id: number }>(sql`SELECT contact_id FROM drafts WHERE id = ${proposalFor}`);
    await rejectDraft(rep, proposalFor, "Make it a proposal instead.", null);
    const drafted = await draftProposalFor(rep, { contactId: contact.contact_id });
    const proposal = (drafted as { draftId: number }).draftId;

    const results = await batchApproveWithUndo(rep, [proposal, first, second]);
    expect(results.map((r) => [r.draftId, r.status])).toEqual([[proposal, "skipped"], [first, "scheduled"], [second, "scheduled"]]);
    expect(results[0]!.message).toBe(PROPOSAL_SKIPPED);
    expect(await stateOf(proposal)).toMatchObject({ status: "draft", jobs: 0 });

    // The same selection rejected: the proposal is rejected through its own graph, like the emails.
    await undoApprovals(rep, [first, second]);
    const rejected = await batchReject(rep, [proposal, first], "", "timing");
    expect(rejected.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(await stateOf(proposal)).toMatchObject({ status: "rejected" });
  });

  it("a draft rejected through Agent Inbox during the window stays rejected, and the console's approval then sends nothing", async () => {
    const draftId = await draftOf();
    await approveWithUndo(rep, draftId);
    const { thread_id: threadId } = await one<{ thread_id: string }>(sql`SELECT thread_id FROM drafts WHERE id = ${draftId}`);
    await graphClient().resume("email_orchestrator", threadId, { type: "ignore", reason: "Not now", label: "timing" });
    await runJobsAt(afterWindow());
    expect(await stateOf(draftId)).toMatchObject({ status: "rejected", outbox: 0, sent: 0 });
    expect(await one(sql`SELECT status FROM jobs WHERE dedupe_key = ${`draft:${draftId}`}`)).toEqual({ status: "done" });
  });

  it("another rep or an operator can neither approve, undo, reject nor redraft a rep's draft, and the pending approval survives them", async () => {
    const draftId = await draftOf();
    await approveWithUndo(rep, draftId);
    for (const user of [otherRep, operator]) {
      await expect(approveWithUndo(user, draftId)).rejects.toMatchObject({ status: 404 });
      await expect(batchApproveWithUndo(user, [draftId])).resolves.toEqual([{ draftId, status: "error", message: "That draft does not exist or is not yours." }]);
      await expect(undoApprovals(user, [draftId])).rejects.toMatchObject({ status: 404 });
      await expect(rejectDraft(user, draftId, "no")).rejects.toMatchObject({ status: 404 });
      await expect(batchReject(user, [draftId], "no", null)).resolves.toEqual([{ draftId, status: "error", message: "That draft does not exist or is not yours." }]);
      await expect(reviseDraftFor(user, draftId, "shorter")).rejects.toMatchObject({ status: 404 });
    }
    expect(await stateOf(draftId)).toMatchObject({ status: "draft", jobs: 1 });
    // The owner cannot reject or redraft it while it waits to send: one draft, one decision.
    await expect(rejectDraft(rep, draftId, "no")).rejects.toMatchObject({ status: 409 });
    await expect(reviseDraftFor(rep, draftId, "shorter")).rejects.toMatchObject({ status: 409 });
    expect((await undoApprovals(admin, [draftId]))[0]!.status).toBe("undone");
  });
});

describe("rejections and revisions", () => {
  it("a rep rejects several drafts with one preset label, stored as a label beside the words", async () => {
    const drafts = [await draftOf(), await draftOf()];
    expect((await batchReject(rep, drafts, "", "wrong_angle")).map((r) => r.status)).toEqual(["rejected", "rejected"]);
    const rows = await db().all(sql`SELECT status, reject_reason, reject_label FROM drafts WHERE id IN (${drafts[0]}, ${drafts[1]})`);
    expect(rows).toEqual([
      { status: "rejected", reject_reason: null, reject_label: "wrong_angle" },
      { status: "rejected", reject_reason: null, reject_label: "wrong_angle" },
    ]);
  });

  it("offline, a rep's instruction or regenerate leaves the draft as it was, says a model is needed, keeps the request, and the draft can still be approved", async () => {
    const draftId = await draftOf();
    const before = await one<{ subject: string; body: string }>(sql`SELECT subject, body FROM drafts WHERE id = ${draftId}`);
    const asked = await reviseDraftFor(rep, draftId, "shorter, mention the pilot");
    expect(asked).toMatchObject({ status: "unchanged", message: expect.stringContaining("needs a model") });
    const regenerated = await reviseDraftFor(rep, draftId, null);
    expect(regenerated).toMatchObject({ status: "unchanged", message: expect.stringContaining("regenerating needs a model") });
    expect(await one(sql`SELECT subject, body, status, revisions FROM drafts WHERE id = ${draftId}`)).toEqual({ ...before, status: "draft", revisions: 2 });
    const { revisions } = await draftDetailFor(rep, draftId);
    expect(revisions.map((r) => [r.seq, r.instruction, r.outcome, r.previousSubject])).toEqual([
      [1, "shorter, mention the pilot", "unchanged", before.subject],
      [2, null, "unchanged", before.subject],
    ]);
    // Still paused for a decision, and the interrupt now offers "respond".
    const { thread_id: threadId } = await one<{ thread_id: string }>(sql`SELECT thread_id FROM drafts WHERE id = ${draftId}`);
    const state = await graphClient().getState(threadId);
    expect(state.tasks[0]?.interrupts[0]?.value).toMatchObject({ config: { allow_respond: true } });
    await approveWithUndo(rep, draftId);
    await runJobsAt(afterWindow());
    expect(await stateOf(draftId)).toMatchObject({ status: "sent", sent: 1 });
  });
});

describe("the queue's owner filter", () => {
  it("an admin filters the queue by owner and sees whose each draft is; a rep asking for another owner still sees only their own", async () => {
    const theirs = await draftOf(otherRep);
    const mine = await draftOf();
    const byOwner = await listDraftsFor(admin, { owner: otherRep.id, pageSize: 100 });
    expect(byOwner.rows.map((r) => r.id)).toContain(theirs);
    expect(byOwner.rows.every((r) => r.ownerId === otherRep.id && r.ownerName === "Sam Seller")).toBe(true);
    const everyone = (await listDraftsFor(admin, { pageSize: 100 })).rows.map((r) => r.id);
    expect(everyone).toEqual(expect.arrayContaining([theirs, mine]));
    const repAsks = (await listDraftsFor(rep, { owner: otherRep.id, pageSize: 100 })).rows;
    expect(repAsks.map((r) => r.id)).toContain(mine);
    expect(repAsks.every((r) => r.ownerId === rep.id)).toBe(true);
  });
});
