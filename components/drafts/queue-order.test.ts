import { describe, expect, it } from "vitest";
import { groupByTouch, nextAfter } from "./queue-order";

const rows = [1, 2, 3, 4, 5].map((id) => ({ id, waiting: id !== 4 }));
const waiting = (r: { waiting: boolean }) => r.waiting;

describe("where the queue goes after a decision", () => {
  it("a rep deciding the third draft lands on the next waiting one below it, not on the first", () => {
    expect(nextAfter(rows, 3, (r) => waiting(r) && r.id !== 3)?.id).toBe(5);
  });

  it("a rep deciding the last waiting draft at the bottom goes to the nearest one above it", () => {
    expect(nextAfter(rows, 5, (r) => waiting(r) && r.id !== 5)?.id).toBe(3);
  });

  it("a rep who decided the only waiting draft stays where they are", () => {
    expect(nextAfter([{ id: 7, waiting: true }], 7, (r) => r.id !== 7)).toBeNull();
  });

  it("a decision on a draft no longer in the list starts from the first waiting one", () => {
    expect(nextAfter(rows, 99, waiting)?.id).toBe(1);
  });
});

describe("how the queue groups campaign touches", () => {
  const row = (id: number, campaignId: number | null, step: number | null, campaignName: string | null = campaignId ? `C${campaignId}` : null) => ({ id, campaignId, campaignName, step });

  it("a rep sees each campaign's touches under one 'Campaign · Touch N' header, in the order of each group's newest draft", () => {
    const groups = groupByTouch([row(1, 7, 1), row(2, null, null), row(3, 7, 2), row(4, 7, 1), row(5, 8, 1), row(6, null, null)]);
    expect(groups.map((g) => [g.label, g.rows.map((r) => r.id)])).toEqual([
      ["C7 · Touch 1", [1, 4]],
      [null, [2, 6]],
      ["C7 · Touch 2", [3]],
      ["C8 · Touch 1", [5]],
    ]);
  });

  it("a rep walking the grouped queue moves through it in the order it is shown", () => {
    const shown = groupByTouch([row(1, 7, 1), row(2, 8, 1), row(3, 7, 1)]).flatMap((g) => g.rows);
    expect(shown.map((r) => r.id)).toEqual([1, 3, 2]);
    expect(nextAfter(shown, 3, (r) => r.id !== 3)?.id).toBe(2);
  });
});
