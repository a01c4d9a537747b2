import { describe, expect, it } from "vitest";
import { tracedNodeOf } from "@/lib/telemetry/node-span";
import { FLEET } from "./registry";

type Wired = { nodes: Record<string, { runnable: { func?: unknown } }> };

describe("node spans", () => {
  it.each(FLEET.ids)("every node of %s is wired through nodeTracer(meta), so its span carries the graph's own id and feature", async (id) => {
    const spec = FLEET.get(id)!;
    const { workflow } = await spec.load();
    const nodes = Object.entries((workflow as unknown as Wired).nodes);
    expect(nodes.length).toBeGreaterThan(0);
    const untraced = nodes.filter(([, wired]) => tracedNodeOf(wired.runnable.func) === null).map(([name]) => name);
    expect(untraced, `wrap these nodes in graphs/…/graph.ts: traced("<node>", fn)`).toEqual([]);
    for (const [name, wired] of nodes) {
      expect(tracedNodeOf(wired.runnable.func), name).toEqual({ graph: spec.assistantId, node: name, feature: spec.feature });
    }
  });
});
