/**
 * Limits on signing in, kept in this process's memory: per account (failed attempts, whichever
 * address they come from) and per client address (every attempt). A locked account stays locked
 * for the rest of its window even for the right password, so guessing from many addresses gains
 * nothing. With several console processes each keeps its own counts (each limit then applies per
 * process); the per-account limit still caps guesses at limit × processes per window.
 */
export type SignInLimits = {
  /** Failed sign-ins one account may take per window before it is locked for the rest of it. */
  accountFailures: number;
  accountWindowMs: number;
  /** Sign-in attempts one client address may make per window. */
  clientAttempts: number;
  clientWindowMs: number;
};

export const SIGN_IN_LIMITS: SignInLimits = {
  accountFailures: 10,
  accountWindowMs: 15 * 60_000,
  clientAttempts: 20,
  clientWindowMs: 60_000,
};

/** Most keys either table keeps; past it the oldest windows are forgotten first. */
const MAX_KEYS = 20_000;

export type GuardVerdict = { allowed: true } | { allowed: false; reason: "account" | "client"; retryAfterSeconds: number };

type Window = { startedAt: number; count: number };

class WindowCounter {
  private readonly windows = new Map<string, Window>();
  constructor(private readonly windowMs: number) {}

  count(key: string, now: number): number {
    const w = this.windows.get(key);
    return w && now - w.startedAt < this.windowMs ? w.count : 0;
  }

  retryAfter(key: string, now: number): number {
    const w = this.windows.get(key);
    return w ? Math.max(1, Math.ceil((w.startedAt + this.windowMs - now) / 1000)) : 1;
  }

  add(key: string, now: number): void {
    const w = this.windows.get(key);
    if (w && now - w.startedAt < this.windowMs) {
      w.count++;
      return;
    }
    this.windows.delete(key);
    this.windows.set(key, { startedAt: now, count: 1 });
    // Maps keep insertion order, so the first keys are the oldest windows.
    while (this.windows.size > MAX_KEYS) this.windows.delete(this.windows.keys().next().value!);
  }

  clear(key: string): void {
    this.windows.delete(key);
  }
}

const accountKey = (email: string) => email.trim().toLowerCase();

/** A sign-in guard; `now` is injected so tests move time without waiting. */
export function createSignInGuard(limits: SignInLimits = SIGN_IN_LIMITS, now: () => number = Date.now) {
  const failures = new WindowCounter(limits.accountWindowMs);
  const attempts = new WindowCounter(limits.clientWindowMs);
  return {
    /** Whether this attempt may be checked at all; counts it against the client. */
    admit(email: string, client: string): GuardVerdict {
      const t = now();
      const account = accountKey(email);
      if (failures.count(account, t) >= limits.accountFailures) return { allowed: false, reason: "account", retryAfterSeconds: failures.retryAfter(account, t) };
      if (attempts.count(client, t) >= limits.clientAttempts) return { allowed: false, reason: "client", retryAfterSeconds: attempts.retryAfter(client, t) };
      attempts.add(client, t);
      return { allowed: true };
    },
    failed(email: string): void {
      failures.add(accountKey(email), now());
    },
    succeeded(email: string): void {
      failures.clear(accountKey(email));
    },
  };
}

export type SignInGuard = ReturnType<typeof createSignInGuard>;
