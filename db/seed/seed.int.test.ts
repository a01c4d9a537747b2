import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../client";
import { emailHash } from "../queries/suppression";
import { seedIfEmpty } from "../setup";
import { tempDatabase } from "../testing";
import { CAMPAIGNS } from "./campaigns";
import { DEMO_SCALE, SEEDED_HISTORY_STOP, seedDatabase } from "./seed";

const anchor = new Date("2026-11-01T00:00:00Z");
const DAY = 86_400_000;

async function firstRows(database: Database, table: string) {
  return database.all(sql.raw(`SELECT * FROM ${table} ORDER BY rowid LIMIT 25`));
}

async function count(database: Database, query: string): Promise<number> {
  const [row] = await database.all<{ n: number }>(sql.raw(query));
  return row?.n ?? 0;
}

describe("the demo seed", () => {
  let a: Awaited<ReturnType<typeof tempDatabase>>;
  let b: Awaited<ReturnType<typeof tempDatabase>>;
  let countsA: Awaited<ReturnType<typeof seedDatabase>>;
  let countsB: Awaited<ReturnType<typeof seedDatabase>>;

  beforeAll(async () => {
    a = await tempDatabase("seed-a");
    b = await tempDatabase("seed-b");
    countsA = await seedDatabase(a.database, { ...DEMO_SCALE, anchor });
    countsB = await seedDatabase(b.database, { ...DEMO_SCALE, anchor });
  });
  afterAll(() => {
    a.cleanup();
    b.cleanup();
  });

  it("is deterministic: the same counts and the same first rows twice", async () => {
    expect(countsB).toEqual(countsA);
    for (const table of ["companies", "company_facts", "contacts", "email_campaigns", "campaign_enrollments", "emails", "outcomes", "suppression"]) {
      expect(await firstRows(b.database, table), table).toEqual(await firstRows(a.database, table));
    }
    const checksum = "SELECT sum(length(body) + sent_at % 1000003) AS n FROM emails";
    expect(await count(b.database, checksum)).toBe(await count(a.database, checksum));
  });

  it("has the promised size and spread", async () => {
    const db = a.database;
    expect(countsA.companies).toBeGreaterThanOrEqual(200);
    expect(countsA.contacts).toBeGreaterThanOrEqual(2_000);
    expect(countsA.campaigns).toBe(CAMPAIGNS.length);
    expect(CAMPAIGNS.length).toBeGreaterThanOrEqual(12);
    expect(countsA.emails).toBe(10_000);
    expect(await count(db, "SELECT count(DISTINCT vertical) AS n FROM companies")).toBeGreaterThanOrEqual(4);
    const factsPerCompany = await db.all<{ lo: number; hi: number }>(
      sql`SELECT min(n) AS lo, max(n) AS hi FROM (SELECT count(f.id) AS n FROM companies c LEFT JOIN company_facts f ON f.company_id = c.id GROUP BY c.id)`,
    );
    expect(factsPerCompany[0]!.lo).toBeGreaterThanOrEqual(3);
    expect(factsPerCompany[0]!.hi).toBeLessThanOrEqual(8);
    expect(await count(db, "SELECT count(*) AS n FROM company_facts WHERE confidence < 0 OR confidence > 1")).toBe(0);
    expect(await count(db, "SELECT count(DISTINCT seniority) AS n FROM contacts")).toBe(6);
  });

  it("spreads emails over the 90 days before the anchor with plausible rates", async () => {
    const db = a.database;
    const [span] = await db.all<{ lo: number; hi: number }>(sql`SELECT min(sent_at) AS lo, max(sent_at) AS hi FROM emails`);
    expect(span!.lo).toBeGreaterThanOrEqual(anchor.getTime() - 90 * DAY);
    expect(span!.hi).toBeLessThan(anchor.getTime());
    const outbound = await count(db, "SELECT count(*) AS n FROM emails WHERE direction = 'outbound'");
    const opened = await count(db, "SELECT count(*) AS n FROM emails WHERE opened_at IS NOT NULL");
    const replied = await count(db, "SELECT count(*) AS n FROM emails WHERE direction = 'inbound'");
    const bounced = await count(db, "SELECT count(*) AS n FROM emails WHERE bounced_at IS NOT NULL");
    expect(opened / outbound).toBeGreaterThan(0.3);
    expect(opened / outbound).toBeLessThan(0.65);
    expect(replied / outbound).toBeGreaterThan(0.01);
    expect(replied / outbound).toBeLessThan(0.1);
    expect(bounced / outbound).toBeGreaterThan(0.003);
    expect(bounced / outbound).toBeLessThan(0.05);
  });

  it("derives contact flags from the history and suppresses their hashed addresses", async () => {
    const db = a.database;
    expect(await count(db, "SELECT count(*) AS n FROM contacts WHERE replied = 1")).toBe(
      await count(db, "SELECT count(DISTINCT contact_id) AS n FROM emails WHERE direction = 'inbound'"),
    );
    expect(await count(db, "SELECT count(*) AS n FROM contacts WHERE bounced = 1")).toBeGreaterThan(0);
    expect(await count(db, "SELECT count(*) AS n FROM contacts WHERE unsubscribed = 1")).toBeGreaterThan(0);
    expect(await count(db, "SELECT count(*) AS n FROM contacts WHERE do_not_contact = 1")).toBeGreaterThan(0);
    // No outreach to a do-not-contact contact, ever.
    expect(await count(db, "SELECT count(*) AS n FROM emails e JOIN contacts c ON c.id = e.contact_id WHERE c.do_not_contact = 1")).toBe(0);
    const [unsub] = await db.all<{ email: string }>(sql`SELECT email FROM contacts WHERE unsubscribed = 1 LIMIT 1`);
    const hit = await count(db, `SELECT count(*) AS n FROM suppression WHERE email_hash = '${emailHash(unsub!.email)}' AND reason = 'unsubscribe'`);
    expect(hit).toBe(1);
    // Some addresses are suppressed by hand while their flags stay clean: the gate must check both.
    expect(await count(db, "SELECT count(*) AS n FROM suppression WHERE reason = 'manual'")).toBeGreaterThan(0);
  });

  it("looks like a real CRM: many families on the first page by last name, uneven verticals, plausible domains", async () => {
    const db = a.database;
    const firstPage = await db.all<{ first_name: string; last_name: string }>(sql`SELECT first_name, last_name FROM contacts ORDER BY last_name, first_name, id LIMIT 25`);
    expect(new Set(firstPage.map((c) => c.last_name)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(firstPage.map((c) => c.first_name)).size).toBeGreaterThanOrEqual(20);
    expect(await count(db, "SELECT count(DISTINCT last_name) AS n FROM contacts")).toBeGreaterThan(250);

    const verticals = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM companies GROUP BY vertical`);
    const sizes = verticals.map((v) => v.n);
    expect(Math.max(...sizes) / Math.min(...sizes)).toBeGreaterThan(1.8);
    const perCompany = await db.all<{ lo: number; hi: number }>(sql`SELECT min(n) AS lo, max(n) AS hi FROM (SELECT count(*) AS n FROM contacts GROUP BY company_id)`);
    expect(perCompany[0]!.hi - perCompany[0]!.lo).toBeGreaterThan(5);

    const domains = (await db.all<{ domain: string }>(sql`SELECT domain FROM companies`)).map((d) => d.domain);
    expect(new Set(domains).size).toBe(domains.length);
    for (const domain of domains) expect(domain).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.(com|io|ai|co\.uk|com\.au|de|fr|nl|se|ie|es|ca|dk|pl|fi)$/);
    // Most companies' domain is their name without its generic last word ("Northwave Health" → northwave.com).
    expect(await count(db, "SELECT count(*) AS n FROM companies WHERE domain NOT LIKE '%' || replace(lower(substr(name, 1, instr(name || ' ', ' ') - 1)), '&', 'and') || '%'")).toBe(0);
  });

  it("enrolls a contact only in campaigns whose angle fits its vertical, and leaves new leads unwritten to", async () => {
    const db = a.database;
    const enrolled = await db.all<{ campaign_id: number; vertical: string; n: number }>(
      sql`SELECT ce.campaign_id, co.vertical, count(*) AS n FROM campaign_enrollments ce JOIN contacts c ON c.id = ce.contact_id JOIN companies co ON co.id = c.company_id GROUP BY 1, 2`,
    );
    for (const row of enrolled) expect(CAMPAIGNS[row.campaign_id - 1]!.fits, `${CAMPAIGNS[row.campaign_id - 1]!.name} to ${row.vertical}`).toContain(row.vertical);
    const mismatched = await count(db, "SELECT count(*) AS n FROM emails e JOIN email_campaigns ec ON ec.id = e.campaign_id JOIN contacts c ON c.id = e.contact_id JOIN companies co ON co.id = c.company_id WHERE ec.vertical IS NOT NULL AND ec.vertical <> co.vertical");
    expect(mismatched).toBe(0);

    const never = await count(db, "SELECT count(*) AS n FROM contacts c WHERE NOT EXISTS (SELECT 1 FROM emails e WHERE e.contact_id = c.id)");
    expect(never / countsA.contacts).toBeGreaterThan(0.1);
    expect(never / countsA.contacts).toBeLessThan(0.3);
    // Every contact added in the last three weeks is a new lead, never written to.
    expect(await count(db, `SELECT count(*) AS n FROM contacts c WHERE c.created_at > ${anchor.getTime() - 22 * DAY} AND EXISTS (SELECT 1 FROM emails e WHERE e.contact_id = c.id)`)).toBe(0);
  });

  it("leaves its campaigns as history the scheduler never wakes: no live enrollment, a sequence cut off mid-way stopped with the reason", async () => {
    const db = a.database;
    expect(await count(db, "SELECT count(*) AS n FROM campaign_enrollments WHERE status IN ('active', 'paused') OR next_wake_at IS NOT NULL")).toBe(0);
    // Launched before the first of its emails, as a campaign the console ran would have been.
    expect(await count(db, "SELECT count(*) AS n FROM email_campaigns ec WHERE ec.launched_at IS NULL OR ec.launched_at > (SELECT min(e.sent_at) FROM emails e WHERE e.campaign_id = ec.id)")).toBe(0);
    const cut = await db.all<{ stop_reason: string; last_event_at: number | null; last_sent: number }>(sql`
      SELECT ce.stop_reason, ce.last_event_at, (SELECT max(e.sent_at) FROM emails e WHERE e.contact_id = ce.contact_id AND e.campaign_id = ce.campaign_id) AS last_sent
      FROM campaign_enrollments ce WHERE ce.status = 'stopped' AND ce.stop_reason IS NOT NULL`);
    expect(cut.length, "some seeded sequences were still running at the anchor").toBeGreaterThan(0);
    for (const row of cut) {
      expect(row.stop_reason).toBe(SEEDED_HISTORY_STOP);
      expect(row.last_event_at).toBe(row.last_sent);
    }
  });

  it("writes its emails as a person would: departments keep their acronyms, peers are named properly", async () => {
    const db = a.database;
    expect(await count(db, "SELECT count(*) AS n FROM emails WHERE body GLOB '* it teams*'")).toBe(0);
    expect(await count(db, "SELECT count(*) AS n FROM emails WHERE body GLOB '* IT teams*'")).toBeGreaterThan(0);
    expect(await count(db, "SELECT count(*) AS n FROM emails WHERE body GLOB '*similar saas*' OR body GLOB '*other saas*'")).toBe(0);
  });

  it("seeds an empty database once and never twice", async () => {
    const t = await tempDatabase("seed-once");
    try {
      const first = await seedIfEmpty(t.database, { companies: 12, contacts: 60, emails: 200, anchor });
      expect(first?.contacts).toBe(60);
      expect(await seedIfEmpty(t.database, { companies: 12, contacts: 60, emails: 200, anchor })).toBeNull();
      expect(await count(t.database, "SELECT count(*) AS n FROM contacts")).toBe(60);
      expect(await count(t.database, "SELECT count(*) AS n FROM users")).toBe(4);
    } finally {
      t.cleanup();
    }
  });
});
