import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

// This file owns its process's environment: a fresh database and no model (offline).
const testEnv = ownEnvironment("services-campaign-panel");

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { seedDatabase } = await import("@/db/seed/seed");
const { convenePanel, evenSample } = await import("./campaign-panel");
const { launchProgressFor, contactCampaigns } = await import("./campaign-views");
const { createCampaign, launchCampaign } = await import("./campaigns");
const { RULES_VERSION } = await import("@/graphs/campaign-panel/rules");

const operator = { id: "u-op", name: "Otto", email: "otto@x", role: "operator" as const };
const rep = { id: "u-rep", name: "Rita", email: "rita@x", role: "rep" as const };
const count = async (table: string) => (await db().all<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${table}`)))[0]!.n;

beforeAll(async () => {
  await applyMigrations(db());
  await db().run(sql`INSERT INTO users (id, name, email, email_verified, role) VALUES (${operator.id}, ${operator.name}, ${operator.email}, 1, 'operator')`);
  await seedDatabase(db(), { companies: 10, contacts: 50, emails: 0, anchor: new Date() });
}, 60_000);
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

describe("convening the campaign panel", () => {
  it("an operator's panel for the contact filters argues from those contacts only, offline and labelled, and stores nothing", async () => {
    const saas = (await db().all<{ n: number }>(sql`SELECT count(*) AS n FROM contacts c JOIN companies co ON co.id = c.company_id WHERE co.vertical = 'saas'`))[0]!.n;
    const before = await count("email_campaigns");
    const result = await convenePanel(operator, { audience: { filters: { vertical: "saas" } }, campaignName: "SaaS ramp" });
    expect(result.profile.contacts).toBe(saas);
    expect(result.profile.verticals).toEqual([{ value: "saas", count: saas, share: 1 }]);
    expect(result.lenses.map((l) => [l.lens, l.provenance.source])).toEqual([["strategist", "rule_based_fallback"], ["skeptic", "rule_based_fallback"], ["brand_voice", "rule_based_fallback"]]);
    expect(result).toMatchObject({ promptVersion: RULES_VERSION, sampled: null });
    expect(result.runId).toBeTruthy();
    expect(await count("email_campaigns")).toBe(before);
  });

  it("a rep may not convene the panel, and no run is recorded", async () => {
    const runs = await count("runs");
    await expect(convenePanel(rep, { audience: { contactIds: [1] } })).rejects.toMatchObject({ code: "forbidden:campaigns" });
    expect(await count("runs")).toBe(runs);
  });

  it("an audience the filters leave empty, or one that is malformed, is refused naming the audience", async () => {
    await expect(convenePanel(operator, { audience: { filters: { q: "no such contact anywhere" } } })).rejects.toMatchObject({ field: "audience" });
    await expect(convenePanel(operator, { audience: { filters: { vertical: "mining" } } })).rejects.toMatchObject({ field: expect.stringMatching(/^audience/) });
  });

  it("a large audience is read as an even sample that keeps its spread", () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => i + 1);
    const sample = evenSample(ids, 20_000);
    expect(sample).toHaveLength(20_000);
    expect(sample[0]).toBe(1);
    expect(sample.at(-1)).toBeGreaterThan(49_990);
    expect(new Set(sample).size).toBe(20_000);
    expect(evenSample([3, 1, 2], 10)).toEqual([3, 1, 2]);
  });
});

describe("campaign views for people", () => {
  it("a rep may not poll a launch's progress, an operator reads it, and an unknown campaign is not found", async () => {
    await expect(launchProgressFor(rep, 1)).rejects.toMatchObject({ code: "forbidden:campaigns" });
    await expect(launchProgressFor(operator, 999_999)).rejects.toMatchObject({ code: "not_found:campaigns" });
    const ids = (await db().all<{ id: number }>(sql`SELECT id FROM contacts WHERE do_not_contact = 0 AND bounced = 0 AND unsubscribed = 0 AND replied = 0 ORDER BY id LIMIT 3`)).map((r) => r.id);
    const { id } = await createCampaign(operator, { name: "Progress check" });
    const { enrolled } = await launchCampaign(operator, id, { contactIds: ids });
    expect(enrolled).toBeGreaterThan(0);
    // The launch created each enrollment's thread; with no job runner in this process, nothing is drafted yet,
    // and the progress says every enrollment still waits for its first touch (not "0 waiting for approval").
    expect(await launchProgressFor(operator, id)).toEqual({ enrolled, started: enrolled, drafted: 0, drafting: enrolled, awaiting: 0, sent: 0, status: "active" });
    // A wake job drafts one contact's first touch: it moves from drafting to drafted and waits for approval.
    const [first] = await db().all<{ id: number; contact_id: number }>(sql`SELECT id, contact_id FROM campaign_enrollments WHERE campaign_id = ${id} ORDER BY id LIMIT 1`);
    await db().run(sql`INSERT INTO drafts (contact_id, campaign_id, enrollment_id, step, subject, body, provenance, prompt_version, model, graph_id)
      VALUES (${first!.contact_id}, ${id}, ${first!.id}, 1, 'Touch 1', 'Hello', '{"source":"template","confidence":1,"reason":"test","evidence":[]}', 'v1', 'template', 'campaign')`);
    expect(await launchProgressFor(operator, id)).toMatchObject({ drafted: 1, drafting: enrolled - 1, awaiting: 1 });
  });

  it("a rep sees the campaign touches of their own contacts only", async () => {
    const [other] = await db().all<{ id: number }>(sql`SELECT id FROM contacts WHERE owner_id IS NULL OR owner_id <> ${rep.id} LIMIT 1`);
    await expect(contactCampaigns(rep, other!.id)).rejects.toMatchObject({ code: "not_found:contacts" });
    expect(Array.isArray(await contactCampaigns(operator, other!.id))).toBe(true);
  });
});
