import { describe, expect, it } from "vitest";
import { jsonDepth } from "./body";

describe("jsonDepth", () => {
  it("counts the deepest nesting of arrays and objects", () => {
    expect(jsonDepth('{"a":1}')).toBe(1);
    expect(jsonDepth('{"a":[{"b":[1,[2]]}]}')).toBe(5);
    expect(jsonDepth("[".repeat(50_000) + "]".repeat(50_000))).toBe(50_000);
    expect(jsonDepth("42")).toBe(0);
  });

  it("does not count brackets inside strings, escaped quotes included", () => {
    expect(jsonDepth('{"a":"[[[{{{","b":"\\"[[["}')).toBe(1);
  });
});
