import { describe, expect, it } from "vitest";
import { dailyTouches } from "./touch-series";

describe("dailyTouches", () => {
  it("a campaign's chart has every day from its first touch to today, with 0 on quiet days", () => {
    const rows = dailyTouches([{ day: "2026-12-01", sent: 4 }, { day: "2026-12-03", sent: 2 }], new Date("2026-12-04T15:00:00Z"));
    expect(rows).toEqual([
      { key: "2026-12-01", value: 4 },
      { key: "2026-12-02", value: 0 },
      { key: "2026-12-03", value: 2 },
      { key: "2026-12-04", value: 0 },
    ]);
  });

  it("keeps only the latest days when a campaign has run longer than the chart shows", () => {
    const rows = dailyTouches([{ day: "2026-01-01", sent: 1 }, { day: "2026-12-04", sent: 3 }], new Date("2026-12-04T00:00:00Z"), 7);
    expect(rows).toHaveLength(7);
    expect(rows[0]!.key).toBe("2026-11-28");
    expect(rows.at(-1)).toEqual({ key: "2026-12-04", value: 3 });
  });

  it("a campaign that never sent has no chart rows", () => {
    expect(dailyTouches([], new Date())).toEqual([]);
  });
});
