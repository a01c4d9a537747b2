import { context, propagation, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { getCurrentRunTree } from "langsmith/singletons/traceable";
import { toOtelAttributes } from "@/lib/telemetry/attributes";
import { featureOf } from "@/lib/telemetry/feature";
import { errorLabel, tracer, withSpan } from "@/lib/telemetry/span";

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

/**
 * Runs one client call (run or resume) in the client's own span, so the trace headers it sends
 * name this span as the runtime's parent: action → client → runtime → nodes → model calls.
 */
export function withClientSpan<T>(spec: { assistantId: string; feature: string }, threadId: string | null, call: () => Promise<T>): Promise<T> {
  return withSpan(
    `graph.client ${spec.assistantId}`,
    { assistantId: spec.assistantId, threadId, graph: spec.assistantId, feature: featureOf(spec.feature) },
    call,
    { kind: SpanKind.CLIENT },
  );
}

/** Stamps the run's identity on the caller's active span, so a trace links to its graph run. */
export function recordRunOnSpan(attributes: { assistantId: string; runId: string; threadId: string | null; peerTraceId: string | null; runUrl: string | null }) {
  const span = trace.getActiveSpan();
  span?.setAttributes(toOtelAttributes(attributes));
}

type RunIdentity = Parameters<typeof recordRunOnSpan>[0];

export type ClientSpan = {
  /** Trace headers naming this span as the runtime's parent. */
  headers: Record<string, string>;
  /** Stamps the run's identity once it is known. */
  record(run: RunIdentity): void;
  /** Ends the span, as failed when given the error. */
  end(error?: unknown): void;
};

/**
 * The client span of a streamed call, which outlives any one callback: started now, in the
 * caller's context, with the trace headers that make it the runtime's parent; ended by `end`.
 */
export function startClientSpan(spec: { assistantId: string; feature: string }, threadId: string | null): ClientSpan {
  const parent = context.active();
  const span = tracer().startSpan(`graph.client ${spec.assistantId}`, { kind: SpanKind.CLIENT }, parent);
  if (!span.isRecording()) return { headers: traceHeaders(), record: (): void => undefined, end: (): void => undefined };
  span.setAttributes(toOtelAttributes({ assistantId: spec.assistantId, threadId, graph: spec.assistantId, feature: featureOf(spec.feature) }));
  return {
    headers: context.with(trace.setSpan(parent, span), traceHeaders),
    record: (run: RunIdentity) => span.setAttributes(toOtelAttributes(run)),
    end(error?: unknown) {
      if (error !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: errorLabel(error) });
      span.end();
    },
  };
}
