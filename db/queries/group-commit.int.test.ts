import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDatabase } from "../testing";
import { groupedWrite } from "./group-commit";

let t: Awaited<ReturnType<typeof tempDatabase>>;

beforeAll(async () => {
  t = await tempDatabase("group-commit");
  await t.database.$client.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE, done INTEGER NOT NULL DEFAULT 0)");
});
afterAll(() => t.cleanup());

const labels = async () => (await t.database.$client.execute("SELECT label FROM notes ORDER BY label")).rows.map((r) => r.label);

describe("groupedWrite", () => {
  it("gives each of several concurrent callers the results of its own statements", async () => {
    const [a, b, c] = await Promise.all([
      groupedWrite(t.database, [{ sql: "INSERT INTO notes (label) VALUES (?)", args: ["a1"] }, { sql: "INSERT INTO notes (label) VALUES (?)", args: ["a2"] }]),
      groupedWrite(t.database, [{ sql: "UPDATE notes SET done = 1 WHERE label IN ('a1', 'a2')", args: [] }]),
      groupedWrite(t.database, [{ sql: "UPDATE notes SET done = 1 WHERE label = 'nobody'", args: [] }]),
    ]);
    expect(a!.map((r) => r.rowsAffected)).toEqual([1, 1]);
    expect(b!.map((r) => r.rowsAffected)).toEqual([2]);
    expect(c!.map((r) => r.rowsAffected)).toEqual([0]);
    expect(await labels()).toEqual(["a1", "a2"]);
  });

  it("lets a caller's statement test changes() of the caller's own statement before it, even beside other callers", async () => {
    const guarded = (label: string) => ({ sql: "INSERT INTO notes (label) SELECT ? WHERE changes() = 1", args: [label] });
    await Promise.all([
      groupedWrite(t.database, [{ sql: "INSERT INTO notes (label) VALUES ('b1')", args: [] }]),
      groupedWrite(t.database, [{ sql: "UPDATE notes SET done = 2 WHERE label = 'nobody'", args: [] }, guarded("after-nothing")]),
      groupedWrite(t.database, [{ sql: "UPDATE notes SET done = 2 WHERE label = 'b1'", args: [] }, guarded("after-b1")]),
    ]);
    expect(await labels()).toContain("after-b1");
    expect(await labels()).not.toContain("after-nothing");
  });

  it("refuses only the caller whose statement fails, writes none of that caller's statements, and writes everyone else's", async () => {
    const results = await Promise.allSettled([
      groupedWrite(t.database, [{ sql: "INSERT INTO notes (label) VALUES ('c1')", args: [] }]),
      groupedWrite(t.database, [{ sql: "INSERT INTO notes (label) VALUES ('c2')", args: [] }, { sql: "INSERT INTO notes (label) VALUES ('a1')", args: [] }]),
      groupedWrite(t.database, [{ sql: "INSERT INTO notes (label) VALUES ('c3')", args: [] }]),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    const written = await labels();
    expect(written).toEqual(expect.arrayContaining(["c1", "c3"]));
    expect(written).not.toContain("c2");
  });
});
