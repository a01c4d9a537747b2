import { describe, expect, it } from "vitest";
import { DEFAULT_RULES, resolveGovernorRules } from "./rules";
import { resolveTimeZone, type Place } from "./timezone";
import { nextOpening, sendCalendar, windowStatusAt } from "./window";
import { wallTimeAt, weekdayOf, zoneDayAt } from "./zone-days";

const cal = (place: Place, rules = DEFAULT_RULES) => sendCalendar(resolveTimeZone(place, "UTC"), rules);
const opening = (place: Place, at: string, rules = DEFAULT_RULES) => nextOpening(cal(place, rules), Date.parse(at));
const iso = (ms: number) => new Date(ms).toISOString();

describe("the send window", () => {
  it("a Friday-evening send to Berlin waits for Monday 09:00 local, which is an hour earlier in UTC once DST began that Sunday", () => {
    // Friday 27 March 2026 18:00 CET; clocks go forward on Sunday the 29th.
    expect(iso(opening({ country: "DE" }, "2026-03-27T17:00:00Z").at)).toBe("2026-03-30T07:00:00.000Z");
    // The Friday before, the same wait ended at 08:00 UTC (still CET).
    expect(iso(opening({ country: "DE" }, "2026-03-20T17:00:00Z").at)).toBe("2026-03-23T08:00:00.000Z");
  });

  it("a Friday-evening send to New York waits for Monday 09:00 local across both DST changes", () => {
    expect(iso(opening({ country: "US" }, "2026-03-06T22:30:00Z").at)).toBe("2026-03-09T13:00:00.000Z"); // EST → EDT
    expect(iso(opening({ country: "US" }, "2026-10-30T22:00:00Z").at)).toBe("2026-11-02T14:00:00.000Z"); // EDT → EST
  });

  it("Berlin's window after the autumn change opens at 09:00 CET, 08:00 UTC", () => {
    expect(iso(opening({ country: "DE" }, "2026-10-23T16:00:00Z").at)).toBe("2026-10-26T08:00:00.000Z");
  });

  it("a contact in Tokyo is written to in Tokyo's business hours, whatever the UTC sender's day says", () => {
    // Monday 2 March 10:00 UTC is 19:00 in Tokyo: closed until Tuesday 09:00 JST = Monday 24:00 UTC.
    expect(windowStatusAt(cal({ country: "JP" }), Date.parse("2026-03-02T10:00:00Z"))).toEqual({ kind: "after_hours" });
    expect(iso(opening({ country: "JP" }, "2026-03-02T10:00:00Z").at)).toBe("2026-03-03T00:00:00.000Z");
    // Sunday 1 March 23:30 UTC is Monday 08:30 in Tokyo: before hours, opens half an hour later.
    expect(iso(opening({ country: "JP" }, "2026-03-01T23:30:00Z").at)).toBe("2026-03-02T00:00:00.000Z");
  });

  it("an instant inside the window is its own opening", () => {
    expect(iso(opening({ country: "GB" }, "2026-06-10T12:34:56Z").at)).toBe("2026-06-10T12:34:56.000Z");
    expect(windowStatusAt(cal({ country: "GB" }), Date.parse("2026-06-10T12:34:56Z"))).toEqual({ kind: "open" });
  });

  it("Christmas and Boxing Day in Germany are skipped and named", () => {
    const r = opening({ country: "DE" }, "2025-12-24T17:00:00Z"); // Wednesday 18:00; Thursday and Friday are holidays
    expect(iso(r.at)).toBe("2025-12-29T08:00:00.000Z");
    expect(r.skippedHolidays).toEqual([{ date: "2025-12-25", name: "Christmas Day" }, { date: "2025-12-26", name: "Boxing Day" }]);
    expect(windowStatusAt(cal({ country: "DE" }), Date.parse("2026-12-25T10:00:00Z"))).toEqual({ kind: "holiday", holiday: { date: "2026-12-25", name: "Christmas Day" } });
  });

  it("Thanksgiving closes the window in the US and not in Germany", () => {
    const thursday = "2026-11-26T15:00:00Z"; // 10:00 in New York, 16:00 in Berlin
    expect(windowStatusAt(cal({ country: "US" }), Date.parse(thursday)).kind).toBe("holiday");
    expect(iso(opening({ country: "US" }, thursday).at)).toBe("2026-11-27T14:00:00.000Z");
    expect(windowStatusAt(cal({ country: "DE" }), Date.parse(thursday))).toEqual({ kind: "open" });
  });

  it("a regional public holiday closes the window only in its region (Epiphany in Bavaria, not Berlin)", () => {
    const tuesday = "2026-01-06T10:00:00Z";
    expect(windowStatusAt(cal({ country: "DE", region: "DE-BY" }), Date.parse(tuesday))).toEqual({ kind: "holiday", holiday: { date: "2026-01-06", name: "Epiphany" } });
    expect(windowStatusAt(cal({ country: "DE", region: "BE" }), Date.parse(tuesday))).toEqual({ kind: "open" });
  });

  it("rules that ignore holidays send on Christmas Day; rules with other hours and days are honoured", () => {
    const none = resolveGovernorRules({ holidays: "none" });
    expect(windowStatusAt(cal({ country: "DE" }, none), Date.parse("2026-12-25T10:00:00Z"))).toEqual({ kind: "open" });
    const weekend = resolveGovernorRules({ window: { days: [6, 7], start: "10:30", end: "12:00" } });
    expect(iso(opening({ country: "GB" }, "2026-06-10T12:00:00Z", weekend).at)).toBe("2026-06-13T09:30:00.000Z");
  });

  it("a window that opens at a wall time skipped by DST opens when the clock reaches it", () => {
    const early = resolveGovernorRules({ window: { days: [1, 2, 3, 4, 5, 6, 7], start: "02:30", end: "05:00" } });
    expect(iso(opening({ country: "DE" }, "2026-03-28T22:00:00Z", early).at)).toBe("2026-03-29T01:30:00.000Z"); // 03:30 CEST
  });

  it("every opening found from 400 spread instants lies in the window, on a working non-holiday day, with nothing open before it", () => {
    const places: Place[] = [{ country: "DE" }, { country: "US", city: "San Francisco" }, { country: "JP" }, { country: "AU" }, { country: "GB" }, { country: "BR" }];
    let x = 12345;
    const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 400; i++) {
      const c = cal(places[i % places.length]!);
      const from = Date.parse("2026-01-01T00:00:00Z") + Math.floor(next() * 365 * 86_400_000);
      const { at } = nextOpening(c, from);
      expect(at).toBeGreaterThanOrEqual(from);
      expect(windowStatusAt(c, at)).toEqual({ kind: "open" });
      const zone = c.place.zone;
      expect([1, 2, 3, 4, 5]).toContain(weekdayOf(zoneDayAt(zone, at).day));
      const wall = wallTimeAt(zone, at);
      expect(wall).toBeGreaterThanOrEqual(9 * 3_600_000);
      expect(wall).toBeLessThan(17 * 3_600_000);
      for (let t = from; t < at; t += 15 * 60_000) expect(windowStatusAt(c, t).kind).not.toBe("open");
    }
  });
});
