import { describe, expect, it } from "vitest";
import { addLocalDays, DEFAULT_CADENCE_DAYS, nextTouchAt, resolveCadence } from "./cadence";
import { DEFAULT_RULES } from "./rules";
import { resolveTimeZone } from "./timezone";
import { sendCalendar } from "./window";

const berlin = sendCalendar(resolveTimeZone({ country: "DE" }, "UTC"), DEFAULT_RULES);
const newYork = sendCalendar(resolveTimeZone({ country: "US" }, "UTC"), DEFAULT_RULES);
const iso = (d: Date | number) => new Date(d).toISOString();

describe("the cadence", () => {
  it("a plan that says nothing gets the coach plan's defaults: six touches at 0, 4, 7, 7, 7, 7 days", () => {
    expect(resolveCadence()).toEqual({ touches: 6, gapDays: [0, 4, 7, 7, 7, 7] });
    expect(DEFAULT_CADENCE_DAYS).toEqual([0, 4, 7, 7, 7, 7]);
  });

  it("a plan's gaps are clamped to 0–60 days and its touches to 1–6; missing gaps keep the defaults", () => {
    expect(resolveCadence({ cadenceDays: [-3, 90, 2.6], touches: 9 })).toEqual({ touches: 6, gapDays: [0, 60, 3, 7, 7, 7] });
    expect(resolveCadence({ cadenceDays: [1, Number.NaN], touches: 2 })).toEqual({ touches: 2, gapDays: [1, 4] });
    expect(resolveCadence({ touches: 0 })).toEqual({ touches: 1, gapDays: [0] });
  });

  it("a touch sent Friday 10:00 in Berlin has its next touch, 4 days on, at Tuesday 10:00 local across the spring change", () => {
    const friday = new Date("2026-03-27T09:00:00Z"); // 10:00 CET
    const next = nextTouchAt(berlin, friday, 4);
    expect(iso(next)).toBe("2026-03-31T08:00:00.000Z"); // 10:00 CEST: 95 hours later, not 96
  });

  it("a next touch that falls on Good Friday waits past Easter Monday to Tuesday 09:00", () => {
    expect(iso(nextTouchAt(berlin, new Date("2026-03-27T09:00:00Z"), 7))).toBe("2026-04-07T07:00:00.000Z");
  });

  it("a next touch that falls on a weekend goes at Monday's opening; one in the evening goes next morning", () => {
    expect(iso(nextTouchAt(newYork, new Date("2026-10-28T19:00:00Z"), 4))).toBe("2026-11-02T14:00:00.000Z"); // Wed 15:00 EDT + 4 = Sun → Mon 09:00 EST
    expect(iso(nextTouchAt(newYork, new Date("2026-06-01T21:30:00Z"), 1))).toBe("2026-06-03T13:00:00.000Z"); // Mon 17:30 → Tue 17:30 closed → Wed 09:00
  });

  it("adding local days keeps the wall time across New York's autumn change", () => {
    const before = Date.parse("2026-10-30T13:15:00Z"); // Friday 09:15 EDT
    expect(iso(addLocalDays("America/New_York", before, 3))).toBe("2026-11-02T14:15:00.000Z"); // Monday 09:15 EST
    expect(iso(addLocalDays("America/New_York", before, 0))).toBe(iso(before));
  });
});
