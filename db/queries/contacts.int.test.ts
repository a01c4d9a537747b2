import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_REPS } from "../seed/demo-users";
import { seedDatabase } from "../seed/seed";
import { tempDatabase } from "../testing";
import { contactCountries, contactIdsMatching, listContacts, likePattern, suppressionOf, type ContactListFilter } from "./contacts";
import { emailHash } from "./suppression";

let t: Awaited<ReturnType<typeof tempDatabase>>;
const page = (filter: Partial<ContactListFilter>) => listContacts(t.database, { page: 1, pageSize: 25, ...filter });

async function scalar(query: string): Promise<number> {
  const [row] = await t.database.all<{ n: number }>(sql.raw(query));
  return row!.n;
}

beforeAll(async () => {
  t = await tempDatabase("contacts");
  await seedDatabase(t.database, { companies: 60, contacts: 600, emails: 2_000, anchor: new Date("2026-11-01T00:00:00Z") });
});
afterAll(() => t.cleanup());

describe("listContacts", () => {
  it("finds a company's contacts by the company's name, and only them", async () => {
    const [company] = await t.database.all<{ id: number; name: string }>(sql`SELECT id, name FROM companies ORDER BY id LIMIT 1 OFFSET 7`);
    const result = await page({ q: company!.name.toUpperCase(), pageSize: 100 });
    const expected = await scalar(
      `SELECT count(*) AS n FROM contacts c JOIN companies co ON co.id = c.company_id WHERE lower(co.name) LIKE '%${company!.name.toLowerCase()}%'`,
    );
    expect(expected).toBeGreaterThan(0);
    expect(result.total).toBe(expected);
    expect(result.rows.every((r) => r.companyName.toLowerCase().includes(company!.name.toLowerCase()))).toBe(true);
  });

  it("finds a contact by part of the email or the full name", async () => {
    const [c] = await t.database.all<{ id: number; email: string; first_name: string; last_name: string }>(sql`SELECT id, email, first_name, last_name FROM contacts WHERE id = 123`);
    expect((await page({ q: c!.email })).rows.map((r) => r.id)).toContain(123);
    expect((await page({ q: `${c!.first_name} ${c!.last_name}`, pageSize: 100 })).rows.map((r) => r.id)).toContain(123);
  });

  it("filters by vertical, seniority, status and owner, matching an independent count", async () => {
    expect((await page({ vertical: "fintech" })).total).toBe(
      await scalar("SELECT count(*) AS n FROM contacts c JOIN companies co ON co.id = c.company_id WHERE co.vertical = 'fintech'"),
    );
    expect((await page({ seniority: "director" })).total).toBe(await scalar("SELECT count(*) AS n FROM contacts WHERE seniority = 'director'"));
    expect((await page({ status: "bounced" })).total).toBe(await scalar("SELECT count(*) AS n FROM contacts WHERE bounced = 1"));
    expect((await page({ status: "unsubscribed" })).total).toBe(await scalar("SELECT count(*) AS n FROM contacts WHERE unsubscribed = 1"));
    const owner = DEMO_REPS[0]!.id;
    expect((await page({ ownerId: owner })).total).toBe(await scalar(`SELECT count(*) AS n FROM contacts WHERE owner_id = '${owner}'`));
    const combined = await page({ vertical: "saas", seniority: "manager", status: "replied" });
    expect(combined.total).toBe(
      await scalar("SELECT count(*) AS n FROM contacts c JOIN companies co ON co.id = c.company_id WHERE co.vertical = 'saas' AND c.seniority = 'manager' AND c.replied = 1"),
    );
  });

  it("the contactable filter leaves out addresses on the suppression list as well as flagged contacts", async () => {
    const listed = new Set((await t.database.all<{ email_hash: string }>(sql`SELECT email_hash FROM suppression`)).map((r) => r.email_hash));
    const unflagged = await t.database.all<{ id: number; email: string }>(
      sql`SELECT id, email FROM contacts WHERE do_not_contact = 0 AND bounced = 0 AND unsubscribed = 0 AND replied = 0`,
    );
    const suppressedOnly = unflagged.filter((c) => listed.has(emailHash(c.email)));
    // The seed suppresses a few addresses by hand and leaves their flags clean: without them this test proves nothing.
    expect(suppressedOnly.length).toBeGreaterThan(0);
    const contactable = await page({ status: "contactable", pageSize: 100 });
    expect(contactable.total).toBe(unflagged.length - suppressedOnly.length);
    const ids = new Set<number>();
    for (let p = 1; p <= Math.ceil(contactable.total / 100); p++) for (const r of (await page({ status: "contactable", pageSize: 100, page: p })).rows) ids.add(r.id);
    for (const c of suppressedOnly) expect(ids.has(c.id)).toBe(false);
    expect(contactable.rows.every((r) => r.suppression === null)).toBe(true);
  });

  it("a contact whose address is suppressed after the list was last read leaves the contactable filter at once", async () => {
    const before = await page({ status: "contactable" });
    const [victim] = before.rows;
    await t.database.run(sql`INSERT INTO suppression (email_hash, reason, source, added_at) VALUES (${emailHash(victim!.email)}, 'complaint', 'test', ${Date.now()})`);
    const after = await page({ status: "contactable" });
    expect(after.total).toBe(before.total - 1);
    expect(after.rows.map((r) => r.id)).not.toContain(victim!.id);
    expect((await page({ status: "suppressed", q: victim!.email })).rows).toMatchObject([{ id: victim!.id, suppression: "complaint" }]);
    await t.database.run(sql`DELETE FROM suppression WHERE email_hash = ${emailHash(victim!.email)}`);
  });

  it("the suppressed filter lists every contact whose address is on the list, each with the list's reason", async () => {
    const listed = new Map((await t.database.all<{ email_hash: string; reason: string }>(sql`SELECT email_hash, reason FROM suppression`)).map((r) => [r.email_hash, r.reason]));
    const everyone = await t.database.all<{ id: number; email: string }>(sql`SELECT id, email FROM contacts`);
    const expected = everyone.filter((c) => listed.has(emailHash(c.email)));
    const result = await page({ status: "suppressed", pageSize: 100 });
    expect(result.total).toBe(expected.length);
    for (const row of result.rows) expect(row.suppression).toBe(listed.get(emailHash(row.email)));
    const bounced = (await page({ status: "bounced", pageSize: 100 })).rows;
    expect(bounced.length).toBeGreaterThan(0);
    expect(bounced.every((r) => r.suppression === "bounce")).toBe(true);
  });

  it("finds an address's suppression reason whatever its case and spaces, and nothing for an address not on the list", async () => {
    const [row] = await t.database.all<{ email: string }>(sql`SELECT email FROM contacts WHERE unsubscribed = 1 LIMIT 1`);
    const found = await suppressionOf(t.database, [`  ${row!.email.toUpperCase()} `, "nobody@example.com"]);
    expect([...found]).toEqual([[`  ${row!.email.toUpperCase()} `, "unsubscribe"]]);
  });

  it("pages through every contact once, in name order", async () => {
    const seen: number[] = [];
    const names: string[] = [];
    for (let p = 1; p <= 24; p++) {
      const result = await page({ page: p });
      expect(result.total).toBe(600);
      seen.push(...result.rows.map((r) => r.id));
      names.push(...result.rows.map((r) => `${r.lastName}\u0000${r.firstName}`));
    }
    expect(seen).toHaveLength(600);
    expect(new Set(seen).size).toBe(600);
    expect(names).toEqual([...names].sort());
    expect((await page({ page: 25 })).rows).toEqual([]);
  });

  it("treats LIKE wildcards in a search as plain text", async () => {
    expect(likePattern("50%_off\\")).toBe("%50\\%\\_off\\\\%");
    expect((await page({ q: "%" })).total).toBe(0);
    expect((await page({ q: "_" })).total).toBe(0);
  });
});

describe("contactIdsMatching (a campaign's audience)", () => {
  let a: Awaited<ReturnType<typeof tempDatabase>>;
  const ids = async (query: string) => (await a.database.all<{ id: number }>(sql.raw(query))).map((r) => r.id);
  beforeAll(async () => {
    a = await tempDatabase("audience");
    await seedDatabase(a.database, { companies: 20, contacts: 200, emails: 0, anchor: new Date("2026-11-01T00:00:00Z") });
    await a.database.run(sql`UPDATE companies SET country = CASE id % 3 WHEN 0 THEN 'DE' WHEN 1 THEN 'US' ELSE NULL END`);
    // Stored scores by hand (db/ may not import the scorer): a spread of tiers, some contacts unscored.
    await a.database.run(sql`INSERT INTO contact_scores (contact_id, score, tier, terms, source, confidence, reason, evidence, prompt_version, scored_at)
      SELECT id, (id % 10) / 10.0, CASE id % 5 WHEN 0 THEN 'A' WHEN 1 THEN 'B' WHEN 2 THEN 'C' ELSE 'D' END, '{}', 'rules', 0.5, 'test', '[]', 'test', 0
      FROM contacts WHERE id % 7 <> 0`);
  });
  afterAll(() => a.cleanup());

  it("an operator's country filter keeps exactly the contacts whose company is in that country", async () => {
    const expected = await ids("SELECT c.id FROM contacts c JOIN companies co ON co.id = c.company_id WHERE co.country = 'DE' ORDER BY c.id");
    expect(expected.length).toBeGreaterThan(0);
    expect(await contactIdsMatching(a.database, { country: "DE" }, 1_000)).toEqual(expected);
    expect(await contactIdsMatching(a.database, { country: "FR" }, 1_000)).toEqual([]);
  });

  it("an operator's tier filter keeps exactly the contacts whose stored score has that tier, and leaves unscored contacts out", async () => {
    await a.database.run(sql`DELETE FROM contact_scores WHERE contact_id = (SELECT min(contact_id) FROM contact_scores WHERE tier = 'C')`);
    for (const tier of ["A", "B", "C", "D"] as const) {
      expect(await contactIdsMatching(a.database, { tier }, 1_000)).toEqual(await ids(`SELECT contact_id AS id FROM contact_scores WHERE tier = '${tier}' ORDER BY contact_id`));
    }
    const tierC = await ids("SELECT contact_id AS id FROM contact_scores WHERE tier = 'C'");
    expect(tierC.length).toBeGreaterThan(0);
  });

  it("an operator's country and tier filters combine with the others, all of them holding at once", async () => {
    const expected = await ids(`SELECT c.id FROM contacts c JOIN companies co ON co.id = c.company_id JOIN contact_scores s ON s.contact_id = c.id
      WHERE co.country = 'US' AND s.tier = 'C' AND co.vertical = 'saas' ORDER BY c.id`);
    expect(await contactIdsMatching(a.database, { country: "US", tier: "C", vertical: "saas" }, 1_000)).toEqual(expected);
    const all = await contactIdsMatching(a.database, { country: "US", tier: "C" }, 1_000);
    expect(all.length).toBeGreaterThan(expected.length);
    expect(await contactIdsMatching(a.database, { country: "US", tier: "C" }, 2)).toEqual(all.slice(0, 2));
  });

  it("an operator choosing a country is offered each country that has contacts, with their number, and no empty country", async () => {
    const expected = await a.database.all<{ country: string; contacts: number }>(sql`SELECT co.country AS country, count(*) AS contacts FROM contacts c JOIN companies co ON co.id = c.company_id WHERE co.country IS NOT NULL GROUP BY co.country ORDER BY co.country`);
    expect(expected.map((r) => r.country)).toEqual(["DE", "US"]);
    expect(await contactCountries(a.database)).toEqual(expected);
  });
});
