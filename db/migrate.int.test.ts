import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations } from "./migrate";
import { tempDatabase } from "./testing";

const TABLES = [
  "users", "sessions", "accounts", "verifications", "companies", "contacts", "company_facts",
  "email_campaigns", "campaign_enrollments", "emails", "drafts", "suppression", "outcomes",
  "llm_calls", "runs", "run_steps", "prompts", "settings", "audit_log",
];

describe("migrations", () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it("create every table and list index on an empty file", async () => {
    const t = await tempDatabase("migrate");
    cleanup = t.cleanup;
    const tables = await t.database.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table'`);
    const names = tables.map((r) => r.name);
    for (const table of TABLES) expect(names).toContain(table);
    const indexes = await t.database.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'index'`);
    expect(indexes.map((r) => r.name)).toEqual(
      expect.arrayContaining(["contacts_name_idx", "emails_contact_sent_idx", "drafts_rep_status_created_idx", "llm_calls_created_idx"]),
    );
  });

  it("are a no-op when applied again", async () => {
    const t = await tempDatabase("migrate-twice");
    cleanup = t.cleanup;
    await t.database.run(sql`INSERT INTO settings (key, value) VALUES ('kept', '1')`);
    await applyMigrations(t.database);
    const rows = await t.database.all<{ key: string }>(sql`SELECT key FROM settings`);
    expect(rows).toEqual([{ key: "kept" }]);
  });

  it("enforce foreign keys on the connection", async () => {
    const t = await tempDatabase("fk");
    cleanup = t.cleanup;
    const failure = await t.database
      .run(sql`INSERT INTO contacts (company_id, first_name, last_name, email) VALUES (999, 'A', 'B', 'a@b.c')`)
      .then(() => null, (e: Error) => e);
    expect(String(failure?.cause)).toMatch(/FOREIGN KEY/);
  });
});
