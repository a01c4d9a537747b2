import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";
import { CAMPAIGN_NAME_MAX } from "@/lib/campaigns/limits";

// This file owns its process's environment: a fresh database, offline, no job runner (nothing
// here runs a thread; launches only write enrollments and their first wake-ups).
const testEnv = ownEnvironment("campaigns-service", { JOBS_IN_PROCESS: "false" });

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { createTestClock, DAY_MS } = await import("@/lib/clock");
const { freshContacts } = await import("@/lib/campaigns/testing");
const { dueEnrollmentIds, queueDueWakes } = await import("@/db/queries/enrollments");
const svc = await import("./campaigns");
const views = await import("./campaign-views");

const rep = { id: "usr_demo_rep", name: "Riley Rep", email: "rep@demo.local", role: "rep" as const };
const operator = { id: "usr_demo_operator", name: "Olly Operator", email: "operator@demo.local", role: "operator" as const };
const clock = createTestClock("2030-03-04T10:00:00Z");

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  return (await db().all<T>(query))[0]!;
}

beforeAll(async () => {
  await applyMigrations(db());
  await seedDatabase(db(), { companies: 20, contacts: 150, emails: 0, anchor: new Date() });
}, 60_000);
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

describe("campaigns service", () => {
  it("a rep cannot create, preview, launch or pause a campaign", async () => {
    await expect(svc.createCampaign(rep, { name: "Mine" })).rejects.toMatchObject({ code: "forbidden:campaigns", status: 403 });
    await expect(svc.previewAudience(rep, { contactIds: [1] })).rejects.toMatchObject({ status: 403 });
    await expect(svc.launchCampaign(rep, 1, { contactIds: [1] })).rejects.toMatchObject({ status: 403 });
    await expect(svc.pauseCampaign(rep, 1)).rejects.toMatchObject({ status: 403 });
  });

  it("an operator's bad input is refused naming the field, and nothing is written", async () => {
    const before = await one<{ n: number }>(sql`SELECT count(*) AS n FROM email_campaigns`);
    await expect(svc.createCampaign(operator, { name: "  " })).rejects.toMatchObject({ status: 422, field: "name" });
    await expect(svc.createCampaign(operator, { name: "x".repeat(CAMPAIGN_NAME_MAX + 1) })).rejects.toMatchObject({ status: 422, field: "name", message: expect.stringMatching(/campaign name/i) });
    await expect(svc.createCampaign(operator, { name: "x", cooldownDays: -1 })).rejects.toMatchObject({ status: 422, field: "cooldownDays" });
    await expect(svc.previewAudience(operator, { contactIds: [] })).rejects.toMatchObject({ status: 422 });
    expect(await one<{ n: number }>(sql`SELECT count(*) AS n FROM email_campaigns`)).toEqual(before);
  });

  it("an operator's audience with an unknown country or tier is refused naming that filter", async () => {
    await expect(svc.previewAudience(operator, { filters: { country: "XX" } })).rejects.toMatchObject({ status: 422, field: "filters.country" });
    await expect(svc.previewAudience(operator, { filters: { country: "Germany" } })).rejects.toMatchObject({ status: 422, field: "filters.country" });
    await expect(svc.previewAudience(operator, { filters: { tier: "E" } })).rejects.toMatchObject({ status: 422, field: "filters.tier" });
    const { id } = await svc.createCampaign(operator, { name: "Bad audience" });
    await expect(svc.launchCampaign(operator, id, { filters: { tier: "a+" } }, clock)).rejects.toMatchObject({ status: 422, field: "filters.tier" });
    expect(await one<{ n: number }>(sql`SELECT count(*) AS n FROM campaign_enrollments WHERE campaign_id = ${id}`)).toEqual({ n: 0 });
  });

  it("an operator's audience by country and tier counts the contacts of companies in that country whose score has that tier", async () => {
    const { scoreAllContactsOffline } = await import("@/lib/scoring/bulk");
    await scoreAllContactsOffline(db());
    await db().run(sql`UPDATE companies SET country = CASE id % 2 WHEN 0 THEN 'DE' ELSE 'FR' END`);
    const tier = (await db().all<{ tier: "A" | "B" | "C" | "D" }>(sql`SELECT tier FROM contact_scores GROUP BY tier ORDER BY count(*) DESC LIMIT 1`))[0]!.tier;
    const expected = await one<{ n: number }>(sql`SELECT count(*) AS n FROM contacts c JOIN companies co ON co.id = c.company_id JOIN contact_scores s ON s.contact_id = c.id WHERE co.country = 'DE' AND s.tier = ${tier}`);
    expect(expected.n).toBeGreaterThan(0);
    expect((await svc.previewAudience(operator, { filters: { country: "de", tier } })).count).toBe(expected.n);
    expect((await svc.previewAudience(operator, { filters: { country: "US" } })).count).toBe(0);
  });

  it("an operator's plan is coerced before it is stored: clamps hold and an invalid tone fails open to the defaults", async () => {
    const clamped = await svc.createCampaign(operator, { name: "Clamped", plan: { angle: "A", tone: "warm", cadenceDays: [0, 99], maxTouches: 2, source: "operator" } });
    expect(clamped.plan).toMatchObject({ cadenceDays: [0, 60], maxTouches: 2, provenance: { source: "operator" } });
    const refused = await svc.createCampaign(operator, { name: "Refused", tone: "formal", plan: { angle: "A", tone: "aggressive", cadenceDays: [0], maxTouches: 1, source: "operator" } });
    expect(refused.plan).toMatchObject({ tone: "formal", cadenceDays: [0, 4, 7, 7, 7, 7], maxTouches: 6, provenance: { source: "default_plan" } });
  });

  it("an operator's campaign created for a one-vertical audience is stored with that vertical; a mixed audience leaves it unknown", async () => {
    const verticalOf = async (id: number) => (await one<{ vertical: string | null }>(sql`SELECT vertical FROM email_campaigns WHERE id = ${id}`)).vertical;
    const byFilter = await svc.createCampaign(operator, { name: "Retail by filter" }, { filters: { vertical: "retail" } });
    expect(await verticalOf(byFilter.id)).toBe("retail");
    const picked = await db().all<{ id: number; vertical: string }>(sql`SELECT c.id, co.vertical FROM contacts c JOIN companies co ON co.id = c.company_id ORDER BY c.id`);
    const oneVertical = picked.filter((p) => p.vertical === picked[0]!.vertical).slice(0, 3);
    const byHand = await svc.createCampaign(operator, { name: "Hand-picked" }, { contactIds: oneVertical.map((p) => p.id) });
    expect(await verticalOf(byHand.id)).toBe(picked[0]!.vertical);
    const other = picked.find((p) => p.vertical !== picked[0]!.vertical)!;
    const mixed = await svc.createCampaign(operator, { name: "Mixed" }, { contactIds: [oneVertical[0]!.id, other.id] });
    expect(await verticalOf(mixed.id)).toBeNull();
    // The operator's own vertical wins over the audience's.
    const stated = await svc.createCampaign(operator, { name: "Stated", vertical: "saas" }, { filters: { vertical: "retail" } });
    expect(await verticalOf(stated.id)).toBe("saas");
  });

  it("the audience preview counts who the guards leave out and why; launch enrolls the rest once, due at once", async () => {
    const contacts = await freshContacts(db(), 8);
    const ids = contacts.map((c) => c.id);
    await db().run(sql`UPDATE contacts SET bounced = 1 WHERE id = ${ids[0]}`);
    const other = await svc.createCampaign(operator, { name: "Other" });
    await svc.launchCampaign(operator, other.id, { contactIds: [ids[1]!] }, clock);
    const finished = await svc.createCampaign(operator, { name: "Finished" });
    await svc.launchCampaign(operator, finished.id, { contactIds: [ids[2]!] }, clock);
    await db().run(sql`UPDATE campaign_enrollments SET status = 'completed', updated_at = ${clock.now().getTime() - 5 * DAY_MS} WHERE campaign_id = ${finished.id}`);

    const { id } = await svc.createCampaign(operator, { name: "Guarded", cooldownDays: 30 });
    const preview = await svc.previewAudience(operator, { contactIds: ids }, { campaignId: id }, clock);
    expect(preview).toMatchObject({ count: 8, eligible: 5 });
    expect(Object.fromEntries(preview.excluded.map((e) => [e.reason, e.count]))).toEqual({ bounced: 1, active_elsewhere: 1, cooldown: 1 });

    const launched = await svc.launchCampaign(operator, id, { contactIds: ids }, clock);
    expect(launched.enrolled).toBe(5);
    expect(await one(sql`SELECT status FROM email_campaigns WHERE id = ${id}`)).toEqual({ status: "active" });
    expect((await dueEnrollmentIds(db(), clock.now(), 100)).length).toBeGreaterThanOrEqual(5);
    const again = await svc.launchCampaign(operator, id, { contactIds: ids }, clock);
    expect(again.enrolled).toBe(0);
    expect(again.excluded.find((e) => e.reason === "already_enrolled")?.count).toBe(5);
  });

  it("two schedulers ticking at once queue each due wake once", async () => {
    const { id } = await svc.createCampaign(operator, { name: "Ticks" });
    const contacts = await freshContacts(db(), 6);
    await svc.launchCampaign(operator, id, { contactIds: contacts.map((c) => c.id) }, clock);
    const later = new Date(clock.now().getTime() + 60_000);
    const retry = new Date(later.getTime() + 15 * 60_000);
    await Promise.all([queueDueWakes(db(), later, retry, 1_000), queueDueWakes(db(), later, retry, 1_000)]);
    const wakes = await db().all<{ n: number }>(sql`
      SELECT count(*) AS n FROM jobs WHERE kind = 'campaign_wake' AND json_extract(payload, '$.enrollmentId') IN (SELECT id FROM campaign_enrollments WHERE campaign_id = ${id})
      GROUP BY json_extract(payload, '$.enrollmentId')`);
    expect(wakes.map((w) => w.n)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(await dueEnrollmentIds(db(), later, 1_000)).toEqual([]);
  });

  it("pausing a campaign holds its enrollments; resuming wakes only those the campaign paused", async () => {
    const { id } = await svc.createCampaign(operator, { name: "Pausable" });
    const contacts = await freshContacts(db(), 3);
    await svc.launchCampaign(operator, id, { contactIds: contacts.map((c) => c.id) }, clock);
    const [first] = await db().all<{ id: number }>(sql`SELECT id FROM campaign_enrollments WHERE campaign_id = ${id} ORDER BY id LIMIT 1`);
    await svc.pauseEnrollment(operator, first!.id, clock);
    expect(await svc.pauseCampaign(operator, id, clock)).toEqual({ paused: 2 });
    await expect(svc.pauseCampaign(operator, id, clock)).rejects.toMatchObject({ code: "conflict:campaigns" });
    expect(await svc.resumeCampaign(operator, id, clock)).toEqual({ resumed: 2 });
    expect(await one(sql`SELECT status FROM campaign_enrollments WHERE id = ${first!.id}`)).toEqual({ status: "paused" });
    await svc.resumeEnrollment(operator, first!.id, clock);
    expect(await one(sql`SELECT status, next_wake_at AS wake FROM campaign_enrollments WHERE id = ${first!.id}`)).toEqual({ status: "active", wake: clock.now().getTime() });
  });

  it("removing a contact withdraws their waiting touch with the reason; a rep sees only their own contacts' enrollments", async () => {
    const { id } = await svc.createCampaign(operator, { name: "Removal" });
    const contacts = await freshContacts(db(), 10);
    await svc.launchCampaign(operator, id, { contactIds: contacts.map((c) => c.id) }, clock);
    const target = await one<{ id: number; contact_id: number; company_id: number }>(sql`
      SELECT e.id, e.contact_id, c.company_id FROM campaign_enrollments e JOIN contacts c ON c.id = e.contact_id WHERE e.campaign_id = ${id} ORDER BY e.id LIMIT 1`);
    const [draft] = await db().all<{ id: number }>(sql`
      INSERT INTO drafts (contact_id, company_id, campaign_id, enrollment_id, step, subject, body, provenance, prompt_version, model, graph_id)
      VALUES (${target.contact_id}, ${target.company_id}, ${id}, ${target.id}, 1, 's', 'b', '{}', 'v', 'offline template', 'campaign') RETURNING id`);
    const removed = await svc.removeEnrollment(operator, target.id, clock);
    expect(removed.withdrawn).toEqual([draft!.id]);
    expect(await one(sql`SELECT status, reject_reason AS reason FROM drafts WHERE id = ${draft!.id}`)).toEqual({ status: "withdrawn", reason: "Removed from the campaign by Olly Operator." });
    expect(await one(sql`SELECT status FROM campaign_enrollments WHERE id = ${target.id}`)).toEqual({ status: "removed" });
    await expect(svc.removeEnrollment(operator, target.id, clock)).rejects.toMatchObject({ code: "conflict:campaigns" });

    const asRep = await views.getCampaign(rep, id);
    const own = contacts.filter((c) => c.ownerId === rep.id).length;
    expect(asRep.enrollments.total).toBe(own);
    expect(asRep.enrollments.rows.every((r) => r.ownerId === rep.id)).toBe(true);
    expect(asRep.canRun).toBe(false);
    const asOperator = await views.getCampaign(operator, id);
    expect(asOperator.enrollments.total).toBe(10);
    const listed = (await views.listCampaigns(rep)).find((c) => c.id === id);
    expect(listed).toMatchObject({ enrolled: 10, active: 9, replyRate: null });
  });
});
