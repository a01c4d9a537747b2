import { describe, expect, it } from "vitest";
import { wordDiff } from "./word-diff";

const rebuild = (parts: ReturnType<typeof wordDiff>, drop: "added" | "removed") =>
  parts.filter((p) => p.kind !== drop).map((p) => p.text).join("");

describe("wordDiff", () => {
  it("marks nothing when a rep approves the text unchanged", () => {
    expect(wordDiff("Hi Ana,\n\nThanks.", "Hi Ana,\n\nThanks.")).toEqual([{ kind: "same", text: "Hi Ana,\n\nThanks." }]);
  });

  it("shows a replaced word as removed then added, with the rest unchanged", () => {
    expect(wordDiff("Would a call next week suit you?", "Would a call on Tuesday suit you?")).toEqual([
      { kind: "same", text: "Would a call " },
      { kind: "removed", text: "next week" },
      { kind: "added", text: "on Tuesday" },
      { kind: "same", text: " suit you?" },
    ]);
  });

  it("rebuilds both the original and the edited text exactly, line breaks included", () => {
    const before = "Hi Sam,\n\nI noticed Acme opened 3 stores.\n\nBest,\nRep";
    const after = "Hello Sam,\n\nI noticed Acme opened three new stores this spring.\n\nBest regards,\nRep\nP.S. See you soon";
    const parts = wordDiff(before, after);
    expect(rebuild(parts, "added")).toBe(before);
    expect(rebuild(parts, "removed")).toBe(after);
  });

  it("handles an empty side as one insertion or one deletion", () => {
    expect(wordDiff("", "New text")).toEqual([{ kind: "added", text: "New text" }]);
    expect(wordDiff("Old text", "")).toEqual([{ kind: "removed", text: "Old text" }]);
  });
});
