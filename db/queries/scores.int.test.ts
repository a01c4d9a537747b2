import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDatabase } from "@/db/testing";
import { insertScoringFixture } from "@/db/queries/testing/scoring-fixture";
import { listContacts } from "./contacts";
import { upsertScores, type ContactScoreRow } from "./scores";

// The contacts list's score column, sort and tier filter, on a real SQLite file.
let env: Awaited<ReturnType<typeof tempDatabase>>;
let ids: number[] = [];
const scoreRow = (contactId: number, score: number, tier: "A" | "B" | "C" | "D"): ContactScoreRow => ({
  contactId, score, tier, terms: {}, source: "rules", confidence: 1, reason: "test", evidence: [], promptVersion: "test", model: null, runId: null, scoredAt: new Date(),
});

beforeAll(async () => {
  env = await tempDatabase("scores-list");
  // By name (last names Tester0…Tester5) they sort Flo, Ed, Di, Cy, Bo, Ada; the scores below are in another order.
  ({ contactIds: ids } = await insertScoringFixture(env.database, "list", "retail", ["Flo", "Ed", "Di", "Cy", "Bo", "Ada"].map((first) => ({ first, title: "Buyer" }))));
  const [flo, ed, di, cy] = ids as [number, number, number, number];
  // Ed and Di tie: the lower contact id ranks first.
  await upsertScores(env.database, [scoreRow(flo, 0.41, "C"), scoreRow(ed, 0.83, "A"), scoreRow(di, 0.83, "A"), scoreRow(cy, 0.65, "B")]);
}, 60_000);
afterAll(() => env.cleanup());

const page = (sort: "name" | "score", pageNo: number, pageSize: number, tier?: "A" | "B" | "C" | "D") => listContacts(env.database, { sort, page: pageNo, pageSize, tier, q: "tester" });
const names = (p: Awaited<ReturnType<typeof page>>) => p.rows.map((r) => r.firstName);

describe("the contacts list with scores", () => {
  it("a rep sorting by score sees the highest first, equal scores by ascending contact id, then the unscored by name", async () => {
    const all = await page("score", 1, 50);
    const [flo, ed, di] = ids as [number, number, number];
    expect(ed < di).toBe(true);
    expect(names(all)).toEqual(["Ed", "Di", "Cy", "Flo", "Bo", "Ada"]);
    expect(all.rows.map((r) => [r.score, r.tier])).toEqual([[0.83, "A"], [0.83, "A"], [0.65, "B"], [0.41, "C"], [null, null], [null, null]]);
    expect(all.total).toBe(6);
    expect(all.rows.find((r) => r.id === flo)).toMatchObject({ score: 0.41, tier: "C" });
  });

  it("pages sorted by score run on across the scored/unscored boundary without a gap or a repeat", async () => {
    const pages = await Promise.all([1, 2, 3].map((n) => page("score", n, 3)));
    expect(pages.map(names)).toEqual([["Ed", "Di", "Cy"], ["Flo", "Bo", "Ada"], []]);
    const pairs = await Promise.all([1, 2, 3].map((n) => page("score", n, 2)));
    expect(pairs.map(names)).toEqual([["Ed", "Di"], ["Cy", "Flo"], ["Bo", "Ada"]]);
  });

  it("the tier filter keeps only that tier, counted, in either sort; sorted by name every row still shows its score", async () => {
    const a = await page("score", 1, 50, "A");
    expect(names(a)).toEqual(["Ed", "Di"]);
    expect(a.total).toBe(2);
    expect(names(await page("name", 1, 50, "A"))).toEqual(["Ed", "Di"]);
    expect((await page("name", 1, 50, "D")).total).toBe(0);
    const byName = await page("name", 1, 50);
    expect(names(byName)).toEqual(["Flo", "Ed", "Di", "Cy", "Bo", "Ada"]);
    expect(byName.rows.map((r) => r.tier)).toEqual(["C", "A", "A", "B", null, null]);
  });

  it("a rescore replaces the contact's row and moves it in the order", async () => {
    await upsertScores(env.database, [scoreRow(ids[5]!, 0.9, "A")]);
    expect(names(await page("score", 1, 2))).toEqual(["Ada", "Ed"]);
    expect((await page("score", 1, 50, "A")).total).toBe(3);
  });
});
