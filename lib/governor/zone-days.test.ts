import { describe, expect, it } from "vitest";
import { dayOfIsoDate, instantOf, wallTimeAt, weekdayOf, zoneDay, zoneDayAt } from "./zone-days";

const H = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe("local days of a time zone", () => {
  it("the governor sees Berlin's spring-forward Sunday as 23 hours and its fall-back Sunday as 25", () => {
    const spring = zoneDay("Europe/Berlin", dayOfIsoDate("2026-03-29"));
    expect(iso(spring.start)).toBe("2026-03-28T23:00:00.000Z");
    expect(spring.end - spring.start).toBe(23 * H);
    const autumn = zoneDay("Europe/Berlin", dayOfIsoDate("2026-10-25"));
    expect(autumn.end - autumn.start).toBe(25 * H);
    expect(weekdayOf(spring.day)).toBe(7);
  });

  it("09:00 in New York is 14:00 UTC before its spring change and 13:00 UTC after it", () => {
    expect(iso(instantOf("America/New_York", dayOfIsoDate("2026-03-06"), 9 * H))).toBe("2026-03-06T14:00:00.000Z");
    expect(iso(instantOf("America/New_York", dayOfIsoDate("2026-03-09"), 9 * H))).toBe("2026-03-09T13:00:00.000Z");
    expect(iso(instantOf("America/New_York", dayOfIsoDate("2026-11-02"), 9 * H))).toBe("2026-11-02T14:00:00.000Z");
  });

  it("a wall time skipped by spring-forward moves forward by the gap, in Berlin and in New York", () => {
    // 02:30 does not exist on these days; a wall clock would read 03:30 at that moment.
    expect(iso(instantOf("Europe/Berlin", dayOfIsoDate("2026-03-29"), 2.5 * H))).toBe("2026-03-29T01:30:00.000Z");
    expect(iso(instantOf("America/New_York", dayOfIsoDate("2026-03-08"), 2.5 * H))).toBe("2026-03-08T07:30:00.000Z");
  });

  it("a wall time that happens twice on fall-back day means its first occurrence", () => {
    expect(iso(instantOf("Europe/Berlin", dayOfIsoDate("2026-10-25"), 2.5 * H))).toBe("2026-10-25T00:30:00.000Z");
    expect(iso(instantOf("America/New_York", dayOfIsoDate("2026-11-01"), 1.5 * H))).toBe("2026-11-01T05:30:00.000Z");
  });

  it("an instant maps back to its local day and wall time, also on a DST day", () => {
    const at = Date.parse("2026-03-29T10:15:00Z"); // 12:15 CEST
    expect(zoneDayAt("Europe/Berlin", at).day).toBe(dayOfIsoDate("2026-03-29"));
    expect(wallTimeAt("Europe/Berlin", at)).toBe(12.25 * H);
    // 23:30 UTC on 2 March is already 3 March in Tokyo and still 2 March in Los Angeles.
    expect(zoneDayAt("Asia/Tokyo", Date.parse("2026-03-02T23:30:00Z")).day).toBe(dayOfIsoDate("2026-03-03"));
    expect(zoneDayAt("America/Los_Angeles", Date.parse("2026-03-02T23:30:00Z")).day).toBe(dayOfIsoDate("2026-03-02"));
  });

  it("a zone nobody has heard of is refused by name", () => {
    expect(() => zoneDay("Mars/Olympus_Mons", 0)).toThrow(/Mars\/Olympus_Mons/);
  });
});
