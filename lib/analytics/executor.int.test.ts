import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusal, runReadOnly } from "@/db/read-only/pool";
import { executeQuery } from "./executor";
import { isReviewedFunction } from "./sql-policy";
import { seededAnalyticsDatabase } from "./testing";

let db: Awaited<ReturnType<typeof seededAnalyticsDatabase>>;

async function fingerprint(): Promise<unknown[]> {
  const result = await db.database.$client.execute(
    `SELECT (SELECT count(*) FROM contacts), (SELECT count(*) FROM emails), (SELECT count(*) FROM companies),
       (SELECT sum(do_not_contact + replied) FROM contacts), (SELECT group_concat(name) FROM sqlite_master)`,
  );
  const row = result.rows[0]!;
  return result.columns.map((_, i) => row[i]);
}

beforeAll(async () => {
  db = await seededAnalyticsDatabase("analytics-exec");
});
afterAll(() => db.cleanup());

describe("the executor's row cap", () => {
  it("gives an operator at most 50 rows and says that more existed", async () => {
    const result = await executeQuery("SELECT id FROM emails ORDER BY id", { url: db.url });
    expect(result).toMatchObject({ ok: true, truncated: true, columns: ["id"], tables: ["emails"] });
    expect(result.ok && result.rows.map((r) => r[0])).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it("does not claim more rows when exactly 50 exist", async () => {
    const result = await executeQuery("SELECT id FROM emails WHERE id <= 50", { url: db.url });
    expect(result).toMatchObject({ ok: true, truncated: false });
    expect(result.ok && result.rows.length).toBe(50);
  });
});

describe("the read-only path, with the gate bypassed", () => {
  const writes = [
    "INSERT INTO companies (name, domain, vertical, size) VALUES ('x', 'x.io', 'saas', '1-10')",
    "INSERT INTO companies (name, domain, vertical, size) VALUES ('x', 'x.io', 'saas', '1-10') RETURNING id",
    "UPDATE contacts SET do_not_contact = 0, replied = 1",
    "DELETE FROM contacts",
    "DROP TABLE emails",
    "REPLACE INTO companies (id, name, domain, vertical, size) VALUES (1, 'x', 'x.io', 'saas', '1-10')",
    "CREATE TABLE stolen AS SELECT * FROM users",
    "WITH x AS (SELECT 1) DELETE FROM contacts",
    "WITH x AS (SELECT 1) INSERT INTO companies (name, domain, vertical, size) VALUES ('x', 'y.io', 'saas', '1-10') RETURNING id",
    "SELECT * FROM contacts; DELETE FROM contacts",
    "SELECT 1) ; DELETE FROM contacts; SELECT (1",
    "PRAGMA query_only = 0",
    "ATTACH DATABASE 'FILE' AS evil",
    "VACUUM INTO 'FILE'",
    "SELECT writefile('FILE', 'owned')",
  ];

  it("cannot write, whatever statement a caller sends straight to it", async () => {
    const before = await fingerprint();
    const file = join(db.dir, "exfiltrated.db");
    for (const sql of writes) {
      const result = await runReadOnly(db.url, sql.replaceAll("FILE", file));
      expect(result.ok, sql).toBe(false);
    }
    expect(await fingerprint()).toEqual(before);
    expect(existsSync(file)).toBe(false);
  });

  it("refuses non-queries and file functions by their text before they reach the engine", () => {
    expect(refusal("DELETE FROM contacts")).toMatch(/only SELECT/);
    expect(refusal("/* x */ (SELECT 1)")).toBeNull();
    expect(refusal("SELECT \"readfile\" ('/etc/passwd')")).toMatch(/readfile/);
    expect(refusal("SELECT subject FROM emails WHERE subject LIKE '%readfile(%'")).toBeNull();
  });

  it("caps the engine's memory, so a giant value fails instead of exhausting the server", async () => {
    const result = await runReadOnly(db.url, "SELECT length(hex(zeroblob(400000000))) AS n");
    expect(result).toMatchObject({ ok: false, kind: "database" });
    expect(!result.ok && result.error).toMatch(/out of memory|too big/i);
  });

  it("leaves no read transaction open after a capped read, so checkpoints are not blocked", async () => {
    expect((await runReadOnly(db.url, "SELECT * FROM emails")).ok).toBe(true);
    await db.database.$client.execute("UPDATE companies SET hq_city = hq_city WHERE id = 1");
    const checkpoint = await db.database.$client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    expect(checkpoint.rows[0]![0]).toBe(0);
  });
});

describe("the executor's time limit", () => {
  it.each([
    ["a recursive CTE with no end", "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r"],
    ["a 4-way cross join", "SELECT count(*) FROM emails a, emails b, emails c, emails d"],
  ])("stops %s at its 1.8 s limit, within 2 s, with a clear error", async (_name, sql) => {
    const started = performance.now();
    const result = await executeQuery(sql, { url: db.url });
    const elapsed = performance.now() - started;
    expect(result).toMatchObject({ ok: false, kind: "timeout" });
    expect(!result.ok && result.error).toMatch(/took too long \(over 1\.8 s\) and was stopped/);
    expect(elapsed).toBeGreaterThan(1_700);
    expect(elapsed).toBeLessThan(3_000);
  });

  it("keeps serving queries after it had to stop one", async () => {
    await executeQuery("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT max(n) FROM r", { url: db.url, timeoutMs: 200 });
    expect(await executeQuery("SELECT count(*) AS n FROM contacts", { url: db.url })).toMatchObject({ ok: true, rows: [[400]] });
  });
});

describe("the executor's errors", () => {
  it("returns the database's own error text for the repair loop", async () => {
    expect(await executeQuery("SELECT nope FROM contacts", { url: db.url })).toMatchObject({ ok: false, kind: "database", error: "no such column: nope" });
  });

  it("returns the gate's reason and layer when the gate refuses", async () => {
    expect(await executeQuery("SELECT * FROM users", { url: db.url })).toMatchObject({ ok: false, kind: "rejected", layer: "tables" });
  });

  it("refuses a remote database rather than running without the read-only guarantees", async () => {
    await expect(executeQuery("SELECT 1 AS x", { url: "libsql://example.turso.io" })).rejects.toMatchObject({ code: "unavailable:analytics" });
  });
});

describe("the function policy", () => {
  it("has reviewed every function this libSQL build exposes", async () => {
    const result = await db.database.$client.execute("SELECT DISTINCT name FROM pragma_function_list ORDER BY name");
    const unreviewed = result.rows.map((row) => String(row[0])).filter((name) => !isReviewedFunction(name));
    expect(unreviewed).toEqual([]);
  });
});
