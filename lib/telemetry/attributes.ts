import type { Attributes } from "@opentelemetry/api";

/**
 * Every span attribute the console writes, in its three classes (DESIGN §6). Nothing else goes on
 * a span: no email body, prompt text or inbound text, only ids, names, versions, counts and money.
 */
export const ATTR = {
  // 1. Request identity
  assistantId: "langgraph.assistant_id",
  threadId: "langgraph.thread_id",
  runId: "langgraph.run_id",
  peerTraceId: "langgraph.peer_trace_id",
  runUrl: "langsmith.run_url",
  langsmithRunId: "langsmith.run_id",
  // 2. Call shape
  graph: "agentic_sales.graph",
  node: "agentic_sales.node",
  model: "gen_ai.request.model",
  promptVersion: "agentic_sales.prompt_version",
  cacheHit: "agentic_sales.cache_hit",
  // 3. Cost
  inputTokens: "gen_ai.usage.input_tokens",
  outputTokens: "gen_ai.usage.output_tokens",
  totalTokens: "gen_ai.usage.total_tokens",
  costUsd: "agentic_sales.cost_usd",
  feature: "agentic_sales.feature",
  vertical: "agentic_sales.vertical",
  llmLatencyMs: "agentic_sales.llm_latency_ms",
  llmCalls: "agentic_sales.llm_calls",
} as const;

type Key = keyof typeof ATTR;
type Value = string | number | boolean;
type NumberKey = "inputTokens" | "outputTokens" | "totalTokens" | "costUsd" | "llmLatencyMs" | "llmCalls";

/** Span attributes by their short name; null and undefined are left off. */
export type SpanAttributes = { [K in Key]?: (K extends NumberKey ? number : K extends "cacheHit" ? boolean : string) | null };

/**
 * The OpenTelemetry attributes for `values`. Unknown names are dropped even if a cast slipped them
 * past the type, so a span can never carry more than the three classes.
 */
export function toOtelAttributes(values: SpanAttributes): Attributes {
  const out: Attributes = {};
  for (const [key, value] of Object.entries(values) as [string, Value | null | undefined][]) {
    if (value === null || value === undefined || !(key in ATTR)) continue;
    if (typeof value === "number" && !Number.isFinite(value)) continue;
    out[ATTR[key as Key]] = value;
  }
  return out;
}
