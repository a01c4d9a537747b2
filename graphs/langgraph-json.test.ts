import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { langgraphConfig, langgraphJson } from "./langgraph-json";
import { FLEET } from "./registry";
import { defineGraph, defineRegistry } from "./spec";
import { TEST_REGISTRY } from "./testing/registry";

describe("langgraph.json", () => {
  it("the committed file matches the registry (run `npm run langgraph:json` after changing it)", () => {
    expect(readFileSync("langgraph.json", "utf8")).toBe(langgraphJson(FLEET));
  });

  it("points every graph at a file that exists", () => {
    for (const registry of [FLEET, TEST_REGISTRY]) {
      for (const [id, entry] of Object.entries(langgraphConfig(registry).graphs)) {
        const [file, exported] = entry.split(":");
        expect(existsSync(file!), `${id}: ${file}`).toBe(true);
        expect(exported).toBe("graph");
      }
    }
  });
});

describe("the registry", () => {
  const spec = (assistantId: string) =>
    defineGraph<{ input: unknown; output: unknown; resume: never }>()(
      { assistantId, description: "", feature: "testing", budget: "default", resumable: false, runAccess: "admin" },
      async () => { throw new Error("never loaded"); },
    );

  it("derives a graph's langgraph.json entry from its folder, the id in kebab case", () => {
    expect(spec("lead_scoring").entry).toBe("./graphs/lead-scoring/graph.ts:graph");
    expect(FLEET.specs.map((s) => s.entry)).toEqual(FLEET.ids.map((id) => `./graphs/${id.replaceAll("_", "-")}/graph.ts:graph`));
  });

  it("refuses a duplicate assistant id when it is defined", () => {
    expect(() => defineRegistry([spec("a_graph"), spec("a_graph")])).toThrow(/Duplicate assistant id.*a_graph/);
  });

  it("refuses an id that is not snake_case, since ids are public API", () => {
    expect(() => defineRegistry([spec("Bad-Id")])).toThrow(/snake_case/);
  });

  it("is frozen", () => {
    const registry = defineRegistry([spec("one")]);
    expect(Object.isFrozen(registry.specs)).toBe(true);
    expect(Object.isFrozen(registry.specs[0])).toBe(true);
  });
});
