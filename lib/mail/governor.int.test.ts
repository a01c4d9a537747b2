import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/db/client";
import { enqueueDraft } from "@/db/queries/outbox";
import { companies, contacts, drafts, users } from "@/db/schema";
import { tempDatabase } from "@/db/testing";
import { createTestClock, type TestClock } from "@/lib/clock";
import type { DeferReason } from "@/lib/governor/decide";
import { resolveGovernorRules, type GovernorRulesInput } from "@/lib/governor/rules";
import { describeDeferral } from "@/lib/governor/sentence";
import { JOB_SPECS } from "@/lib/jobs/catalog";
import { consoleJobs } from "@/lib/jobs/handlers";
import { createJobQueue } from "@/lib/jobs/queue";
import { createJobRunner } from "@/lib/jobs/runner";
import { OPEN_PAUSE_RECHECK_MS, type SendHold } from "./governor-claim";
import { openGovernance } from "./testing/governance";
import { claimForSending } from "@/db/queries/outbox";
import { deliverOutboxEntry } from "./sender";
import type { OutgoingMail } from "./transport";

// The sender under the send governor, on a real SQLite file, with the job runner and the
// governor on one test clock, so days pass without sleeping.
let env: Awaited<ReturnType<typeof tempDatabase>>;
let clock: TestClock;
let sent: OutgoingMail[];
const transport = { kind: "local" as const, send: async (m: OutgoingMail) => void sent.push(m) };
const quiet = { warn: () => {}, error: () => {} };
const noGraphs = { run: () => Promise.reject(new Error("no graph runs in this test")), resume: () => Promise.reject(new Error("no graph runs in this test")), getState: () => Promise.reject(new Error("no graph runs in this test")) };
const REPS = [
  { id: "rep-a", name: "Ana Rep", email: "ana@sales.example" },
  { id: "rep-b", name: "Ben Rep", email: "ben@sales.example" },
];
let tokyoCo = 0;
let nyCo = 0;
let seq = 0;

function runner(rules: GovernorRulesInput, database: Database = env.database, hold?: SendHold) {
  const queue = createJobQueue({ database, specs: JOB_SPECS, now: clock.now });
  const governor = { ...openGovernance(clock), rules: resolveGovernorRules(rules), hold };
  const { kinds } = consoleJobs({ database, mail: { transport, from: "Sales <sales@console.example>" }, queue, graphs: noGraphs, governor });
  return createJobRunner({ database, kinds: { outbox_deliver: kinds.outbox_deliver }, now: clock.now, random: () => 1, log: quiet });
}

/** An approved draft to a new contact at the company, assigned to the rep, queued as apply_decision queues it. */
async function approved(companyId: number, repId: string | null, database: Database = env.database): Promise<number> {
  const n = ++seq;
  const domain = companyId === tokyoCo ? "tokyo.example" : "newyork.example";
  const [c] = await database.insert(contacts).values({ companyId, firstName: "C", lastName: `${n}`, email: `c${n}@${domain}` }).returning({ id: contacts.id });
  const [d] = await database
    .insert(drafts)
    .values({ contactId: c!.id, companyId, assignedRepId: repId, status: "approved", subject: `Hello ${n}`, body: "Hi", provenance: { confidence: 1, reason: "", source: "test", evidence: [] }, promptVersion: "t", model: "t", graphId: "email_orchestrator", action: "initial" })
    .returning({ id: drafts.id });
  const row = await enqueueDraft(database, { draftId: d!.id, contactId: c!.id, toEmail: `c${n}@${domain}`, subject: `Hello ${n}`, body: "Hi", messageId: `<gov-${n}@test.local>`, inReplyTo: null, conversationId: `draft-${d!.id}` }, { deliverAt: clock.now() });
  return row.id;
}

/** Another approved draft to the contact of an outbox row (a second email to the same person). */
async function approvedAgain(outboxId: number, action: "initial" | "reply" = "initial"): Promise<number> {
  const n = ++seq;
  const [o] = await env.database.all<{ contact_id: number; to_email: string; company_id: number }>(sql`
    SELECT o.contact_id, o.to_email, c.company_id FROM outbox o JOIN contacts c ON c.id = o.contact_id WHERE o.id = ${outboxId}`);
  const [d] = await env.database
    .insert(drafts)
    .values({ contactId: o!.contact_id, companyId: o!.company_id, assignedRepId: "rep-a", status: "approved", subject: `Again ${n}`, body: "Hi again", provenance: { confidence: 1, reason: "", source: "test", evidence: [] }, promptVersion: "t", model: "t", graphId: "email_orchestrator", action })
    .returning({ id: drafts.id });
  const row = await enqueueDraft(env.database, { draftId: d!.id, contactId: o!.contact_id, toEmail: o!.to_email, subject: `Again ${n}`, body: "Hi again", messageId: `<gov-${n}@test.local>`, inReplyTo: null, conversationId: `draft-${d!.id}` }, { deliverAt: clock.now() });
  return row.id;
}

type Row = { status: string; deferred_reason: string | null; predicted_send_at: number | null; mailbox_id: string | null; recipient_domain: string | null; job_status: string; job_run_at: number; job_attempts: number };
async function row(outboxId: number): Promise<Row & { reason: DeferReason | null }> {
  const [r] = await env.database.all<Row>(sql`
    SELECT o.status, o.deferred_reason, o.predicted_send_at, o.mailbox_id, o.recipient_domain, j.status AS job_status, j.run_at AS job_run_at, j.attempts AS job_attempts
    FROM outbox o JOIN jobs j ON j.dedupe_key = 'outbox:' || o.id WHERE o.id = ${outboxId} ORDER BY j.id DESC LIMIT 1`);
  return { ...r!, reason: r!.deferred_reason ? (JSON.parse(r!.deferred_reason) as DeferReason) : null };
}

beforeAll(async () => {
  env = await tempDatabase("mail-governor");
  await env.database.insert(users).values(REPS.map((r) => ({ ...r, emailVerified: true })));
  const rows = await env.database
    .insert(companies)
    .values([
      { name: "Tokyo Co", domain: "tokyo.example", vertical: "saas", size: "51-200", country: "JP", hqCity: "Tokyo" },
      { name: "NY Co", domain: "newyork.example", vertical: "saas", size: "51-200", country: "US", hqCity: "New York" },
    ])
    .returning({ id: companies.id });
  tokyoCo = rows[0]!.id;
  nyCo = rows[1]!.id;
});
afterAll(() => env.cleanup());
beforeEach(async () => {
  sent = [];
  // Each test starts on its own Tuesday, so earlier tests' sends fall on other days.
  clock = createTestClock(new Date(Date.UTC(2027, 0, 5 + 7 * seq, 3, 0)));
  await env.database.run(sql`UPDATE outbox SET status = 'sent' WHERE status = 'queued'`);
  await env.database.run(sql`UPDATE jobs SET status = 'done' WHERE status IN ('queued', 'failed')`);
});

const ALWAYS = { window: { days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "24:00" }, holidays: "none" as const };

describe("the sender under the send governor", () => {
  it("a mailbox at its daily cap defers the next send to the mailbox's next day, with the reason, and sends it then", async () => {
    const ids = [await approved(nyCo, "rep-a"), await approved(tokyoCo, "rep-a"), await approved(nyCo, "rep-a")];
    const rules = { ...ALWAYS, mailboxDailyCap: 2, minGapSeconds: 0 };
    expect(await runner(rules).tick()).toMatchObject({ claimed: 3, done: 2, deferred: 1 });
    expect(sent.map((m) => m.from)).toEqual(['"Ana Rep" <ana@sales.example>', '"Ana Rep" <ana@sales.example>']);
    const waiting = await row(ids[2]!);
    const midnight = Date.UTC(clock.now().getUTCFullYear(), clock.now().getUTCMonth(), clock.now().getUTCDate() + 1);
    expect(waiting).toMatchObject({ status: "queued", mailbox_id: "ana@sales.example", recipient_domain: "newyork.example", predicted_send_at: midnight, job_status: "queued", job_run_at: midnight, job_attempts: 0 });
    expect(waiting.reason).toEqual({ kind: "mailbox_cap", detail: { mailboxId: "ana@sales.example", cap: 2, sent: 2, zone: "UTC" }, recipientZone: "America/New_York" });
    expect(describeDeferral(waiting.reason!, new Date(midnight), "UTC")).toMatch(/^Mailbox reached its daily cap \(2 of 2\); goes \w{3} \d+ \w{3} 00:00 UTC\.$/);

    // Nothing is due before midnight; at midnight the job runs again and sends.
    clock.set(midnight - 1);
    expect(await runner(rules).tick()).toMatchObject({ claimed: 0 });
    clock.set(midnight);
    expect(await runner(rules).tick()).toMatchObject({ claimed: 1, done: 1 });
    expect(sent).toHaveLength(3);
    expect(await row(ids[2]!)).toMatchObject({ status: "sent", reason: null, predicted_send_at: null, job_status: "done", job_attempts: 1 });
  });

  it("a recipient domain at its daily cap defers, from any mailbox, to the next day in the recipient's zone", async () => {
    const first = await approved(tokyoCo, "rep-a");
    const second = await approved(tokyoCo, "rep-b");
    expect(await runner({ ...ALWAYS, domainDailyCap: 1, minGapSeconds: 0 }).tick()).toMatchObject({ done: 1, deferred: 1 });
    expect(await row(first)).toMatchObject({ status: "sent" });
    const waiting = await row(second);
    // Tokyo's next midnight is 15:00 UTC (the clock is 03:00 UTC, noon in Tokyo).
    const tokyoMidnight = Date.UTC(clock.now().getUTCFullYear(), clock.now().getUTCMonth(), clock.now().getUTCDate(), 15);
    expect(waiting).toMatchObject({ status: "queued", predicted_send_at: tokyoMidnight, job_run_at: tokyoMidnight });
    expect(waiting.reason).toEqual({ kind: "domain_cap", detail: { domain: "tokyo.example", cap: 1, sent: 1, zone: "Asia/Tokyo" }, recipientZone: "Asia/Tokyo" });
  });

  it("two sends from one mailbox inside its minimum gap: the second waits until the gap after the first has passed", async () => {
    const first = await approved(nyCo, "rep-b");
    const second = await approved(nyCo, "rep-b");
    const at = clock.now().getTime();
    expect(await runner({ ...ALWAYS, minGapSeconds: 300 }).tick()).toMatchObject({ done: 1, deferred: 1 });
    expect(await row(first)).toMatchObject({ status: "sent" });
    const waiting = await row(second);
    expect(waiting).toMatchObject({ predicted_send_at: at + 300_000, job_run_at: at + 300_000 });
    expect(waiting.reason).toEqual({ kind: "min_gap", detail: { mailboxId: "ben@sales.example", minGapSeconds: 300, lastSentAt: new Date(at).toISOString() }, recipientZone: "America/New_York" });
    clock.set(at + 300_000);
    expect(await runner({ ...ALWAYS, minGapSeconds: 300 }).tick()).toMatchObject({ done: 1 });
    expect(sent).toHaveLength(2);
  });

  it("a draft approved at 23:00 in the recipient's zone is not sent at night: it is rescheduled to 09:00 there, told in their local time", async () => {
    // Tuesday 8 June 2027 (no holiday in Japan that week), 23:00 in Tokyo: 14:00 UTC.
    clock.set("2027-06-08T14:00:00Z");
    const id = await approved(tokyoCo, null);
    const business = { window: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" }, holidays: "public" as const };
    expect(await runner(business).tick()).toMatchObject({ claimed: 1, deferred: 1 });
    expect(sent).toEqual([]);
    const waiting = await row(id);
    const nineInTokyo = Date.parse("2027-06-09T00:00:00Z");
    expect(waiting).toMatchObject({ status: "queued", mailbox_id: "sales@console.example", predicted_send_at: nineInTokyo, job_run_at: nineInTokyo });
    expect(waiting.reason).toMatchObject({ kind: "outside_window", detail: { zone: "Asia/Tokyo", zoneSource: "city", weekday: 2, window: { start: "09:00", end: "17:00" } } });
    expect(describeDeferral(waiting.reason!, new Date(nineInTokyo), "Asia/Tokyo")).toBe("Outside business hours in Asia/Tokyo (23:00 there, open 09:00–17:00); goes Wed 9 Jun 09:00 GMT+9.");
    clock.set(nineInTokyo - 60_000);
    expect(await runner(business).tick()).toMatchObject({ claimed: 0 });
    clock.set(nineInTokyo);
    expect(await runner(business).tick()).toMatchObject({ done: 1 });
    expect(sent.map((m) => m.from)).toEqual(["Sales <sales@console.example>"]);
  });

  it("a campaign pause with an end holds the send as paused until then; one without an end is looked at again later, never in a loop", async () => {
    const dated = await approved(nyCo, "rep-a");
    const open = await approved(tokyoCo, "rep-b");
    const until = new Date(clock.now().getTime() + 3 * 86_400_000);
    const hold: SendHold = async (_db, entry) => (entry.id === dated ? { kind: "pause", scope: "contact", until } : { kind: "pause", scope: "campaign", until: null });
    expect(await runner(ALWAYS, env.database, hold).tick()).toMatchObject({ claimed: 2, deferred: 2 });
    expect(sent).toEqual([]);
    const a = await row(dated);
    expect(a).toMatchObject({ status: "queued", predicted_send_at: until.getTime(), job_run_at: until.getTime() });
    expect(a.reason).toMatchObject({ kind: "paused", detail: { scope: "contact", until: until.toISOString() } });
    const b = await row(open);
    expect(b).toMatchObject({ status: "queued", predicted_send_at: clock.now().getTime(), job_run_at: clock.now().getTime() + OPEN_PAUSE_RECHECK_MS, job_attempts: 0 });
    expect(b.reason).toMatchObject({ kind: "paused", detail: { scope: "campaign", until: null } });
    // Resumed (no hold any more): the open-ended one goes at its next look.
    clock.advance(OPEN_PAUSE_RECHECK_MS);
    expect(await runner(ALWAYS).tick()).toMatchObject({ claimed: 1, done: 1 });
    expect(await row(open)).toMatchObject({ status: "sent" });
  });

  it("a campaign stop rule that fired while the approved touch waited blocks it: never sent, the draft failed with the reason", async () => {
    const id = await approved(nyCo, "rep-a");
    const hold: SendHold = async () => ({ kind: "stop", message: "The contact replied." });
    expect(await runner(ALWAYS, env.database, hold).tick()).toMatchObject({ claimed: 1, done: 1 });
    expect(sent).toEqual([]);
    const [r] = await env.database.all<{ status: string; last_error: string; draft: string; why: string }>(sql`
      SELECT o.status, o.last_error, d.status AS draft, d.reject_reason AS why FROM outbox o JOIN drafts d ON d.id = o.draft_id WHERE o.id = ${id}`);
    expect(r).toEqual({ status: "blocked", last_error: "Not sent: The contact replied.", draft: "failed", why: "Not sent: The contact replied." });
  });

  it("two emails to one contact approved together: one goes, the other waits a day with the reason; a reply to a newer message of theirs is not held", async () => {
    const first = await approved(nyCo, "rep-a");
    const second = await approvedAgain(first);
    const contactRules = { ...ALWAYS, minGapSeconds: 0, contactGapSeconds: 86_400 };
    expect(await runner(contactRules).tick()).toMatchObject({ claimed: 2, done: 1 });
    expect(sent.map((m) => m.subject)).toEqual(["Hello " + (seq - 1)]);
    const held = await row(second);
    expect(held).toMatchObject({ status: "queued", reason: { kind: "contact_gap", detail: { contactGapSeconds: 86_400 } } });
    expect(held.predicted_send_at).toBe(clock.now().getTime() + 86_400_000);
    expect(held.job_run_at).toBe(held.predicted_send_at);

    // The contact writes back: answering them is not a second email in a row.
    const [c] = await env.database.all<{ contact_id: number }>(sql`SELECT contact_id FROM outbox WHERE id = ${first}`);
    clock.advance(60_000);
    await env.database.run(sql`INSERT INTO emails (contact_id, direction, thread_id, message_id, subject, body, sent_at) VALUES (${c!.contact_id}, 'inbound', 't-gap', ${`<in-${seq}@x.example>`}, 'Re: Hello', 'Tell me more', ${clock.now().getTime()})`);
    clock.advance(60_000);
    const answer = await approvedAgain(first, "reply");
    expect(await runner(contactRules).tick()).toMatchObject({ claimed: 1, done: 1 });
    expect(sent.map((m) => m.subject)).toEqual(["Hello " + (seq - 2), `Again ${seq}`]);
    expect(await row(answer)).toMatchObject({ status: "sent" });

    // The held one goes when its day is up and nothing newer was sent within it… the answer was: it waits again.
    clock.set(held.predicted_send_at! + 1_000);
    await runner(contactRules).tick();
    expect(await row(second)).toMatchObject({ status: "queued", reason: { kind: "contact_gap" } });
  });

  it("two senders on two connections racing to email one contact: exactly one claim wins, whatever both read first", async () => {
    const other = await openDatabase(env.url);
    try {
      clock.advance(3 * 86_400_000);
      const a = await approved(tokyoCo, "rep-a");
      const b = await approvedAgain(a);
      const [o] = await env.database.all<{ contact_id: number }>(sql`SELECT contact_id FROM outbox WHERE id = ${a}`);
      const now = clock.now();
      const day = { start: new Date(now.getTime() - 3_600_000), end: new Date(now.getTime() + 3_600_000) };
      const limits = { mailboxId: "ana@sales.example", mailboxDay: day, domain: "tokyo.example", domainDay: day, at: now, mailboxDailyCap: 100, domainDailyCap: 100, minGapSeconds: 0, contactGapSeconds: 86_400 };
      const lease = new Date(now.getTime() + 60_000);
      const [x, y] = await Promise.all([
        claimForSending(env.database, a, lease, { ...limits, contact: { outboxId: a, contactId: o!.contact_id } }),
        claimForSending(other, b, lease, { ...limits, contact: { outboxId: b, contactId: o!.contact_id } }),
      ]);
      expect([x, y].filter(Boolean)).toHaveLength(1);
    } finally {
      other.$client.close();
    }
  });

  it("two senders on two connections racing for a mailbox's last slot: exactly one takes it, whatever both counted first", async () => {
    const other = await openDatabase(env.url);
    try {
      for (let round = 0; round < 10; round++) {
        clock.advance(86_400_000);
        const a = await approved(nyCo, "rep-a");
        const b = await approved(tokyoCo, "rep-a");
        const now = clock.now();
        const day = { start: new Date(now.getTime() - 3_600_000), end: new Date(now.getTime() + 3_600_000) };
        // Both claims carry the same stale count (nothing sent yet): only the conditional write decides.
        const limits = { mailboxId: "ana@sales.example", mailboxDay: day, domain: "any", domainDay: day, at: now, mailboxDailyCap: 1, domainDailyCap: 100, minGapSeconds: 0, contactGapSeconds: 0 };
        const lease = new Date(now.getTime() + 60_000);
        const [x, y] = await Promise.all([claimForSending(env.database, a, lease, { ...limits, domain: "newyork.example" }), claimForSending(other, b, lease, { ...limits, domain: "tokyo.example" })]);
        expect([x, y].filter(Boolean)).toHaveLength(1);
        await env.database.run(sql`UPDATE outbox SET status = 'sent' WHERE id IN (${a}, ${b})`);
      }
    } finally {
      other.$client.close();
    }
  });

  it("two delivery runs in parallel on two connections for the last slot of a cap: one message is sent, the other deferred with the cap as its reason", async () => {
    const other = await openDatabase(env.url);
    try {
      for (let round = 0; round < 10; round++) {
        clock.advance(86_400_000);
        sent = [];
        const ids = [await approved(nyCo, "rep-b"), await approved(nyCo, "rep-b")];
        const governance = { ...openGovernance(clock), rules: resolveGovernorRules({ ...ALWAYS, mailboxDailyCap: 1, minGapSeconds: 0 }) };
        const attempt = { leaseUntil: new Date(clock.now().getTime() + 60_000), attempt: 1, maxAttempts: 5 };
        const mail = { transport, from: "Sales <sales@console.example>" };
        const outcomes = await Promise.all([deliverOutboxEntry(env.database, mail, ids[0]!, attempt, governance), deliverOutboxEntry(other, mail, ids[1]!, attempt, governance)]);
        expect(outcomes.map((o) => o.status).sort()).toEqual(["deferred", "sent"]);
        expect(outcomes.find((o) => o.status === "deferred")).toMatchObject({ reason: { kind: "mailbox_cap", detail: { cap: 1, sent: 1 } } });
        expect(sent).toHaveLength(1);
      }
    } finally {
      other.$client.close();
    }
  });
});
