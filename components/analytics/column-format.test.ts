import { describe, expect, it } from "vitest";
import { formatValue } from "@/components/charts/number-format";
import { columnFormat, measureName } from "./column-format";

const shown = (name: string, values: unknown[]) => values.map((v) => formatValue(columnFormat(name, values), v as number));

describe("columnFormat", () => {
  it("an operator reads a rate already in percent, and a rate between 0 and 1, as a percentage to one decimal", () => {
    expect(shown("reply_rate_pct", [12.345, 3.5, 0])).toEqual(["12.3%", "3.5%", "0.0%"]);
    expect(shown("open_rate", [0.4567, 0.1])).toEqual(["45.7%", "10.0%"]);
  });

  it("a rate that is not between 0 and 1 stays a number, since nothing says it is a percentage", () => {
    expect(shown("reply_rate", [12.34, 3])).toEqual(["12.3", "3.0"]);
  });

  it("an operator reads large counts with thousands separators, and ids and years without", () => {
    expect(shown("contacts", [123456, 7])).toEqual(["123,456", "7"]);
    expect(shown("company_id", [10234])).toEqual(["10234"]);
    expect(shown("year", [2026])).toEqual(["2026"]);
  });

  it("other fractions round to one decimal, or two when every value is below one", () => {
    expect(shown("replies_per_100_sent", [7.25, 11.125])).toEqual(["7.3", "11.1"]);
    expect(shown("mean_confidence", [0.873, 0.5])).toEqual(["0.87", "0.50"]);
  });

  it("money columns read as dollars", () => {
    expect(shown("cost_usd", [0.31, 12])).toEqual(["$0.3100", "$12.00"]);
  });
});

describe("measureName", () => {
  it("says what a column measures in words, without its unit suffix", () => {
    expect(measureName("reply_rate_pct")).toBe("reply rate");
    expect(measureName("replies")).toBe("replies");
    expect(measureName("pct")).toBe("pct");
  });
});
