import { describe, expect, it } from "vitest";
import { z } from "zod";
import { backoffDelay, bindHandlers } from "./kind";

const backoff = { baseMs: 1_000, maxMs: 10_000 };

describe("backoffDelay", () => {
  it("a retried job waits twice as long after each failed attempt, between half and all of the step", () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, backoff, () => 0))).toEqual([500, 1_000, 2_000, 4_000]);
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, backoff, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it("a job that keeps failing never waits longer than the cap", () => {
    expect(backoffDelay(30, backoff, () => 1)).toBe(10_000);
    expect(backoffDelay(30, backoff, () => 0)).toBe(5_000);
  });
});

describe("bindHandlers", () => {
  it("each kind keeps its policy and gets its own handler", async () => {
    const specs = { ping: { payload: z.object({ n: z.number() }), maxAttempts: 2, leaseMs: 100, backoff } };
    const seen: number[] = [];
    const kinds = bindHandlers(specs, { ping: async ({ n }) => void seen.push(n) });
    expect(kinds.ping).toMatchObject({ maxAttempts: 2, leaseMs: 100 });
    await kinds.ping.handle({ n: 7 }, {} as Parameters<typeof kinds.ping.handle>[1]);
    expect(seen).toEqual([7]);
  });
});
