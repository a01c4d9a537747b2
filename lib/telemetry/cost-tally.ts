import { context, createContextKey, type Context } from "@opentelemetry/api";
import type { SpanAttributes } from "./attributes";

/** A run's model spend so far, summed by every model call made beneath the context holding it. */
export type CostTally = { calls: number; inputTokens: number; outputTokens: number; costUsd: number };

const TALLY = createContextKey("agentic_sales.cost_tally");

/** A child of `parent` whose model calls add to the returned tally (the run span's totals). */
export function withCostTally(parent: Context): [Context, CostTally] {
  const tally: CostTally = { calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 };
  return [parent.setValue(TALLY, tally), tally];
}

/** Counts one model call against the active context's tally, if there is one. */
export function addToCostTally(usage: { inputTokens: number; outputTokens: number; costUsd: number }): void {
  const tally = context.active().getValue(TALLY) as CostTally | undefined;
  if (!tally) return;
  tally.calls += 1;
  tally.inputTokens += usage.inputTokens;
  tally.outputTokens += usage.outputTokens;
  tally.costUsd += usage.costUsd;
}

/** The tally as cost attributes. */
export function tallyAttributes(tally: CostTally): SpanAttributes {
  return {
    llmCalls: tally.calls,
    inputTokens: tally.inputTokens,
    outputTokens: tally.outputTokens,
    totalTokens: tally.inputTokens + tally.outputTokens,
    costUsd: Math.round(tally.costUsd * 1e6) / 1e6,
  };
}
