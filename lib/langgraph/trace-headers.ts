import { context, propagation, trace } from "@opentelemetry/api";
import { getCurrentRunTree } from "langsmith/singletons/traceable";

/**
 * Headers that continue the caller's traces in the graph runtime: W3C `traceparent`/`tracestate`
 * from the active OpenTelemetry context (nothing when no tracer is registered) and LangSmith's
 * `langsmith-trace`/`baggage` when a run tree is active. Computed per request, in the caller's
 * own context, because the SDK client is shared.
 */
export function traceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  const runTree = getCurrentRunTree(true);
  if (runTree) {
    const langsmith = runTree.toHeaders();
    carrier["langsmith-trace"] = langsmith["langsmith-trace"];
    // OTel's baggage propagator may have written baggage too: merge, never overwrite.
    if (langsmith.baggage) carrier.baggage = carrier.baggage ? `${carrier.baggage},${langsmith.baggage}` : langsmith.baggage;
  }
  return carrier;
}

/** Stamps the run's identity on the caller's active span, so a trace links to its graph run. */
export function recordRunOnSpan(attributes: { assistantId: string; runId: string; threadId: string | null; peerTraceId: string | null; runUrl: string | null }) {
  const span = trace.getActiveSpan();
  if (!span) return;
  span.setAttributes({
    "langgraph.assistant_id": attributes.assistantId,
    "langgraph.run_id": attributes.runId,
    ...(attributes.threadId ? { "langgraph.thread_id": attributes.threadId } : {}),
    ...(attributes.peerTraceId ? { "langgraph.peer_trace_id": attributes.peerTraceId } : {}),
    ...(attributes.runUrl ? { "langsmith.run_url": attributes.runUrl } : {}),
  });
}
