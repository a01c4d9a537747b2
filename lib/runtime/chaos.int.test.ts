import { describe, expect, it } from "vitest";
import { describeReport, runChaos } from "./chaos";

/** A smaller round of `npm run chaos:runtime`: the same module, two kill -9 cycles. */
describe("the runtime under kill -9", () => {
  it("a console killed twice mid-flight leaves no busy thread, no running run, and every draft decidable, and each approved message sent once", { timeout: 120_000 }, async () => {
    const report = await runChaos({ cycles: 2, runsPerCycle: 10 });
    const summary = describeReport(report).join("\n");
    // The kills landed while runs were inside the runtime, and something was drafted and decided.
    expect(report.cycles.reduce((n, c) => n + c.recovered.failed, 0), summary).toBeGreaterThan(0);
    expect(report.drafts, summary).toBeGreaterThan(0);
    expect(report.invariants.filter((i) => !i.ok), summary).toEqual([]);
    expect(report.invariants.map((i) => i.name)).toHaveLength(10);
  });
});
