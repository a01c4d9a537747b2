import { describe, expect, it } from "vitest";
import { everyDay, seriesOf, shortTick, valueOf, wholeNumbers } from "./series";

describe("chart series", () => {
  it("a chart without series plots each row's value under the chart's name", () => {
    expect(seriesOf(undefined, "Spend per day")).toEqual([{ key: "value", label: "Spend per day" }]);
    expect(seriesOf([], "Funnel")).toEqual([{ key: "value", label: "Funnel" }]);
    expect(seriesOf([{ key: "saas", label: "SaaS" }], "Funnel")).toEqual([{ key: "saas", label: "SaaS" }]);
  });

  it("a missing or non-numeric value is a gap, not a zero", () => {
    expect(valueOf({ key: "a", saas: 3 }, "saas")).toBe(3);
    expect(valueOf({ key: "a" }, "saas")).toBeNull();
    expect(valueOf({ key: "a", saas: "3" }, "saas")).toBeNull();
    expect(valueOf({ key: "a", saas: Number.NaN }, "saas")).toBeNull();
  });

  it("a long category is cut with an ellipsis for its tick", () => {
    expect(shortTick("inbound_classify")).toBe("inbound_class…");
    expect(shortTick("manufacturing")).toBe("manufacturing");
  });

  it("an admin's spend per day has every day of the window, zero on days with no calls, across a month end", () => {
    expect(everyDay([{ key: "2026-11-30", value: 2 }, { key: "2026-12-02", value: 0.5 }, { key: "2026-10-01", value: 9 }], 4, "2026-12-02")).toEqual([
      { key: "2026-11-29", value: 0 },
      { key: "2026-11-30", value: 2 },
      { key: "2026-12-01", value: 0 },
      { key: "2026-12-02", value: 0.5 },
    ]);
  });
});

describe("the value axis", () => {
  it("a chart of counts ticks whole numbers (no 0.75 replies); one with a fraction anywhere keeps decimals; gaps do not count", () => {
    const series = [{ key: "value", label: "Replies" }];
    expect(wholeNumbers([{ key: "a", value: 1 }, { key: "b", value: 3 }, { key: "c", value: null }], series)).toBe(true);
    expect(wholeNumbers([{ key: "a", value: 1 }, { key: "b", value: 0.5 }], series)).toBe(false);
  });
});
