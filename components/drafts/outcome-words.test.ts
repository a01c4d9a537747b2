import { describe, expect, it } from "vitest";
import { outcomeHeadline } from "./outcome-words";

const at = new Date("2026-12-06T10:25:00Z");

describe("a decided draft's first sentence", () => {
  it("a rep reading a sent draft is told the send once, by the delivery sentence", () => {
    expect(outcomeHeadline("sent", at, true)).toBeNull();
  });

  it("a rep reading a rejected draft, or a sent one with no delivery record, gets the decision and its time", () => {
    expect(outcomeHeadline("rejected", at, false)).toMatch(/^Rejected 6 Dec 2026, 10:25/);
    expect(outcomeHeadline("sent", null, false)).toBe("Sent.");
  });
});
