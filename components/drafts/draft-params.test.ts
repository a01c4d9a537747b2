import { describe, expect, it } from "vitest";
import { apiParams, isDefaultView, paramsFromSearch } from "./draft-params";

describe("draft queue params", () => {
  it("opens a rep's queue on the drafts waiting for review", () => {
    expect(paramsFromSearch({})).toEqual({ status: "draft" });
    expect(isDefaultView(paramsFromSearch({ id: "12" }))).toBe(true);
  });

  it("asks the API for every status when the rep picks any status", () => {
    expect(apiParams(paramsFromSearch({ status: "any", tier: "B", age: "" }))).toEqual({ tier: "B" });
  });

  it("keeps only the filters the queue knows, first value of a repeated one", () => {
    expect(paramsFromSearch({ campaign: ["3", "4"], cursor: "1.2", pageSize: "500" })).toEqual({ status: "draft", campaign: "3" });
  });
});
