import { describe, expect, it } from "vitest";
import { Prng } from "./prng";

describe("Prng", () => {
  it("repeats the same sequence for the same seed", () => {
    const a = new Prng(42);
    const b = new Prng(42);
    expect(Array.from({ length: 50 }, () => a.next())).toEqual(Array.from({ length: 50 }, () => b.next()));
  });

  it("differs for another seed", () => {
    expect(new Prng(1).next()).not.toBe(new Prng(2).next());
  });

  it("keeps int() inside its inclusive bounds and reaches both ends", () => {
    const prng = new Prng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) {
      const n = prng.int(3, 8);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(8);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it("picks by weight", () => {
    const prng = new Prng(9);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++) if (prng.weighted([["a", 9], ["b", 1]] as const) === "a") heavy++;
    expect(heavy / 10_000).toBeGreaterThan(0.87);
    expect(heavy / 10_000).toBeLessThan(0.93);
  });
});
