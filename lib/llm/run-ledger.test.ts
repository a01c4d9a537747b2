import { describe, expect, it } from "vitest";
import { RunLedger } from "./run-ledger";

describe("RunLedger", () => {
  it("an earlier call is checked without a later call's reservation, a later one with both", () => {
    const ledger = new RunLedger();
    const first = ledger.reserve("r1", 100);
    const second = ledger.reserve("r1", 50);
    ledger.reserve("r2", 999);
    expect(ledger.upTo("r1", first)).toBe(100);
    expect(ledger.upTo("r1", second)).toBe(150);
  });

  it("a settled call is forgotten unless its spend could not be recorded", () => {
    const ledger = new RunLedger();
    const a = ledger.reserve("r1", 100);
    const b = ledger.reserve("r1", 100);
    ledger.settle("r1", a, 0);
    ledger.settle("r1", b, 40);
    expect(ledger.upTo("r1", ledger.reserve("r1", 1))).toBe(41);
  });
});
