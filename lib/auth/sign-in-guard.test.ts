import { describe, expect, it } from "vitest";
import { createSignInGuard } from "./sign-in-guard";

const limits = { accountFailures: 3, accountWindowMs: 60_000, clientAttempts: 5, clientWindowMs: 10_000 };

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("the sign-in guard", () => {
  it("an attacker guessing one account from a new address each time is locked out, and so is the right password, until the window ends", () => {
    const c = clock();
    const guard = createSignInGuard(limits, c.now);
    for (let i = 0; i < 3; i++) {
      expect(guard.admit("Rep@demo.local", `198.51.100.${i}`).allowed).toBe(true);
      guard.failed("Rep@demo.local");
    }
    expect(guard.admit("rep@demo.local", "203.0.113.1")).toMatchObject({ allowed: false, reason: "account", retryAfterSeconds: 60 });
    c.advance(60_000);
    expect(guard.admit("rep@demo.local", "203.0.113.1").allowed).toBe(true);
  });

  it("a success clears an account's failures", () => {
    const guard = createSignInGuard(limits, clock().now);
    guard.failed("rep@demo.local");
    guard.failed("rep@demo.local");
    guard.succeeded("rep@demo.local");
    guard.failed("rep@demo.local");
    expect(guard.admit("rep@demo.local", "a").allowed).toBe(true);
  });

  it("one address trying many accounts is limited per window", () => {
    const c = clock();
    const guard = createSignInGuard(limits, c.now);
    for (let i = 0; i < 5; i++) expect(guard.admit(`user${i}@demo.local`, "203.0.113.5").allowed).toBe(true);
    expect(guard.admit("another@demo.local", "203.0.113.5")).toMatchObject({ allowed: false, reason: "client" });
    expect(guard.admit("another@demo.local", "203.0.113.6").allowed).toBe(true);
    c.advance(10_000);
    expect(guard.admit("another@demo.local", "203.0.113.5").allowed).toBe(true);
  });
});
