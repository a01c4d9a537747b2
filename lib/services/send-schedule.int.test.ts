import { sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

// This file owns its process's environment: a fresh database, offline, local mail, the 20 s undo
// window, and no job runner of its own: the test runs one whose clock (shared with the governor)
// it sets, so the approval takes the console's real path (undo window → draft_decision →
// orchestrator → outbox → delivery) and meets the send window at the end.
const testEnv = ownEnvironment("send-schedule", { JOBS_IN_PROCESS: "false", SEND_DELAY_SECONDS: "20" });

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { graphClient } = await import("@/lib/langgraph/instance");
const { jobQueue } = await import("@/lib/jobs/instance");
const { consoleJobs } = await import("@/lib/jobs/handlers");
const { createJobRunner } = await import("@/lib/jobs/runner");
const { resolveGovernorRules } = await import("@/lib/governor/rules");
const { openGovernance } = await import("@/lib/mail/testing/governance");
const { draftOutreach, listDraftsFor, draftDetailFor } = await import("./drafts");
const { approveWithUndo } = await import("./draft-decisions");
const { contactDetail } = await import("./contacts");

const rep = { id: "usr_demo_rep", name: "Riley Rep", email: "rep@demo.local", role: "rep" as const };
const sent: { from: string; to: string }[] = [];
let clock = new Date();
let rules = resolveGovernorRules();
const runJobsAt = async (at: Date) => {
  clock = at;
  const transport = { kind: "local" as const, send: async (m: { from: string; to: string }) => void sent.push(m) };
  const governor = { ...openGovernance({ now: () => clock }), rules };
  const { kinds } = consoleJobs({ database: db(), mail: { transport, from: "Sales <sales@test.local>" }, queue: jobQueue(), graphs: graphClient(), governor });
  const runner = createJobRunner({ database: db(), kinds, now: () => clock, log: { warn: () => {}, error: () => {} } });
  // The approval, then the delivery it queued.
  await runner.tick();
  await runner.tick();
};

beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 10, contacts: 60, emails: 0, anchor: new Date() });
}, 60_000);
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

describe("a send window that has closed by the time an approval reaches the sender", () => {
  it("a rep's approval after the recipient's window is not sent: it waits for the next opening, and the queue and the contact's timeline say when, in the recipient's time", async () => {
    const [contact] = await db().all<{ id: number; company_id: number }>(sql`SELECT id, company_id FROM contacts WHERE owner_id = ${rep.id} ORDER BY id LIMIT 1`);
    await db().run(sql`UPDATE companies SET country = 'JP', hq_city = 'Tokyo' WHERE id = ${contact!.company_id}`);
    const [result] = await draftOutreach(rep, [contact!.id]);
    const draftId = (result as { draftId: number }).draftId;
    expect(await approveWithUndo(rep, draftId)).toMatchObject({ status: "scheduled" });

    // The window opens the hour after the approval lands, Tokyo time, and is open one hour: when
    // the delivery runs, it has not opened yet (at 23:xx it opens at midnight, the next day).
    const at = new Date(Date.now() + 21_000);
    const local = DateTime.fromJSDate(at, { zone: "Asia/Tokyo" });
    const open = local.plus({ hours: 1 }).startOf("hour");
    const start = open.toFormat("HH:mm");
    rules = resolveGovernorRules({ window: { days: [1, 2, 3, 4, 5, 6, 7], start, end: start === "23:00" ? "24:00" : open.plus({ hours: 1 }).toFormat("HH:mm") }, holidays: "none" });
    await runJobsAt(at);

    expect(sent).toEqual([]);
    const [row] = await db().all<{ status: string; predicted: number; kind: string; run_at: number; attempts: number }>(sql`
      SELECT o.status, o.predicted_send_at AS predicted, json_extract(o.deferred_reason, '$.kind') AS kind, j.run_at, j.attempts
      FROM outbox o JOIN jobs j ON j.dedupe_key = 'outbox:' || o.id WHERE o.draft_id = ${draftId}`);
    expect(row).toEqual({ status: "queued", predicted: open.toMillis(), kind: "outside_window", run_at: open.toMillis(), attempts: 0 });

    const label = `Scheduled · ${open.setLocale("en-GB").toFormat("ccc HH:mm")} (recipient's local time): outside the send window`;
    const listed = (await listDraftsFor(rep, { status: "approved", pageSize: 50 })).rows.find((r) => r.id === draftId);
    expect(listed?.schedule?.label).toBe(label);
    const detail = await draftDetailFor(rep, draftId);
    expect(detail.schedule).toMatchObject({ label, detail: expect.stringContaining(`Outside business hours in Asia/Tokyo (${local.toFormat("HH:mm")} there`) });
    expect((await contactDetail(rep, String(contact!.id))).scheduled).toEqual([expect.objectContaining({ draftId, label })]);

    // At the opening it goes, from the rep's own mailbox; the schedule is gone.
    await runJobsAt(new Date(open.toMillis()));
    expect(sent).toEqual([expect.objectContaining({ from: '"Riley Rep" <rep@demo.local>' })]);
    expect((await draftDetailFor(rep, draftId)).schedule).toBeNull();
    expect((await contactDetail(rep, String(contact!.id))).scheduled).toEqual([]);
  }, 60_000);
});
