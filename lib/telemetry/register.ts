import type { Env } from "@/lib/env";
import { TailSampler } from "./tail-sampler";

export type TracingEnv = Pick<
  Env,
  | "OTEL_EXPORTER_OTLP_ENDPOINT"
  | "OTEL_EXPORTER_OTLP_PROTOCOL"
  | "OTEL_EXPORTER_OTLP_HEADERS"
  | "OTEL_SERVICE_NAME"
  | "OTEL_TAIL_SAMPLE_RATE"
  | "OTEL_SLOW_SPAN_MS"
  | "LANGSMITH_API_KEY"
  | "LANGSMITH_ENDPOINT"
>;

export type TracingHandle = {
  /** Exports every finished span now (tests, benchmarks, a script about to exit). */
  flush(): Promise<void>;
};

/** Longest one export may take before the batch processor gives up on it and moves on. */
const EXPORT_TIMEOUT_MS = 10_000;

// Kept on globalThis: Next.js may evaluate this module more than once (instrumentation bundle,
// dev reloads), and OpenTelemetry's globals must be registered exactly once per process.
const holder = globalThis as unknown as { __salesTracing?: TracingHandle };

/** `key=value,key2=value2` (values URL-encoded), as OTEL_EXPORTER_OTLP_HEADERS is written. */
export function parseOtlpHeaders(raw: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of raw?.split(",") ?? []) {
    const at = pair.indexOf("=");
    if (at <= 0) continue;
    headers[decodeURIComponent(pair.slice(0, at).trim())] = decodeURIComponent(pair.slice(at + 1).trim());
  }
  return headers;
}

/**
 * Registers OpenTelemetry through @vercel/otel when OTEL_EXPORTER_OTLP_ENDPOINT is set: W3C trace
 * context and baggage propagation, the fetch instrumentation, and an OTLP exporter behind the tail
 * sampler. When it is unset nothing is imported or registered and global fetch stays the
 * original, so an untraced console pays nothing. Returns null then.
 */
export async function registerTracing(env: TracingEnv): Promise<TracingHandle | null> {
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return null;
  if (holder.__salesTracing) return holder.__salesTracing;
  const [{ registerOTel, OTLPHttpJsonTraceExporter, OTLPHttpProtoTraceExporter }, { BatchSpanProcessor }] = await Promise.all([
    import("@vercel/otel"),
    import("@opentelemetry/sdk-trace-base"),
  ]);
  const config = { url: `${endpoint.replace(/\/+$/, "")}/v1/traces`, headers: parseOtlpHeaders(env.OTEL_EXPORTER_OTLP_HEADERS) };
  const exporter = env.OTEL_EXPORTER_OTLP_PROTOCOL === "http/json" ? new OTLPHttpJsonTraceExporter(config) : new OTLPHttpProtoTraceExporter(config);
  const sampler = new TailSampler(new BatchSpanProcessor(exporter, { exportTimeoutMillis: EXPORT_TIMEOUT_MS }), {
    rate: env.OTEL_TAIL_SAMPLE_RATE,
    slowMs: env.OTEL_SLOW_SPAN_MS,
  });
  registerOTel({
    serviceName: env.OTEL_SERVICE_NAME,
    // Only ours: "auto" would add Vercel's runtime exporter and a second, unsampled OTLP exporter.
    spanProcessors: [sampler],
    // Telemetry's own traffic (span exports, LangSmith uploads) is not traced.
    instrumentationConfig: { fetch: { ignoreUrls: env.LANGSMITH_API_KEY ? [endpoint, env.LANGSMITH_ENDPOINT] : [endpoint] } },
  });
  holder.__salesTracing = { flush: () => sampler.forceFlush() };
  return holder.__salesTracing;
}

/** Exports every finished span now; a no-op when tracing is not registered. */
export async function flushTracing(): Promise<void> {
  await holder.__salesTracing?.flush();
}
