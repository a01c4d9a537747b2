import { describe, expect, it } from "vitest";
import { everyDay, seriesOf, shortTick, valueOf } from "./series";

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
