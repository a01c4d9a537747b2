import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

// This file owns its process's environment: a fresh database, no model (offline: the coach takes
// the launched plan, touches take the template path), local mail, an inbound token, the default
// 20 s undo window, and no job runner of its own: each step runs one on a test clock.
const TOKEN = "campaign-inbound-token-0123456789abcdef";
const testEnv = ownEnvironment("campaign-offline", { INBOUND_TOKEN: TOKEN, JOBS_IN_PROCESS: "false", SEND_DELAY_SECONDS: "20" });

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { createTestClock, DAY_MS } = await import("@/lib/clock");
const { graphClient } = await import("@/lib/langgraph/instance");
const { campaignRunner, freshContacts } = await import("@/lib/campaigns/testing");
const { createCampaign, launchCampaign, pauseCampaign, resumeCampaign } = await import("@/lib/services/campaigns");
const { getCampaign } = await import("@/lib/services/campaign-views");
const { approveWithUndo } = await import("@/lib/services/draft-decisions");
const { rejectDraft } = await import("@/lib/services/drafts");
const { POST: inbound } = await import("@/app/api/inbound/route");
const { recordInbound } = await import("@/db/queries/inbound");
const { followUpJobs } = await import("@/lib/services/inbound");
const { createGraphClient } = await import("@/lib/langgraph/client");
const { inProcessFetch, IN_PROCESS_URL } = await import("@/lib/langgraph/in-process");
const { createRuntime } = await import("@/lib/runtime/runtime");
const { LibsqlSaver } = await import("@/lib/runtime/checkpointer");
const { FLEET } = await import("@/graphs/registry");
const { embeddedRuntime } = await import("@/lib/runtime/instance");

const operator = { id: "usr_demo_operator", name: "Olly Operator", email: "operator@demo.local", role: "operator" as const };
const admin = { id: "usr_demo_admin", name: "Ada Admin", email: "admin@demo.local", role: "admin" as const };
// A minute ahead of the wall clock, so approvals queued with the real undo window are due on it.
const clock = createTestClock(Date.now() + 60_000);
const PLAN = { angle: "Close the books in four days, not nine", tone: "direct", cadenceDays: [0, 2, 3], maxTouches: 3, stopCriteria: "Stop on any reply.", source: "operator" } as const;

let jobs: ReturnType<typeof campaignRunner>;
const runtimes: { close(): void }[] = [];

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  return (await db().all<T>(query))[0]!;
}

type EnrollmentRow = { id: number; status: string; step: number; next_wake_at: number | null; paused_until: number | null; stop_reason: string | null; thread_id: string; last_event: string | null };
const enrollmentOf = (campaignId: number, contactId: number) =>
  one<EnrollmentRow>(sql`SELECT id, status, step, next_wake_at, paused_until, stop_reason, thread_id, last_event FROM campaign_enrollments WHERE campaign_id = ${campaignId} AND contact_id = ${contactId}`);
const pendingDraft = (enrollmentId: number) => one<{ id: number; step: number; status: string } | undefined>(sql`SELECT id, step, status FROM drafts WHERE enrollment_id = ${enrollmentId} AND status = 'draft'`);
const sentTouches = (campaignId: number, contactId: number) =>
  db().all<{ step: number; subject: string }>(sql`SELECT step, subject FROM emails WHERE campaign_id = ${campaignId} AND contact_id = ${contactId} AND direction = 'outbound' ORDER BY sent_at, id`);

async function launchFor(name: string, contactCount: number, extra: Record<string, unknown> = {}) {
  const { id } = await createCampaign(operator, { name, plan: PLAN, ...extra });
  const contacts = await freshContacts(db(), contactCount);
  const launched = await launchCampaign(operator, id, { contactIds: contacts.map((c) => c.id) }, clock);
  expect(launched).toMatchObject({ enrolled: contactCount, threads: { created: contactCount, failed: 0 } });
  return { campaignId: id, contacts };
}

/** Approves the enrollment's waiting touch through the console (undo window, then the job), and runs what follows. */
async function approveTouch(enrollmentId: number): Promise<number> {
  const draft = await pendingDraft(enrollmentId);
  expect(draft, "a touch waits for approval").toBeDefined();
  await approveWithUndo(admin, draft!.id);
  await jobs.tick();
  return draft!.id;
}

/** Moves the clock to the enrollment's next wake and runs what is due. */
async function wakeNext(campaignId: number, contactId: number) {
  const e = await enrollmentOf(campaignId, contactId);
  expect(e.next_wake_at, "the enrollment has a next wake").not.toBeNull();
  clock.set(Math.max(e.next_wake_at!, clock.now().getTime()));
  await jobs.tick();
}

async function postInbound(body: Record<string, unknown>) {
  const response = await inbound(
    new Request("http://localhost/api/inbound", { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(body) }),
  );
  expect(response.status).toBe(200);
  return response.json() as Promise<{ label: string; returnDate: string | null }>;
}

beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 20, contacts: 120, emails: 40, anchor: new Date() });
  jobs = campaignRunner(db(), graphClient(), clock);
}, 60_000);
afterAll(() => {
  for (const runtime of [...runtimes, embeddedRuntime()]) runtime.close();
  db().$client.close();
  testEnv.removeDir();
});

describe("a campaign sequence, offline", () => {
  it("an operator's three-touch campaign drafts, and after each approval sends, one touch per wake as the clock moves, then completes", async () => {
    // Per-touch angles are notes to the writer; the campaign's name is the operator's label: neither may reach the prospect.
    const touchAngles = ["open on reported growth: keeping growth from outpacing the team", "share a peer example", "close the loop politely and leave the door open"];
    const { campaignId, contacts } = await launchFor("QA internal batch 7", 1, { plan: { ...PLAN, touchAngles } });
    const contactId = contacts[0]!.id;
    await jobs.tick();
    const enrollment = await enrollmentOf(campaignId, contactId);
    expect(enrollment).toMatchObject({ status: "active", step: 0, next_wake_at: null, last_event: "touch 1 drafted; awaiting approval" });
    // The touch carries the contact's tier, as any draft does (the queue shows and sorts by it).
    const { tier } = await one<{ tier: string | null }>(sql`SELECT tier FROM drafts WHERE enrollment_id = ${enrollment.id}`);
    expect(tier).toBe((await one<{ tier: string }>(sql`SELECT tier FROM contact_scores WHERE contact_id = ${contactId}`)).tier);

    const approvedAt: number[] = [];
    for (const touch of [1, 2, 3]) {
      expect((await pendingDraft(enrollment.id))?.step).toBe(touch);
      approvedAt.push(clock.now().getTime());
      await approveTouch(enrollment.id);
      expect((await sentTouches(campaignId, contactId)).map((t) => t.step)).toEqual([1, 2, 3].slice(0, touch));
      const after = await enrollmentOf(campaignId, contactId);
      expect(after.step).toBe(touch);
      if (touch < 3) {
        // The next touch is not due before the plan's gap after this one (in the contact's calendar, then moved into their window).
        expect(after.next_wake_at! - approvedAt[touch - 1]!).toBeGreaterThanOrEqual(PLAN.cadenceDays[touch]! * DAY_MS - 2 * 3_600_000);
        clock.set(after.next_wake_at! - 60_000);
        await jobs.tick();
        expect(await pendingDraft(enrollment.id), "nothing is drafted before the wake").toBeUndefined();
        await wakeNext(campaignId, contactId);
      }
    }
    expect(await enrollmentOf(campaignId, contactId)).toMatchObject({ status: "completed", step: 3, next_wake_at: null });
    expect(await pendingDraft(enrollment.id)).toBeUndefined();
    // Drafts carry the campaign, enrollment and touch, written by the labelled template path.
    const drafts = await db().all<{ step: number; campaign_id: number; model: string; status: string }>(sql`SELECT step, campaign_id, model, status FROM drafts WHERE enrollment_id = ${enrollment.id} ORDER BY step`);
    expect(drafts).toEqual([1, 2, 3].map((step) => ({ step, campaign_id: campaignId, model: "offline template", status: "sent" })));
    const emails = await db().all<{ subject: string; body: string }>(sql`SELECT subject, body FROM emails WHERE campaign_id = ${campaignId} AND contact_id = ${contactId} AND direction = 'outbound' ORDER BY step`);
    expect(emails).toHaveLength(3);
    for (const email of emails) {
      expect(`${email.subject}\n${email.body}`).not.toContain("QA internal batch 7");
      for (const note of touchAngles) expect(email.body).not.toContain(note);
      expect(email.body).toContain("with exactly that: close the books in four days, not nine.");
    }
    const detail = await getCampaign(operator, campaignId);
    expect(detail.funnel.map((f) => [f.step, f.sent])).toEqual([[1, 1], [2, 1], [3, 1]]);
    expect(detail.summary).toMatchObject({ enrolled: 1, active: 0 });
  });

  it("an operator's launch creates each contact's thread, named and tagged with campaign and contact, before any wake; the first wake runs on it", async () => {
    const { campaignId, contacts } = await launchFor("Threads at launch", 2);
    for (const contact of contacts) {
      const e = await enrollmentOf(campaignId, contact.id);
      const thread = await one<{ status: string; metadata: string } | undefined>(sql`SELECT status, metadata FROM threads WHERE thread_id = ${e.thread_id}`);
      expect(thread?.status).toBe("idle");
      expect(JSON.parse(thread!.metadata)).toEqual({ campaign_thread: `campaign-${campaignId}-${contact.id}`, campaign_id: campaignId, contact_id: contact.id, graph_id: "campaign" });
    }
    await jobs.tick();
    for (const contact of contacts) expect((await pendingDraft((await enrollmentOf(campaignId, contact.id)).id))?.step).toBe(1);
  });

  it("a launch whose thread creation fails still enrolls the contact, counts the failure, and the first wake creates the thread", async () => {
    const { id } = await createCampaign(operator, { name: "Threads fall back", plan: PLAN });
    const contacts = await freshContacts(db(), 1);
    const down = { threads: { create: () => Promise.reject(new Error("runtime unreachable")) } };
    const launched = await launchCampaign(operator, id, { contactIds: contacts.map((c) => c.id) }, clock, down);
    expect(launched).toMatchObject({ enrolled: 1, threads: { created: 0, failed: 1, firstError: "runtime unreachable" } });
    const e = await enrollmentOf(id, contacts[0]!.id);
    expect(await db().all(sql`SELECT thread_id FROM threads WHERE thread_id = ${e.thread_id}`)).toEqual([]);
    await jobs.tick();
    expect((await pendingDraft(e.id))?.step).toBe(1);
  });

  it("a reply via /api/inbound between touches stops the enrollment, withdraws the waiting touch with the reason, and ends the thread", async () => {
    const { campaignId, contacts } = await launchFor("Reply stops", 1);
    const contact = contacts[0]!;
    await jobs.tick();
    const enrollment = await enrollmentOf(campaignId, contact.id);
    await approveTouch(enrollment.id);
    await wakeNext(campaignId, contact.id);
    const waiting = (await pendingDraft(enrollment.id))!;
    expect(waiting.step).toBe(2);
    const [touch1] = await db().all<{ message_id: string }>(sql`SELECT message_id FROM emails WHERE campaign_id = ${campaignId} AND contact_id = ${contact.id} AND direction = 'outbound'`);

    const classified = await postInbound({ from: contact.email, subject: "Re: your note", text: "Sounds interesting, let's talk next week.", inReplyTo: touch1!.message_id });
    expect(classified.label).toBe("interested");
    const stopped = await enrollmentOf(campaignId, contact.id);
    expect(stopped).toMatchObject({ status: "replied", next_wake_at: null });
    expect(stopped.stop_reason).toContain("replied");
    expect(await one(sql`SELECT status, reject_reason AS reason FROM drafts WHERE id = ${waiting.id}`)).toEqual({ status: "withdrawn", reason: stopped.stop_reason });

    await jobs.tick();
    const thread = await graphClient().getState(stopped.thread_id);
    expect(thread.next).toEqual([]);
    clock.advance(30 * DAY_MS);
    await jobs.tick();
    expect(await db().all(sql`SELECT id FROM drafts WHERE enrollment_id = ${enrollment.id} AND status = 'draft'`)).toEqual([]);
    expect((await sentTouches(campaignId, contact.id)).length).toBe(1);
  });

  it("an out-of-office pauses the enrollment until its stated return date, then the next touch is drafted", async () => {
    const { campaignId, contacts } = await launchFor("OOO pauses", 1);
    const contact = contacts[0]!;
    await jobs.tick();
    const enrollment = await enrollmentOf(campaignId, contact.id);
    await approveTouch(enrollment.id);
    const due = (await enrollmentOf(campaignId, contact.id)).next_wake_at!;

    // Ten days after the test clock's now (also in the future of the wall clock, which the classifier reads dates against).
    const back = new Date(clock.now().getTime() + 10 * DAY_MS);
    const day = back.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    const classified = await postInbound({ from: contact.email, subject: "Automatic reply: out of office", text: `I am out of the office and will be back on ${day}.` });
    expect(classified.label).toBe("auto_reply");
    const paused = await enrollmentOf(campaignId, contact.id);
    expect(paused.status).toBe("paused");
    expect(new Date(paused.paused_until!).toISOString().slice(0, 10)).toBe(classified.returnDate);

    clock.set(Math.max(due, clock.now().getTime()) + 60_000);
    await jobs.tick();
    expect(await pendingDraft(enrollment.id), "no touch while the contact is away").toBeUndefined();

    clock.set(paused.paused_until! + 60_000);
    await jobs.tick();
    expect(await enrollmentOf(campaignId, contact.id)).toMatchObject({ status: "active", paused_until: null });
    expect((await pendingDraft(enrollment.id))?.step).toBe(2);
  });

  it("an out-of-office stored by a receiver that died before applying it still pauses the enrollment: the job written with the message does it after the grace", async () => {
    const { campaignId, contacts } = await launchFor("OOO after a crash", 1);
    const contact = contacts[0]!;
    await jobs.tick();
    const enrollment = await enrollmentOf(campaignId, contact.id);
    await approveTouch(enrollment.id);
    expect((await enrollmentOf(campaignId, contact.id)).status).toBe("active");

    // What receiveInbound writes in one batch before it applies the effects itself, and then the process is gone.
    const at = clock.now();
    const back = new Date(at.getTime() + 10 * DAY_MS).toISOString().slice(0, 10);
    const messageId = `<ooo-crash-${contact.id}@mail.example>`;
    await recordInbound(db(), {
      contactId: contact.id, campaignId, threadId: `inbound-crash-${contact.id}`, messageId, inReplyTo: null, subject: "Automatic reply", body: `Back on ${back}.`,
      receivedAt: at, outcome: { label: "auto_reply", polarity: "neutral", confidence: 0.9 }, memory: `Back on ${back}.`, flags: {}, suppress: null, parent: null,
      jobs: followUpJobs(contact.id, "auto_reply", back, at),
    });
    const emailId = (await one<{ id: number }>(sql`SELECT id FROM emails WHERE message_id = ${messageId}`)).id;
    const queued = await db().all<{ kind: string; payload: string; dedupe_key: string }>(sql`SELECT kind, payload, dedupe_key FROM jobs WHERE json_extract(payload, '$.emailId') = ${emailId} ORDER BY kind`);
    expect(queued.map((j) => [j.kind, j.dedupe_key])).toEqual([
      ["contact_score", `contact_score:${contact.id}`],
      ["inbound_campaigns", `inbound_campaigns:${emailId}`],
      ["memory_reflect", `memory_reflect:${emailId}`],
    ]);

    // Within the grace the job waits (the receiver would have applied it and withdrawn the job).
    await jobs.tick();
    expect((await enrollmentOf(campaignId, contact.id)).status).toBe("active");
    clock.set(at.getTime() + 61_000);
    await jobs.tick();
    const paused = await enrollmentOf(campaignId, contact.id);
    expect(paused.status).toBe("paused");
    expect(new Date(paused.paused_until!).toISOString().slice(0, 10)).toBe(back);
    expect((await one<{ status: string }>(sql`SELECT status FROM jobs WHERE dedupe_key = ${`inbound_campaigns:${emailId}`}`)).status).toBe("done");
  });

  it("a receiver that lives applies an inbound message's campaign effects itself and withdraws their job; reflection and rescore wait as jobs", async () => {
    const { campaignId, contacts } = await launchFor("Reply withdraws its job", 1);
    const contact = contacts[0]!;
    await jobs.tick();
    await postInbound({ from: contact.email, subject: "Re: hello", text: "Thanks, not interested right now." });
    const email = await one<{ id: number }>(sql`SELECT id FROM emails WHERE contact_id = ${contact.id} AND direction = 'inbound'`);
    const queued = await db().all<{ kind: string }>(sql`SELECT kind FROM jobs WHERE json_extract(payload, '$.emailId') = ${email.id} ORDER BY kind`);
    expect(queued.map((j) => j.kind)).toEqual(["contact_score", "memory_reflect"]);
    expect((await enrollmentOf(campaignId, contact.id)).status).not.toBe("active");
  });

  it("a contact marked do-not-contact while their touch waits: the approval withdraws it instead of sending, and the thread ends", async () => {
    const { campaignId, contacts } = await launchFor("Approval check", 1);
    const contact = contacts[0]!;
    await jobs.tick();
    const enrollment = await enrollmentOf(campaignId, contact.id);
    const waiting = (await pendingDraft(enrollment.id))!;
    await db().run(sql`UPDATE contacts SET do_not_contact = 1 WHERE id = ${contact.id}`);
    await approveWithUndo(admin, waiting.id);
    await jobs.tick();
    expect(await one(sql`SELECT status FROM drafts WHERE id = ${waiting.id}`)).toEqual({ status: "withdrawn" });
    expect(await one(sql`SELECT count(*) AS n FROM outbox WHERE draft_id = ${waiting.id}`)).toEqual({ n: 0 });
    expect(await enrollmentOf(campaignId, contact.id)).toMatchObject({ status: "stopped", stop_reason: "The contact is marked do-not-contact." });
    expect((await graphClient().getState(enrollment.thread_id)).next).toEqual([]);
  });

  it("a thread woken while its campaign is paused holds without drafting, and resuming the campaign drafts its touch", async () => {
    const { campaignId, contacts } = await launchFor("Paused campaign", 1);
    const contact = contacts[0]!;
    await jobs.tick();
    const enrollment = await enrollmentOf(campaignId, contact.id);
    await approveTouch(enrollment.id);
    const due = (await enrollmentOf(campaignId, contact.id)).next_wake_at!;
    await pauseCampaign(operator, campaignId, clock);
    // An out-of-office that ended meanwhile leaves the enrollment active and due for its touch while the campaign is paused.
    await db().run(sql`UPDATE campaign_enrollments SET status = 'active', next_wake_at = ${due} WHERE id = ${enrollment.id}`);
    await wakeNext(campaignId, contact.id);
    expect(await pendingDraft(enrollment.id)).toBeUndefined();
    expect(await enrollmentOf(campaignId, contact.id)).toMatchObject({ status: "paused", next_wake_at: null });
    expect(await resumeCampaign(operator, campaignId, clock)).toEqual({ resumed: 1 });
    await jobs.tick();
    expect((await pendingDraft(enrollment.id))?.step).toBe(2);
  });

  it("a rep's rejection skips that touch with its reason, and the sequence moves on to the next", async () => {
    const { campaignId, contacts } = await launchFor("Rejected touch", 1);
    const contact = contacts[0]!;
    await jobs.tick();
    const enrollment = await enrollmentOf(campaignId, contact.id);
    const first = (await pendingDraft(enrollment.id))!;
    await rejectDraft(admin, first.id, "Too generic", "wrong_angle");
    expect(await one(sql`SELECT status, reject_reason AS reason, reject_label AS label FROM drafts WHERE id = ${first.id}`)).toEqual({ status: "rejected", reason: "Too generic", label: "wrong_angle" });
    expect(await enrollmentOf(campaignId, contact.id)).toMatchObject({ status: "active", step: 1, last_event: "touch 1 skipped: rejected (Too generic)" });
    await wakeNext(campaignId, contact.id);
    expect((await pendingDraft(enrollment.id))?.step).toBe(2);
    expect(await sentTouches(campaignId, contact.id)).toEqual([]);
  });

  it("the coach plan is made once and survives a restart: a new runtime on the same database keeps the plan it started with", async () => {
    const { campaignId, contacts } = await launchFor("Plan once", 1);
    const contact = contacts[0]!;
    await jobs.tick();
    const enrollment = await enrollmentOf(campaignId, contact.id);
    const before = (await graphClient().getState(enrollment.thread_id)).values as { plan: { provenance: { reason: string }; version: string; cadenceDays: number[] } };
    expect(before.plan.provenance.reason).toContain("taken as is (no model configured)");
    expect(before.plan.cadenceDays).toEqual(PLAN.cadenceDays);

    // The operator edits the stored plan afterwards: a thread that re-planned would pick it up.
    await db().run(sql`UPDATE email_campaigns SET plan = json_set(plan, '$.cadenceDays', json('[0,9,9]')) WHERE id = ${campaignId}`);
    const runtime = createRuntime({ database: db(), registry: FLEET, checkpointer: new LibsqlSaver(db()), tokens: ["restart-token"] });
    runtimes.push(runtime);
    const restarted = createGraphClient(FLEET, { apiUrl: IN_PROCESS_URL, token: "restart-token", maxConcurrency: 4, fetch: inProcessFetch(runtime) });
    jobs = campaignRunner(db(), restarted, clock);
    await approveTouch(enrollment.id);
    const after = (await restarted.getState(enrollment.thread_id)).values as typeof before;
    expect(after.plan).toEqual(before.plan);
    const wake = (await enrollmentOf(campaignId, contact.id)).next_wake_at!;
    expect(wake - clock.now().getTime()).toBeLessThan(4 * DAY_MS);
    await wakeNext(campaignId, contact.id);
    expect((await pendingDraft(enrollment.id))?.step).toBe(2);
    expect(((await restarted.getState(enrollment.thread_id)).values as typeof before).plan).toEqual(before.plan);
  });
});
