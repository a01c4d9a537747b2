import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import type { CallContext } from "@/lib/llm/types";

/** The model-call context of a node: which graph, node and prompt, in which run and thread. */
export function callContext(
  config: LangGraphRunnableConfig | undefined,
  call: { graph: string; node: string; promptVersion: string; feature: string; vertical?: string | null },
): CallContext {
  const configurable = config?.configurable ?? {};
  const str = (v: unknown) => (typeof v === "string" && v ? v : null);
  return {
    ...call,
    threadId: str(configurable.thread_id),
    runId: str(configurable.run_id),
    traceId: str(configurable.trace_id),
  };
}
