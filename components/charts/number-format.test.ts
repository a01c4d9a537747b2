import { describe, expect, it } from "vitest";
import { formatTick, formatValue } from "./number-format";

describe("formatValue", () => {
  it("a count reads with thousands separators and at most two decimals", () => {
    expect(formatValue("number", 1234567)).toBe("1,234,567");
    expect(formatValue("number", 3.14159)).toBe("3.14");
    expect(formatValue(undefined, 1200)).toBe("1,200");
  });

  it("a fixed number of decimals pads and rounds, and ids and years keep no separators", () => {
    expect(formatValue({ style: "number", digits: 1 }, 7.25)).toBe("7.3");
    expect(formatValue({ style: "number", digits: 1 }, 7)).toBe("7.0");
    expect(formatValue({ style: "number", digits: 0 }, 12345.6)).toBe("12,346");
    expect(formatValue({ style: "number", digits: 0, grouping: false }, 2026)).toBe("2026");
  });

  it("a ratio and a value already in percent both read as a percentage to one decimal", () => {
    expect(formatValue("percent", 0.12345)).toBe("12.3%");
    expect(formatValue({ style: "percent", of: "hundred", digits: 1 }, 12.345)).toBe("12.3%");
    expect(formatValue({ style: "percent", of: "ratio", digits: 0 }, 0.5)).toBe("50%");
  });

  it("dollars read as the console shows them elsewhere, and a value that is not a number is a dash", () => {
    expect(formatValue("usd", 12.5)).toBe("$12.50");
    expect(formatValue("usd", 0.0123)).toBe("$0.0123");
    expect(formatValue("number", Number.NaN)).toBe("—");
  });
});

describe("formatTick", () => {
  it("an axis tick is short: compact counts, compact dollars, whole percentages", () => {
    expect(formatTick("number", 12500)).toBe("12.5K");
    expect(formatTick("number", 40)).toBe("40");
    expect(formatTick("usd", 0.31)).toBe("$0.31");
    expect(formatTick("usd", 12500)).toBe("$12.5K");
    expect(formatTick("percent", 0.25)).toBe("25%");
    expect(formatTick({ style: "percent", of: "hundred" }, 2.5)).toBe("2.5%");
  });
});
