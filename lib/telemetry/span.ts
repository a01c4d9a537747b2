import { context, SpanStatusCode, trace, type Context, type Span, type SpanKind, type Tracer } from "@opentelemetry/api";
import { toOtelAttributes, type SpanAttributes } from "./attributes";

/** Instrumentation scope of every span the console itself starts. */
export const TRACER_NAME = "sales-console";

let proxy: Tracer | undefined;

/**
 * The console's tracer. A proxy that binds to the real provider once one is registered, so it is
 * safe to keep from before registration; until then it starts non-recording spans.
 */
export function tracer(): Tracer {
  proxy ??= trace.getTracer(TRACER_NAME);
  return proxy;
}

export type SpanOptions = {
  kind?: SpanKind;
  /** The parent; default the active context. */
  parent?: Context;
  /**
   * The status message for a throw, or null when the throw is control flow rather than a failure
   * (a LangGraph interrupt, a refused model call). Default: the error's name and code.
   */
  failure?: (error: unknown) => string | null;
};

/**
 * A status message that names the failure without its text: an error message can quote an email
 * or a model's answer, and spans never carry either.
 */
export function errorLabel(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? `${error.name} (${code})` : error.name;
}

/**
 * Runs `fn` inside a new span that is the active context while it runs, so spans started beneath
 * it (a node's model calls, the client's runtime request) nest under it. A throw marks the span
 * as an error and is rethrown. With no tracer provider registered the span is OpenTelemetry's
 * non-recording no-op: no attribute is built and the active context is left as it was.
 */
export async function withSpan<T>(name: string, attributes: SpanAttributes, fn: (span: Span) => Promise<T> | T, options: SpanOptions = {}): Promise<T> {
  const parent = options.parent ?? context.active();
  const span = tracer().startSpan(name, { kind: options.kind }, parent);
  // Not recording (no provider registered): leave the caller's context exactly as it was.
  if (!span.isRecording()) return fn(span);
  span.setAttributes(toOtelAttributes(attributes));
  try {
    return await context.with(trace.setSpan(parent, span), fn, undefined, span);
  } catch (e) {
    const failure = (options.failure ?? errorLabel)(e);
    if (failure !== null) span.setStatus({ code: SpanStatusCode.ERROR, message: failure });
    throw e;
  } finally {
    span.end();
  }
}

/** Adds attributes to a span, only when it records. */
export function setSpanAttributes(span: Span, attributes: SpanAttributes): void {
  if (span.isRecording()) span.setAttributes(toOtelAttributes(attributes));
}
