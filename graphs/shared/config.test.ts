import { describe, expect, it } from "vitest";
import { z } from "zod";
import { configResolver } from "./config";

const resolveConfig = configResolver({
  maxRows: z.number().int().min(1).max(50).default(50),
  temperature: z.number().min(0).max(1).default(0),
});

describe("a graph's configuration", () => {
  it("is the defaults when a run sets nothing", () => {
    expect(resolveConfig()).toEqual({ maxRows: 50, temperature: 0 });
    expect(resolveConfig({ configurable: { thread_id: "t" } })).toEqual({ maxRows: 50, temperature: 0 });
  });

  it("a run may set a field within its bounds", () => {
    expect(resolveConfig({ configurable: { maxRows: 10 } })).toEqual({ maxRows: 10, temperature: 0 });
  });

  it("a caller cannot push a field past its bounds or change its type: the default stands", () => {
    expect(resolveConfig({ configurable: { maxRows: 5_000, temperature: "hot" } })).toEqual({ maxRows: 50, temperature: 0 });
  });

  it("is frozen", () => {
    expect(Object.isFrozen(resolveConfig())).toBe(true);
  });
});
