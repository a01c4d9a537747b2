import { describe, expect, it } from "vitest";
import { createTestClock, DAY_MS, systemClock } from "./clock";

describe("the clock", () => {
  it("a test clock stands still until the test moves it by days, without sleeping", () => {
    const clock = createTestClock("2026-03-06T16:00:00Z");
    expect(clock.now().toISOString()).toBe("2026-03-06T16:00:00.000Z");
    expect(clock.now().toISOString()).toBe("2026-03-06T16:00:00.000Z");
    expect(clock.advance(30 * DAY_MS).toISOString()).toBe("2026-04-05T16:00:00.000Z");
    expect(clock.now().toISOString()).toBe("2026-04-05T16:00:00.000Z");
    clock.set(new Date("2027-01-01T00:00:00Z"));
    expect(clock.now().toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });

  it("a caller that mutates the Date it was given does not move the clock", () => {
    const clock = createTestClock(Date.UTC(2026, 0, 1));
    clock.now().setUTCFullYear(1999);
    expect(clock.now().getUTCFullYear()).toBe(2026);
  });

  it("a module that takes only now() can be handed clock.now on its own", () => {
    const clock = createTestClock("2026-01-01T00:00:00Z");
    const now: () => Date = clock.now;
    clock.advance(DAY_MS);
    expect(now().toISOString()).toBe("2026-01-02T00:00:00.000Z");
    const system: () => Date = systemClock.now;
    expect(Math.abs(system().getTime() - Date.now())).toBeLessThan(5_000);
  });

  it("a test that builds a clock from a bad time or moves it by NaN is told at once", () => {
    expect(() => createTestClock("not a date")).toThrow(/not a valid time/);
    expect(() => createTestClock("2026-01-01T00:00:00Z").advance(Number.NaN)).toThrow(/advance/);
  });
});
