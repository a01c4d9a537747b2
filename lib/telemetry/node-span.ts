import { isGraphBubbleUp, type LangGraphRunnableConfig } from "@langchain/langgraph";
import { featureForGraph } from "./feature";
import { errorLabel, withSpan } from "./span";

type NodeFn = (state: never, config?: LangGraphRunnableConfig) => unknown;

const str = (v: unknown) => (typeof v === "string" && v ? v : null);

const TRACED_NODE = Symbol.for("sales-console.traced-node");

/** Whether a node function was wrapped by `nodeTracer` (the fleet's wiring test checks every node). */
export function isTracedNode(fn: unknown): boolean {
  return typeof fn === "function" && TRACED_NODE in fn;
}

/** An interrupt or a parent command is how a node pauses or hands off, not a failure. */
function nodeFailure(error: unknown): string | null {
  return isGraphBubbleUp(error) ? null : errorLabel(error);
}

/**
 * Wraps a graph's nodes in spans, applied where the graph is wired:
 * `const traced = nodeTracer("email_compose"); … .addNode("draft_email", traced("draft_email", draftEmail))`.
 *
 * The node's span is the active context for the whole of the node's work, so its model calls and
 * any subgraph it runs nest beneath it. (A LangChain callback handler sees a node start and end,
 * but runs beside the node, often deferred, and cannot make its span the node's context.)
 */
export function nodeTracer(graph: string) {
  const feature = featureForGraph(graph);
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
    Object.defineProperty(wrapped, TRACED_NODE, { value: `${graph}.${node}` });
    return wrapped as F;
  };
}
