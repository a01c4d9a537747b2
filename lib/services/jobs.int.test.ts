import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownEnvironment } from "@/db/testing";

// This file owns its process's environment: a fresh database and no job runner.
const testEnv = ownEnvironment("jobs-service", { DEMO_MODE: "false" });

const { db } = await import("@/db/client");
const { applyMigrations } = await import("@/db/migrate");
const { listJobsFor, parseJobListQuery, retryJobFor } = await import("./jobs");

const admin = { id: "usr_admin", name: "Ada Admin", email: "admin@demo.local", role: "admin" as const };
const rep = { id: "usr_rep", name: "Riley Rep", email: "rep@demo.local", role: "rep" as const };
const operator = { id: "usr_op", name: "Olly Operator", email: "operator@demo.local", role: "operator" as const };

async function insertJob(status: string, dedupeKey: string | null = null): Promise<number> {
  const [row] = await db().all<{ id: number }>(sql`
    INSERT INTO jobs (kind, payload, status, run_at, attempts, max_attempts, last_error, dedupe_key)
    VALUES ('memory_reflect', '{"contactId":1,"emailId":2}', ${status}, ${Date.now()}, 3, 3, 'model timed out', ${dedupeKey}) RETURNING id`);
  return row!.id;
}

beforeAll(async () => {
  await applyMigrations(db());
});
afterAll(() => {
  db().$client.close();
  testEnv.removeDir();
});

describe("the jobs service", () => {
  it("a rep or an operator can neither list nor retry jobs", async () => {
    const id = await insertJob("dead");
    for (const user of [rep, operator]) {
      await expect(listJobsFor(user, {})).rejects.toMatchObject({ status: 403, code: "forbidden:admin" });
      await expect(retryJobFor(user, id)).rejects.toMatchObject({ status: 403 });
    }
    expect((await db().all<{ status: string }>(sql`SELECT status FROM jobs WHERE id = ${id}`))[0]).toEqual({ status: "dead" });
  });

  it("an admin lists open jobs by state and kind, with counts, and never sees done ones", async () => {
    const dead = await insertJob("dead");
    const done = await insertJob("done");
    const all = await listJobsFor(admin, {});
    expect(all.rows.map((r) => r.id)).toContain(dead);
    expect(all.rows.map((r) => r.id)).not.toContain(done);
    expect(all.counts).toContainEqual({ kind: "memory_reflect", status: "dead", n: expect.any(Number) });
    expect((await listJobsFor(admin, { status: "queued" })).rows.map((r) => r.id)).not.toContain(dead);
    expect((await listJobsFor(admin, { kind: "outbox_deliver" })).rows).toEqual([]);
  });

  it("a bad filter is a 400 naming the parameter", () => {
    expect(() => parseJobListQuery({ status: "done" })).toThrow(expect.objectContaining({ status: 400, field: "status" }));
    expect(() => parseJobListQuery({ kind: "no_such_kind" })).toThrow(expect.objectContaining({ status: 400, field: "kind" }));
  });

  it("an admin retries a dead job; an unknown job is 404, a done one 409, and a second live job for the same key is refused", async () => {
    const dead = await insertJob("dead", "memory_reflect:2");
    expect(await retryJobFor(admin, dead)).toEqual({ id: dead, status: "queued" });
    expect((await db().all(sql`SELECT status, attempts FROM jobs WHERE id = ${dead}`))[0]).toEqual({ status: "queued", attempts: 0 });
    await expect(retryJobFor(admin, 999_999)).rejects.toMatchObject({ status: 404 });
    await expect(retryJobFor(admin, await insertJob("done"))).rejects.toMatchObject({ status: 409 });
    const twin = await insertJob("dead", "memory_reflect:2");
    await expect(retryJobFor(admin, twin)).rejects.toMatchObject({ status: 409, message: "Another job for the same work is already waiting." });
  });
});
