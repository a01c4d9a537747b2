import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ModelUnavailableError, type CallContext } from "@/lib/llm/types";
import { callModel, unusable, type CallModelDeps, type ModelCall } from "./call-model";

const meta = { assistantId: "probe_graph", feature: "testing" } as const;
const config = { configurable: { run_id: "run-1", thread_id: "thread-1", trace_id: "trace-1" } };

/** A gateway that answers (or refuses) as told, and remembers each call's context. */
function gateway(answer: (ctx: CallContext) => { value: unknown; cacheHit?: boolean } | Error) {
  const contexts: CallContext[] = [];
  const deps: CallModelDeps = {
    completeJson: (async (ctx: CallContext) => {
      contexts.push(ctx);
      const out = answer(ctx);
      if (out instanceof Error) throw out;
      return { text: "", value: out.value, model: "probe-model", tokensIn: 1, tokensOut: 1, costUsd: 0, latencyMs: 1, cacheHit: out.cacheHit ?? false };
    }) as CallModelDeps["completeJson"],
  };
  return { deps, contexts };
}

const call = (over: Partial<ModelCall<{ n: number }, string>> = {}): ModelCall<{ n: number }, string> => ({
  config,
  meta,
  node: "count_things",
  promptVersion: "probe-v3",
  vertical: "retail",
  messages: [{ role: "user", content: "count" }],
  schema: z.object({ n: z.number() }),
  use: ({ value, model }) => `${model} counted ${value.n}`,
  fallback: { name: "count_by_rule", version: "probe-rules-v1", run: (why) => `rule counted 0 (${why})` },
  ...over,
});

describe("callModel", () => {
  it("a node's model call carries the graph's meta, the node, its prompt and the run, and the answer is used with the model path", async () => {
    const { deps, contexts } = gateway(() => ({ value: { n: 3 } }));
    const outcome = await callModel(call(), deps);
    expect(outcome).toEqual({ value: "probe-model counted 3", path: { node: "count_things", path: "model", model: "probe-model", promptVersion: "probe-v3" } });
    expect(contexts).toEqual([
      { graph: "probe_graph", feature: "testing", node: "count_things", promptVersion: "probe-v3", vertical: "retail", runId: "run-1", threadId: "thread-1", traceId: "trace-1" },
    ]);
  });

  it("a cached answer is recorded as the cache path", async () => {
    const { deps } = gateway(() => ({ value: { n: 1 }, cacheHit: true }));
    expect((await callModel(call(), deps)).path).toMatchObject({ path: "cache", promptVersion: "probe-v3" });
  });

  it.each(["offline", "kill_switch", "budget_exhausted", "token_ceiling", "invalid_output", "provider_error", "timeout"] as const)(
    "when the gateway refuses (%s), the named fallback runs and the path says which and why, with its version",
    async (reason) => {
      const { deps } = gateway(() => new ModelUnavailableError(reason, "refused"));
      const outcome = await callModel(call(), deps);
      const words = reason === "offline" ? "no model configured" : `model unavailable: ${reason}`;
      expect(outcome).toEqual({
        value: `rule counted 0 (${words})`,
        path: { node: "count_things", path: "fallback", fallback: "count_by_rule", why: reason, templateVersion: "probe-rules-v1" },
      });
    },
  );

  it("an answer the node cannot use takes the fallback too, with the node's own reason", async () => {
    const { deps } = gateway(() => ({ value: { n: -1 } }));
    const outcome = await callModel(call({ use: ({ value }) => (value.n < 0 ? unusable("a negative count") : "ok") }), deps);
    expect(outcome).toEqual({ value: "rule counted 0 (a negative count)", path: { node: "count_things", path: "fallback", fallback: "count_by_rule", why: "unusable_answer", templateVersion: "probe-rules-v1" } });
  });

  it("any other failure propagates: a fallback never hides a bug or a broken database", async () => {
    const { deps } = gateway(() => new TypeError("boom"));
    let ran = false;
    await expect(callModel(call({ fallback: { name: "x", version: "v", run: () => ((ran = true), "never") } }), deps)).rejects.toThrow(TypeError);
    expect(ran).toBe(false);
  });
});
