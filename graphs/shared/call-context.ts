import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import type { GraphIdentity } from "@/graphs/spec";
import type { CallContext } from "@/lib/llm/types";

/**
 * The model-call context of a node: which graph (id and feature from its meta), node and prompt,
 * in which run and thread.
 */
export function callContext(
  config: LangGraphRunnableConfig | undefined,
  meta: GraphIdentity,
  call: { node: string; promptVersion: string; vertical?: string | null },
): CallContext {
  const configurable = config?.configurable ?? {};
  const str = (v: unknown) => (typeof v === "string" && v ? v : null);
  return {
    graph: meta.assistantId,
    feature: meta.feature,
    ...call,
    threadId: str(configurable.thread_id),
    runId: str(configurable.run_id),
    traceId: str(configurable.trace_id),
  };
}
