import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../seed/seed";
import { withIndexesDeferred } from "@/db/seed/bulk";
import { rebuildEmailStats } from "./email-stats";
import { tempDatabase } from "../testing";

/** The per-contact and per-campaign email counts analytics reads, against the emails table itself. */
let t: Awaited<ReturnType<typeof tempDatabase>>;

const STATS = (key: string, where = "") => `SELECT ${key}, sum(direction = 'outbound') AS outbound, sum(direction = 'outbound' AND opened_at IS NOT NULL) AS opened,
  sum(direction = 'inbound') AS inbound, sum(bounced_at IS NOT NULL) AS bounced FROM emails ${where} GROUP BY ${key} ORDER BY ${key}`;

async function expectExact() {
  const database = t.database;
  const contacts = await database.all(sql.raw(STATS("contact_id")));
  const campaigns = await database.all(sql.raw(`SELECT campaign_id, contact_id, sum(outbound) AS outbound, sum(opened) AS opened, sum(inbound) AS inbound,
      sum(bounced) AS bounced, max(enrolled) AS enrolled, max(enrollment_replied) AS enrollment_replied
    FROM (
      SELECT campaign_id, contact_id, direction = 'outbound' AS outbound, direction = 'outbound' AND opened_at IS NOT NULL AS opened,
        direction = 'inbound' AS inbound, bounced_at IS NOT NULL AS bounced, 0 AS enrolled, 0 AS enrollment_replied
      FROM emails WHERE campaign_id IS NOT NULL
      UNION ALL SELECT campaign_id, contact_id, 0, 0, 0, 0, 1, status = 'replied' FROM campaign_enrollments
    ) GROUP BY campaign_id, contact_id ORDER BY campaign_id, contact_id`));
  expect(await database.all(sql.raw("SELECT contact_id, outbound, opened, inbound, bounced FROM contact_email_stats ORDER BY contact_id"))).toEqual(contacts);
  expect(await database.all(sql.raw("SELECT campaign_id, contact_id, outbound, opened, inbound, bounced, enrolled, enrollment_replied FROM campaign_email_stats ORDER BY campaign_id, contact_id"))).toEqual(campaigns);
  return { contacts, campaigns };
}

beforeAll(async () => {
  t = await tempDatabase("email-stats");
  await seedDatabase(t.database, { companies: 20, contacts: 300, emails: 2_000, anchor: new Date("2026-11-01T00:00:00Z") });
});
afterAll(() => t.cleanup());

describe("the seed's bulk load", () => {
  it("puts back every index and trigger it set aside, exactly as the migrations made them", async () => {
    const fresh = await tempDatabase("email-stats-fresh");
    const schema = (database: typeof t.database) => database.all(sql.raw("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY type, name"));
    try {
      const expected = await schema(fresh.database);
      expect(expected.some((o) => (o as { name: string }).name === "emails_stats_insert")).toBe(true);
      expect(await schema(t.database)).toEqual(expected);
    } finally {
      fresh.cleanup();
    }
  });
});

describe("a bulk load that fails", () => {
  const schema = (database: typeof t.database) => database.all(sql.raw("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY type, name"));

  it("still gets every index and trigger back, and throws the load's own error", async () => {
    const fresh = await tempDatabase("bulk-fail");
    try {
      const expected = await schema(fresh.database);
      const { database } = fresh;
      await database.run(sql`INSERT INTO companies (id, name, domain, vertical, size) VALUES (1, 'Acme', 'acme.test', 'saas', 'smb')`);
      await database.run(sql`INSERT INTO contacts (id, company_id, first_name, last_name, email) VALUES (1, 1, 'Ada', 'L', 'ada@acme.test')`);
      const load = async () => {
        const row = "INSERT INTO emails (contact_id, direction, thread_id, message_id, subject, body, sent_at) VALUES (1, 'outbound', 't', '<same@x>', 's', 'b', 1)";
        await database.$client.execute(row);
        await database.$client.execute(row); // UNIQUE(message_id) stays in force during the load
      };
      await expect(withIndexesDeferred(database, ["emails", "campaign_enrollments", "outcomes"], load, () => rebuildEmailStats(database))).rejects.toThrow(/UNIQUE constraint failed: emails.message_id/);
      expect(await schema(database)).toEqual(expected);
      await expect(withIndexesDeferred(database, ["emails"], async () => {}, async () => { throw new Error("rebuild broke"); })).rejects.toThrow("rebuild broke");
      expect(await schema(database)).toEqual(expected);
    } finally {
      fresh.cleanup();
    }
  });
});

describe("the email stats tables", () => {
  it("equal counts over emails after the seed", async () => {
    const { contacts, campaigns } = await expectExact();
    expect(contacts.length).toBeGreaterThan(100);
    expect(campaigns.length).toBeGreaterThan(100);
  });

  it("follow opens, bounces, moved emails, deleted emails and deleted contacts and campaigns", async () => {
    const database = t.database;
    await database.run(sql`UPDATE emails SET opened_at = sent_at + 60000 WHERE direction = 'outbound' AND opened_at IS NULL AND id % 3 = 0`);
    await database.run(sql`UPDATE emails SET bounced_at = sent_at WHERE id % 17 = 0`);
    await database.run(sql`UPDATE emails SET campaign_id = NULL WHERE id % 13 = 0`);
    await database.run(sql`UPDATE emails SET contact_id = (SELECT min(id) FROM contacts) WHERE id % 19 = 0`);
    await database.run(sql`DELETE FROM emails WHERE id % 7 = 0`);
    const [victim] = await database.all<{ id: number }>(sql`SELECT contact_id AS id FROM emails GROUP BY contact_id ORDER BY count(*) DESC LIMIT 1`);
    await database.run(sql`DELETE FROM campaign_enrollments WHERE contact_id = ${victim!.id}`);
    await database.run(sql`DELETE FROM outcomes WHERE contact_id = ${victim!.id}`);
    await database.run(sql`DELETE FROM contacts WHERE id = ${victim!.id}`);
    const [gone] = await database.all<{ n: number }>(sql`SELECT count(*) AS n FROM emails WHERE contact_id = ${victim!.id}`);
    expect(gone!.n).toBe(0);
    await expectExact();
    const [left] = await database.all<{ n: number }>(sql`SELECT count(*) AS n FROM contact_email_stats WHERE contact_id = ${victim!.id}`);
    expect(left!.n).toBe(0);
  });

  it("follow enrollments: enrolled, marked replied, moved to another campaign, removed", async () => {
    const database = t.database;
    const [fresh] = await database.all<{ id: number }>(sql`SELECT id FROM contacts WHERE id NOT IN (SELECT contact_id FROM campaign_enrollments) LIMIT 1`);
    await database.run(sql`INSERT INTO campaign_enrollments (campaign_id, contact_id, thread_id, status) VALUES (1, ${fresh!.id}, 't-enrol', 'active')`);
    expect(await database.all(sql`SELECT outbound, enrolled, enrollment_replied FROM campaign_email_stats WHERE campaign_id = 1 AND contact_id = ${fresh!.id}`)).toEqual([{ outbound: 0, enrolled: 1, enrollment_replied: 0 }]);
    await database.run(sql`UPDATE campaign_enrollments SET status = 'replied' WHERE id % 5 = 0`);
    await database.run(sql`UPDATE campaign_enrollments SET campaign_id = 5 WHERE id = (SELECT min(id) FROM campaign_enrollments WHERE campaign_id <> 5 AND contact_id NOT IN (SELECT contact_id FROM campaign_enrollments WHERE campaign_id = 5))`);
    await database.run(sql`DELETE FROM campaign_enrollments WHERE id % 7 = 0 OR contact_id = ${fresh!.id}`);
    const [gone] = await database.all<{ n: number }>(sql`SELECT count(*) AS n FROM campaign_email_stats WHERE contact_id = ${fresh!.id}`);
    expect(gone!.n).toBe(0);
    await expectExact();
  });

  it("gain a row for a contact's first email", async () => {
    const database = t.database;
    const [fresh] = await database.all<{ id: number }>(sql`SELECT id FROM contacts WHERE id NOT IN (SELECT contact_id FROM emails) LIMIT 1`);
    await database.run(sql`INSERT INTO emails (contact_id, direction, thread_id, message_id, subject, body, sent_at) VALUES (${fresh!.id}, 'outbound', 't-new', '<new@x>', 's', 'b', 1)`);
    expect(await database.all(sql`SELECT outbound, inbound FROM contact_email_stats WHERE contact_id = ${fresh!.id}`)).toEqual([{ outbound: 1, inbound: 0 }]);
    await expectExact();
  });
});
