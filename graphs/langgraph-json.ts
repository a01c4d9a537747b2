import type { Registry } from "./spec";

/**
 * The langgraph.json that lets the official LangGraph dev server / LangGraph Platform run the
 * same graphs: one entry per registered graph, nothing else to keep in sync by hand.
 */
export function langgraphConfig(registry: Registry, options: { env?: string | Record<string, string> } = {}) {
  return {
    node_version: "20",
    dependencies: ["."],
    graphs: Object.fromEntries(registry.specs.map((spec) => [spec.assistantId, spec.entry])),
    env: options.env ?? {},
  };
}

export function langgraphJson(registry: Registry): string {
  return `${JSON.stringify(langgraphConfig(registry), null, 2)}\n`;
}
