import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

// The campaign stop rules once more at the moment of sending (campaign-hold.ts through the
// governor's hold seam): a touch is approved and its delivery queued, then something happens
// before the delivery job runs. One runner drafts and approves (no delivery kind), another only
// delivers, to a real SMTP server on loopback, so "never sent" means the server saw nothing.
const TOKEN = "campaign-hold-inbound-token-0123456789";
const testEnv = ownEnvironment("campaign-hold", { INBOUND_TOKEN: TOKEN, JOBS_IN_PROCESS: "false", SEND_DELAY_SECONDS: "20" });

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { enqueueDraft } = await import("@/db/queries/outbox");
const { drafts } = await import("@/db/schema");
const { createTestClock, DAY_MS } = await import("@/lib/clock");
const { graphClient } = await import("@/lib/langgraph/instance");
const { embeddedRuntime } = await import("@/lib/runtime/instance");
const { campaignRunner, freshContacts } = await import("@/lib/campaigns/testing");
const { createCampaign, launchCampaign, pauseCampaign, resumeCampaign } = await import("@/lib/services/campaigns");
const { approveWithUndo } = await import("@/lib/services/draft-decisions");
const { POST: inbound } = await import("@/app/api/inbound/route");
const { startScriptedSmtp } = await import("./testing/smtp-server");
const { createTransport } = await import("./transport");
const { OPEN_PAUSE_RECHECK_MS } = await import("./governor-claim");

const operator = { id: "usr_demo_operator", name: "Olly Operator", email: "operator@demo.local", role: "operator" as const };
const admin = { id: "usr_demo_admin", name: "Ada Admin", email: "admin@demo.local", role: "admin" as const };
// A minute ahead of the wall clock, so approvals queued with the real undo window are due on it.
const clock = createTestClock(Date.now() + 60_000);
const PLAN = { angle: "Close the books in four days, not nine", tone: "direct", cadenceDays: [0, 3, 4], maxTouches: 3, stopCriteria: "Stop on any reply.", source: "operator" } as const;

let smtp: Awaited<ReturnType<typeof startScriptedSmtp>>;
let approvals: ReturnType<typeof campaignRunner>;
let delivery: ReturnType<typeof campaignRunner>;
let contactPool: { id: number; email: string; ownerId: string }[] = [];

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  return (await db().all<T>(query))[0]!;
}

type Queued = { draftId: number; outboxId: number; subject: string; enrollmentId: number; campaignId: number; contact: { id: number; email: string } };

/** A one-contact campaign whose first touch is drafted, approved and queued, its delivery not yet run. */
async function queuedTouch(name: string, extra: Record<string, unknown> = {}, contact = contactPool.shift()!): Promise<Queued> {
  const { id: campaignId } = await createCampaign(operator, { name, plan: PLAN, ...extra });
  contactPool = contactPool.filter((c) => c.id !== contact.id);
  expect((await launchCampaign(operator, campaignId, { contactIds: [contact.id] }, clock)).enrolled).toBe(1);
  await approvals.tick();
  const { id: enrollmentId } = await one<{ id: number }>(sql`SELECT id FROM campaign_enrollments WHERE campaign_id = ${campaignId} AND contact_id = ${contact.id}`);
  const draft = await one<{ id: number } | undefined>(sql`SELECT id FROM drafts WHERE enrollment_id = ${enrollmentId} AND status = 'draft'`);
  expect(draft, "touch 1 waits for approval").toBeDefined();
  await approveWithUndo(admin, draft!.id);
  await approvals.tick();
  const row = await one<{ id: number; status: string; subject: string } | undefined>(sql`SELECT id, status, subject FROM outbox WHERE draft_id = ${draft!.id}`);
  expect(row?.status, "the approved touch is queued for delivery").toBe("queued");
  return { draftId: draft!.id, outboxId: row!.id, subject: row!.subject, enrollmentId, campaignId, contact };
}

type OutboxState = { status: string; last_error: string | null; deferred_reason: string | null; predicted_send_at: number | null; draft: string; sent_emails: number };
const stateOf = (q: Queued) =>
  one<OutboxState>(sql`
    SELECT o.status, o.last_error, o.deferred_reason, o.predicted_send_at, d.status AS draft,
      (SELECT count(*) FROM emails e WHERE e.contact_id = ${q.contact.id} AND e.direction = 'outbound') AS sent_emails
    FROM outbox o JOIN drafts d ON d.id = o.draft_id WHERE o.id = ${q.outboxId}`);
const receivedBy = (email: string) => smtp.accepted.filter((m) => m.to.includes(email));

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
  smtp = await startScriptedSmtp();
  approvals = campaignRunner(db(), graphClient(), clock, { only: ["campaign_wake", "draft_decision"] });
  delivery = campaignRunner(db(), graphClient(), clock, { only: ["outbox_deliver"], transport: createTransport(smtp.url) });
  contactPool = await freshContacts(db(), 10);
}, 60_000);
afterAll(async () => {
  await smtp.close();
  embeddedRuntime().close();
  db().$client.close();
  testEnv.removeDir();
});

describe("the send-time campaign check", () => {
  it("a rep's draft outside any campaign is delivered through the same sender, untouched by the campaign check", async () => {
    const contact = contactPool.shift()!;
    const [draft] = await db()
      .insert(drafts)
      .values({ contactId: contact.id, assignedRepId: contact.ownerId, status: "approved", subject: "A one-off note", body: "Hi", provenance: { confidence: 1, reason: "", source: "test", evidence: [] }, promptVersion: "t", model: "t", graphId: "email_orchestrator", action: "initial" })
      .returning({ id: drafts.id });
    await enqueueDraft(db(), { draftId: draft!.id, contactId: contact.id, toEmail: contact.email, subject: "A one-off note", body: "Hi", messageId: `<hold-plain-${draft!.id}@test.local>`, inReplyTo: null, conversationId: `draft-${draft!.id}` }, { deliverAt: clock.now() });
    await delivery.tick();
    expect(receivedBy(contact.email).map((m) => m.subject)).toEqual(["A one-off note"]);
    expect(await one(sql`SELECT status FROM drafts WHERE id = ${draft!.id}`)).toEqual({ status: "sent" });
  });

  it("a contact who replies after their touch was approved but before it went: the queued touch is stopped, never handed to the mail server, and the draft is not sent", async () => {
    const touch = await queuedTouch("Reply before send");
    const classified = await postInbound({ from: touch.contact.email, subject: "Re: your note", text: "Sounds interesting, let's talk next week." });
    expect(classified.label).toBe("interested");
    expect(await one(sql`SELECT status FROM campaign_enrollments WHERE id = ${touch.enrollmentId}`)).toEqual({ status: "replied" });

    const attemptsBefore = smtp.attempts();
    await delivery.tick();
    expect(smtp.attempts(), "the mail server saw no attempt").toBe(attemptsBefore);
    expect(receivedBy(touch.contact.email)).toEqual([]);
    const after = await stateOf(touch);
    expect(after).toMatchObject({ status: "blocked", sent_emails: 0 });
    expect(after.draft).not.toBe("sent");
    expect(after.last_error).toMatch(/^Not sent: .*replied/);

    // Nothing later sends it: the job is settled and the row stays blocked.
    clock.advance(DAY_MS);
    await delivery.tick();
    expect(receivedBy(touch.contact.email)).toEqual([]);
    expect((await stateOf(touch)).status).toBe("blocked");
  });

  it("a colleague at the same company replies after the touch was approved, in a campaign that stops company-wide: the contact's own flags allow it, the campaign check stops it", async () => {
    const [pair] = await db().all<{ id: number; colleague: string }>(sql`
      SELECT c.id, o.email AS colleague FROM contacts c JOIN contacts o ON o.company_id = c.company_id AND o.id <> c.id
      WHERE c.id IN (SELECT value FROM json_each(${JSON.stringify(contactPool.map((p) => p.id))})) ORDER BY c.id LIMIT 1`);
    expect(pair, "a fresh contact with a colleague in the seed").toBeDefined();
    const touch = await queuedTouch("Company reply before send", { stopOnCompanyReply: true }, contactPool.find((c) => c.id === pair!.id)!);
    await postInbound({ from: pair!.colleague, subject: "Re: your note to my colleague", text: "Sounds interesting, let's talk next week." });
    expect(await one(sql`SELECT replied FROM contacts WHERE id = ${touch.contact.id}`), "the safety gate alone would send it").toEqual({ replied: 0 });

    await delivery.tick();
    expect(receivedBy(touch.contact.email)).toEqual([]);
    const after = await stateOf(touch);
    expect(after).toMatchObject({ status: "blocked", sent_emails: 0, last_error: "Not sent: Someone else at the contact's company replied, and this campaign stops company-wide." });
    expect(after.draft).not.toBe("sent");
  });

  it("an operator who pauses the campaign after a touch was approved holds the send (paused), and it goes once they resume", async () => {
    const touch = await queuedTouch("Paused before send");
    await pauseCampaign(operator, touch.campaignId, clock);
    await delivery.tick();
    const held = await stateOf(touch);
    expect(held).toMatchObject({ status: "queued", draft: "approved", sent_emails: 0 });
    expect(JSON.parse(held.deferred_reason!)).toMatchObject({ kind: "paused", detail: { scope: "campaign", until: null } });
    expect(receivedBy(touch.contact.email)).toEqual([]);

    // Still paused a day later: an open pause is looked at again, never sent.
    clock.advance(DAY_MS);
    await delivery.tick();
    expect(receivedBy(touch.contact.email)).toEqual([]);

    await resumeCampaign(operator, touch.campaignId, clock);
    await approvals.tick();
    expect(await one(sql`SELECT count(*) AS n FROM drafts WHERE enrollment_id = ${touch.enrollmentId} AND status = 'draft'`), "resuming drafts no early touch 2").toEqual({ n: 0 });
    clock.advance(OPEN_PAUSE_RECHECK_MS + 1_000);
    await delivery.tick();
    expect(receivedBy(touch.contact.email).map((m) => m.subject)).toEqual([touch.subject]);
    expect(await stateOf(touch)).toMatchObject({ status: "sent", draft: "sent", sent_emails: 1 });
  });

  it("an out-of-office with a return date that arrives after approval defers the queued touch to that date, and it goes then", async () => {
    const touch = await queuedTouch("Away before send");
    const back = new Date(clock.now().getTime() + 10 * DAY_MS);
    const day = back.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    const classified = await postInbound({ from: touch.contact.email, subject: "Automatic reply: out of office", text: `I am out of the office and will be back on ${day}.` });
    expect(classified.label).toBe("auto_reply");
    const { paused_until: until } = await one<{ paused_until: number }>(sql`SELECT paused_until FROM campaign_enrollments WHERE id = ${touch.enrollmentId}`);
    expect(new Date(until).toISOString().slice(0, 10)).toBe(classified.returnDate);

    await delivery.tick();
    const deferred = await stateOf(touch);
    expect(deferred).toMatchObject({ status: "queued", predicted_send_at: until, sent_emails: 0 });
    expect(JSON.parse(deferred.deferred_reason!)).toMatchObject({ kind: "paused", detail: { scope: "contact", until: new Date(until).toISOString() } });

    clock.set(until - 60_000);
    await delivery.tick();
    expect(receivedBy(touch.contact.email), "nothing before the return date").toEqual([]);

    clock.set(until + 60_000);
    await delivery.tick();
    expect(receivedBy(touch.contact.email).map((m) => m.subject)).toEqual([touch.subject]);
    expect(await stateOf(touch)).toMatchObject({ status: "sent", draft: "sent", sent_emails: 1 });
  });
});
