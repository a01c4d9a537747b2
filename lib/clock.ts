/**
 * The one source of "now" for scheduling decisions. Modules take a `Clock` parameter whose
 * default is `systemClock`; tests pass a `createTestClock(...)` and move it by days without
 * sleeping. There is no process-wide switch to flip: whoever builds the object graph (a service,
 * the job runner, a test) decides which clock it hands down.
 *
 * `now` is a property holding a function, never a method that reads `this`, so `clock.now` can be
 * passed on its own where older code takes a `now: () => Date` (lib/jobs: `now: clock.now`).
 */
export type Clock = {
  /** A fresh Date each call: callers may mutate it without moving the clock. */
  readonly now: () => Date;
};

export const systemClock: Clock = Object.freeze({ now: () => new Date() });

export type TestClock = Clock & {
  /** Moves the clock forward (or back, with a negative number) and returns the new time. */
  readonly advance: (ms: number) => Date;
  readonly set: (at: Date | string | number) => Date;
};

/** Milliseconds in a day of 24 hours (not a calendar day: across DST a local day has 23 or 25). */
export const DAY_MS = 86_400_000;

function toEpochMs(at: Date | string | number, what: string): number {
  const ms = at instanceof Date ? at.getTime() : typeof at === "number" ? at : Date.parse(at);
  if (!Number.isFinite(ms)) throw new RangeError(`${what}: not a valid time: ${String(at)}`);
  return ms;
}

/** A clock that stands still until told to move. */
export function createTestClock(start: Date | string | number): TestClock {
  let current = toEpochMs(start, "createTestClock");
  return Object.freeze({
    now: () => new Date(current),
    advance: (ms: number) => {
      if (!Number.isFinite(ms)) throw new RangeError(`advance: not a number of milliseconds: ${ms}`);
      current += ms;
      return new Date(current);
    },
    set: (at: Date | string | number) => {
      current = toEpochMs(at, "set");
      return new Date(current);
    },
  });
}
