/** How long one read of the admin toggle is trusted: a flip takes effect within this time. */
export const KILL_SWITCH_TTL_MS = 1_000;

export type KillSwitchReader = {
  /** Whether the admin toggle is on, read at most once per TTL. */
  isOn(): Promise<boolean>;
  /** The last value read, for status displays that cannot wait on the database. */
  lastKnown(): boolean;
};

/**
 * Caches the admin toggle so a busy graph does not read `settings` on every call. Concurrent
 * callers share one read. A failed read keeps the last known value (logged): an unreadable
 * settings table should neither silently stop every call nor silently undo an admin's stop.
 */
export function cachedKillSwitch(
  read: () => Promise<boolean>,
  now: () => number,
  log: (message: string, error?: unknown) => void,
): KillSwitchReader {
  let value = false;
  let readAt = Number.NEGATIVE_INFINITY;
  let pending: Promise<boolean> | null = null;

  async function refresh(): Promise<boolean> {
    // The value is as old as the moment the read began: timing it from the answer would let a
    // slow read stretch the one-second promise by however long it took.
    const startedAt = now();
    try {
      value = await read();
    } catch (e) {
      log("could not read the kill switch setting; keeping the last known value", e);
    } finally {
      readAt = startedAt;
      pending = null;
    }
    return value;
  }

  return {
    isOn() {
      if (now() - readAt < KILL_SWITCH_TTL_MS) return Promise.resolve(value);
      pending ??= refresh();
      return pending;
    },
    lastKnown: () => value,
  };
}
