import { describe, expect, it } from "vitest";
import { offListNote } from "./status-words";

describe("a draft open beside a list it is not in", () => {
  it("a rep opening a waiting draft by id on the Not sent list is told it is waiting and not in that list", () => {
    expect(offListNote("draft", "failed", false, true)).toBe("This draft is Waiting; it is not in the Not sent list.");
  });

  it("a rep whose open draft is in the list, or may be on a page not loaded yet, gets no note", () => {
    expect(offListNote("failed", "failed", true, true)).toBeNull();
    expect(offListNote("draft", "draft", false, false)).toBeNull();
    expect(offListNote("sent", "any", false, false)).toBeNull();
  });

  it("a rep whose open draft has the listed status but fails another filter is told the filters leave it out", () => {
    expect(offListNote("draft", "draft", false, true)).toBe("This draft does not match the other filters, so it is not in the list.");
  });
});
