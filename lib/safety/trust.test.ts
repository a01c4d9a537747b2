import { describe, expect, it } from "vitest";
import { injectableMemories } from "./trust";

describe("trust tiers", () => {
  const memories = [
    { source: "sent_email", content: "a" },
    { source: "human_note", content: "b" },
    { source: "graph_derived", content: "c" },
    { source: "inbound_unverified", content: "d" },
    { source: "web_scrape", content: "e" },
  ];

  it("a graph whose result nobody reviews gets only first-party memories", () => {
    expect(injectableMemories(memories, { humanReviewed: false }).map((m) => m.content)).toEqual(["a", "b", "c"]);
  });

  it("a graph whose result a person reviews also gets unverified inbound text, and never an unknown source", () => {
    expect(injectableMemories(memories, { humanReviewed: true }).map((m) => m.content)).toEqual(["a", "b", "c", "d"]);
  });
});
