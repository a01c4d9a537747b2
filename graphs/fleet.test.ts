import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FLEET } from "./registry";
import { folderOf, type GraphMeta } from "./spec";

/**
 * The shape every graph folder keeps (DESIGN.md §2), checked for the whole fleet at once so a new
 * graph cannot drift from it. graphs/shared (the model-call kit) and graphs/testing (the runtime's
 * own test graphs, not part of the fleet) are not graph folders.
 */
const NOT_GRAPHS = new Set(["shared", "testing"]);
const folders = readdirSync("graphs", { withFileTypes: true }).filter((d) => d.isDirectory() && !NOT_GRAPHS.has(d.name)).map((d) => d.name).sort();

const read = (folder: string, file: string) => readFileSync(join("graphs", folder, file), "utf8");
const sources = (folder: string) =>
  readdirSync(join("graphs", folder), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => ({ file: f, text: read(folder, f) }));
/** Value imports (type-only imports are erased and never run). */
const valueImports = (text: string) => [...text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+"([^"]+)"/gm)].map((m) => m[1]!);
const camel = (id: string) => id.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const kebab = (id: string) => id.replaceAll("_", "-");

type Wired = { nodes: Record<string, unknown> };

describe("the fleet", () => {
  it("every graph folder is registered, and every registered graph has its folder", () => {
    expect(folders).toEqual(FLEET.ids.map(folderOf).sort());
  });

  it.each(folders)("%s keeps the template's files", (folder) => {
    const graph = read(folder, "graph.ts");
    const required = ["meta.ts", "graph.ts", "state.ts", "config.ts", "rules.ts", "nodes"];
    // A router exists only where the graph branches; a prompt only where a node calls a model.
    if (graph.includes("addConditionalEdges")) required.push("routers.ts", "routers.test.ts");
    const callsModel = readdirSync(join("graphs", folder, "nodes")).some((f) => /\bcallModel[<(]/.test(read(folder, join("nodes", f))));
    if (callsModel) required.push("prompts.ts");
    expect(required.filter((f) => !existsSync(join("graphs", folder, f))), `missing in graphs/${folder}`).toEqual([]);
  });
});

describe.each(folders)("graphs/%s", (folder) => {
  it("meta.ts is its identity, written once, with no imports; the registry's spec is built from it", async () => {
    const text = read(folder, "meta.ts");
    expect(text).not.toMatch(/^\s*(import|export\s+\*|export\s+\{[^}]*\}\s+from)\b|\bimport\(|\brequire\(/m);
    const { meta } = (await import(`./${folder}/meta.ts`)) as { meta: GraphMeta };
    expect(folderOf(meta.assistantId)).toBe(folder);
    const { load, entry, ...spec } = FLEET.get(meta.assistantId)!;
    expect(spec).toEqual(meta);
    expect(entry).toBe(`./graphs/${folder}/graph.ts:graph`);
    expect(typeof load).toBe("function");
  });

  it("no file but meta.ts types a graph id: they read it from meta", () => {
    const ids = new RegExp(`["'\`](${FLEET.ids.join("|")})["'\`]`);
    const offenders = sources(folder).filter((s) => s.file !== "meta.ts" && ids.test(s.text)).map((s) => s.file);
    expect(offenders).toEqual([]);
  });

  it("graph.ts only wires: it imports LangGraph, the tracer, its meta, nodes, routers and state, and defines no functions", () => {
    const text = read(folder, "graph.ts");
    const allowed = (source: string) =>
      ["@langchain/langgraph", "@/lib/telemetry/node-span", "./meta", "./routers", "./state"].includes(source) || /^\.\/nodes\/[a-z0-9-]+$/.test(source);
    expect(valueImports(text).filter((s) => !allowed(s))).toEqual([]);
    expect(text).toContain("const traced = nodeTracer(meta);");
    expect(text).not.toMatch(/\bfunction\b|=>/);
  });

  it("one node per file in nodes/, named after the node id, exporting the node's function", async () => {
    const { workflow } = await FLEET.get(folder.replaceAll("-", "_"))!.load();
    const wired = Object.keys((workflow as unknown as Wired).nodes).filter((n) => n !== "__start__");
    const files = readdirSync(join("graphs", folder, "nodes")).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).map((f) => f.slice(0, -3));
    expect(files.sort()).toEqual(wired.map(kebab).sort());
    for (const node of wired) {
      const nodeModule = (await import(`./${folder}/nodes/${kebab(node)}.ts`)) as Record<string, unknown>;
      expect(Object.keys(nodeModule), `nodes/${kebab(node)}.ts`).toEqual([camel(node)]);
      expect(typeof nodeModule[camel(node)]).toBe("function");
    }
  });

  it("config.ts resolves every limit in one function, frozen", async () => {
    const { resolveConfig } = (await import(`./${folder}/config.ts`)) as { resolveConfig: (config?: unknown) => object };
    expect(typeof resolveConfig).toBe("function");
    expect(Object.isFrozen(resolveConfig())).toBe(true);
  });

  it("prompts.ts, where there is one, stamps a PROMPT_VERSION", async () => {
    if (!existsSync(join("graphs", folder, "prompts.ts"))) return;
    const { PROMPT_VERSION } = (await import(`./${folder}/prompts.ts`)) as { PROMPT_VERSION: unknown };
    expect(PROMPT_VERSION).toMatch(/^[a-z0-9-]+-v\d+/);
  });

  it("rules.ts and routers.ts are pure: no database, no model, no graph runtime", () => {
    const impure = /^(@\/db\/(client|queries)|@\/lib\/llm($|\/(?!types$))|@langchain\/langgraph$|@\/graphs\/shared\/call-model$)/;
    for (const file of ["rules.ts", "routers.ts"].filter((f) => existsSync(join("graphs", folder, f)))) {
      expect(valueImports(read(folder, file)).filter((s) => impure.test(s)), file).toEqual([]);
    }
  });

  it("a node calls a model only through callModel: nothing here reaches the gateway by hand", () => {
    const byHand = sources(folder).filter((s) => /\b(completeJson|isModelUnavailable)\b|from "@\/lib\/llm"/.test(s.text)).map((s) => s.file);
    expect(byHand).toEqual([]);
  });
});
