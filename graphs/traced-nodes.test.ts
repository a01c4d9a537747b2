import { describe, expect, it } from "vitest";
import { isTracedNode } from "@/lib/telemetry/node-span";
import { FLEET } from "./registry";

type Wired = { nodes: Record<string, { runnable: { func?: unknown } }> };

describe("node spans", () => {
  it.each(FLEET.ids)("every node of %s is wired through nodeTracer, so it runs in its own span", async (id) => {
    const { workflow } = await FLEET.get(id)!.load();
    const nodes = Object.entries((workflow as unknown as Wired).nodes);
    expect(nodes.length).toBeGreaterThan(0);
    const untraced = nodes.filter(([, spec]) => !isTracedNode(spec.runnable.func)).map(([name]) => name);
    expect(untraced, `wrap these nodes in graphs/…/graph.ts: traced("<node>", fn)`).toEqual([]);
  });
});
