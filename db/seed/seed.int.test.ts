import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../client";
import { emailHash } from "../queries/suppression";
import { seedIfEmpty } from "../setup";
import { tempDatabase } from "../testing";
import { DEMO_SCALE, seedDatabase } from "./seed";

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
    expect(countsA.campaigns).toBe(5);
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
