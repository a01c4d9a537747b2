import { isGraphBubbleUp, type LangGraphRunnableConfig } from "@langchain/langgraph";
import { featureOf } from "./feature";
import { errorLabel, withSpan } from "./span";

type NodeFn = (state: never, config?: LangGraphRunnableConfig) => unknown;

const str = (v: unknown) => (typeof v === "string" && v ? v : null);

const TRACED_NODE = Symbol.for("sales-console.traced-node");

/** What a traced node's spans are tagged with. */
export type TracedNode = { graph: string; node: string; feature: string };

/** Whether a node function was wrapped by `nodeTracer` (the fleet's wiring test checks every node). */
export function isTracedNode(fn: unknown): boolean {
  return tracedNodeOf(fn) !== null;
}

/** The graph, node and feature a wrapped node's spans carry; null for a node `nodeTracer` never wrapped. */
export function tracedNodeOf(fn: unknown): TracedNode | null {
  return typeof fn === "function" && TRACED_NODE in fn ? (fn as unknown as Record<symbol, TracedNode>)[TRACED_NODE]! : null;
}

/** An interrupt or a parent command is how a node pauses or hands off, not a failure. */
function nodeFailure(error: unknown): string | null {
  return isGraphBubbleUp(error) ? null : errorLabel(error);
}

/**
 * Wraps a graph's nodes in spans, applied where the graph is wired:
 * `const traced = nodeTracer(meta); … .addNode("draft_email", traced("draft_email", draftEmail))`,
 * where `meta` is the graph's own `meta.ts`, so its spans carry the same id and feature as its runs.
 *
 * The node's span is the active context for the whole of the node's work, so its model calls and
 * any subgraph it runs nest beneath it. (A LangChain callback handler sees a node start and end,
 * but runs beside the node, often deferred, and cannot make its span the node's context.)
 */
export function nodeTracer(meta: { readonly assistantId: string; readonly feature: string }) {
  const graph = meta.assistantId;
  const feature = featureOf(meta.feature);
  return function traced<F extends NodeFn>(node: string, fn: F): F {
    const wrapped = (state: never, config?: LangGraphRunnableConfig) => {
      const configurable = config?.configurable ?? {};
      return withSpan(
        `graph.node ${node}`,
        { graph, node, feature, runId: str(configurable.run_id), threadId: str(configurable.thread_id) },
        () => fn(state, config),
        { failure: nodeFailure },
      );
    };
    Object.defineProperty(wrapped, TRACED_NODE, { value: Object.freeze({ graph, node, feature }) });
    return wrapped as F;
  };
}
