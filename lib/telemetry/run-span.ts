import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type TextMapGetter } from "@opentelemetry/api";
import { toOtelAttributes, type SpanAttributes } from "./attributes";
import { tallyAttributes, withCostTally } from "./cost-tally";
import { tracer } from "./span";

const headerGetter: TextMapGetter<Headers> = {
  get: (headers, key) => headers.get(key) ?? undefined,
  keys: (headers) => [...headers.keys()],
};

/** The graph runtime's span for one run, continued from the request's trace headers. */
export type RunSpan = {
  /** The span's trace id, or null when tracing is off. */
  readonly traceId: string | null;
  /** Runs `fn` with the run span (and the run's cost tally) as the active context. */
  within<T>(fn: () => Promise<T>): Promise<T>;
  /** Names the span after its graph and records the run's identity once it is known. */
  identify(attributes: SpanAttributes & { assistantId: string }): void;
  /** Ends the span with the run's model-spend totals; `failure` labels a failed run. */
  end(failure: string | null): void;
};

const UNTRACED: RunSpan = { traceId: null, within: (fn) => fn(), identify: () => undefined, end: () => undefined };

/**
 * Starts the runtime's span as a child of the context in the request's `traceparent`, never of
 * whatever happens to be active: called in-process, the caller's context is active here too, and
 * the headers must be what decides, exactly as over HTTP. No trace headers: a new root.
 */
export function startRunSpan(headers: Headers): RunSpan {
  const parent = propagation.extract(ROOT_CONTEXT, headers, headerGetter);
  const span = tracer().startSpan("graph.run", { kind: SpanKind.SERVER }, parent);
  if (!span.isRecording()) return UNTRACED;
  const [active, tally] = withCostTally(trace.setSpan(parent, span));
  return {
    traceId: span.spanContext().traceId,
    within: (fn) => context.with(active, fn),
    identify(attributes) {
      span.updateName(`graph.run ${attributes.assistantId}`);
      span.setAttributes(toOtelAttributes(attributes));
    },
    end(failure) {
      if (tally.calls > 0) span.setAttributes(toOtelAttributes(tallyAttributes(tally)));
      if (failure !== null) span.setStatus({ code: SpanStatusCode.ERROR, message: failure });
      span.end();
    },
  };
}
