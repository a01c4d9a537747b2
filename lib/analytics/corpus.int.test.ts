import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runReadOnly } from "@/db/read-only/pool";
import { HOSTILE, LEGIT } from "./testing/corpus";
import { executeQuery } from "./executor";
import { seededAnalyticsDatabase } from "./testing";

let db: Awaited<ReturnType<typeof seededAnalyticsDatabase>>;

async function fingerprint(): Promise<unknown[]> {
  const result = await db.database.$client.execute(
    `SELECT (SELECT count(*) FROM contacts), (SELECT count(*) FROM emails), (SELECT sum(do_not_contact) FROM contacts),
       (SELECT group_concat(name) FROM sqlite_master)`,
  );
  const row = result.rows[0]!;
  return result.columns.map((_, i) => row[i]);
}

const sorted = (rows: unknown[][]) => rows.map((row) => JSON.stringify(row)).sort();

beforeAll(async () => {
  db = await seededAnalyticsDatabase("analytics-corpus");
});
afterAll(() => db.cleanup());

describe("the corpus on a seeded database", () => {
  it("runs every legitimate query, and its normalised form returns what the query as written returns", async () => {
    for (const c of LEGIT) {
      const result = await executeQuery(c.sql, { url: db.url });
      expect(result.ok, `${c.sql}\n${JSON.stringify(result)}`).toBe(true);
      if (!result.ok) continue;
      const direct = await db.database.$client.execute(c.sql);
      const rows = direct.rows.map((row) => direct.columns.map((_, i) => row[i]));
      if (rows.length > 50) {
        expect(result.truncated, c.sql).toBe(true);
        expect(result.rows.length).toBe(50);
      } else {
        expect(result.truncated, c.sql).toBe(false);
        expect(sorted(result.rows), c.sql).toEqual(sorted(rows));
      }
    }
  });

  it("rejects every hostile statement end to end and changes nothing", async () => {
    const before = await fingerprint();
    for (const c of HOSTILE) {
      const result = await executeQuery(c.sql, { url: db.url });
      expect(result, c.sql).toMatchObject({ ok: false, kind: "rejected", layer: c.layer });
    }
    expect(await fingerprint()).toEqual(before);
  });

  it("changes nothing and creates no file even when every hostile statement skips the gate", async () => {
    const before = await fingerprint();
    const files = readdirSync(db.dir).sort();
    for (const c of HOSTILE) {
      const result = await runReadOnly(db.url, c.sql, { timeoutMs: 1_000 });
      // Reads of forbidden tables can succeed here: keeping them out is the gate's job.
      if (result.ok) expect(c.layer, c.sql).not.toBe("statement");
    }
    expect(await fingerprint()).toEqual(before);
    expect(readdirSync(db.dir).sort()).toEqual(files);
  });
});
