import { describe, expect, it } from "vitest";
import { nextAfter } from "./queue-order";

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
