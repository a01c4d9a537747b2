import { describe, expect, it } from "vitest";
import { costUsd, priceFor } from "./prices";

describe("prices", () => {
  it("a DeepSeek call costs its input and output tokens at the listed rates", () => {
    expect(costUsd("deepseek-chat", 1_000_000, 1_000_000)).toBeCloseTo(0.27 + 1.1, 10);
    expect(costUsd("gpt-4o-mini", 1_000, 500)).toBeCloseTo((1_000 * 0.15 + 500 * 0.6) / 1_000_000, 12);
  });

  it("a local model the table does not know costs nothing and is marked unpriced", () => {
    expect(priceFor("llama3.1:8b")).toEqual({ inputPerM: 0, outputPerM: 0, priced: false });
    expect(costUsd("llama3.1:8b", 5_000, 5_000)).toBe(0);
    expect(priceFor("gpt-4o").priced).toBe(true);
  });
});
