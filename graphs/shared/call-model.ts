import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import type { z } from "zod";
import type { GraphIdentity } from "@/graphs/spec";
import { completeJson } from "@/lib/llm";
import { isModelUnavailable, type ChatMessage, type CompletionOptions } from "@/lib/llm/types";
import { callContext } from "./call-context";
import { whyInWords, type CallPath, type FallbackPath, type ModelPath } from "./provenance";

/** The model's validated answer, as a node sees it. */
export type ModelReply<T> = { value: T; model: string; cacheHit: boolean };

/** The deterministic path a node takes when the model may not answer. */
export type Fallback<R> = {
  /** Its name, recorded in provenance (snake_case: `offline_template`, `keyword_rules`…). */
  name: string;
  /** Its version: an offline template's `template-vN`, or the graph's RULES_VERSION. */
  version: string;
  /** Runs it; `why` is the reason in words, `path` what will be recorded. */
  run: (why: string, path: FallbackPath) => R | Promise<R>;
};

const UNUSABLE = Symbol("unusable answer");
type Unusable = { [UNUSABLE]: string };

/**
 * Returned by `use` when the answer parsed but cannot be used (weights naming emails that were
 * never offered…): the fallback runs instead, with `why` = `unusable_answer` and `words` as its reason.
 */
export function unusable(words: string): Unusable {
  return { [UNUSABLE]: words };
}
const isUnusable = (v: unknown): v is Unusable => typeof v === "object" && v !== null && UNUSABLE in v;

export type ModelCall<T, R> = {
  config: LangGraphRunnableConfig | undefined;
  /** The graph's meta: its id and feature go on the call's llm_calls row and span. */
  meta: GraphIdentity;
  /** The node's id, as wired in graph.ts. */
  node: string;
  promptVersion: string;
  vertical?: string | null;
  messages: ChatMessage[];
  schema: z.ZodType<T>;
  options?: CompletionOptions;
  /** What the node makes of the model's answer (or `unusable(words)` to take the fallback). */
  use: (reply: ModelReply<T>, path: ModelPath) => R | Unusable | Promise<R | Unusable>;
  fallback: Fallback<R>;
};

export type ModelOutcome<R> = { value: R; path: CallPath };

/** The gateway call, injectable so the kit is tested without the process-wide model factory. */
export type CallModelDeps = { completeJson: typeof completeJson };

/**
 * The one way a node calls a model: through the gateway (kill switch, budget, token ceiling,
 * cache, one llm_calls row); when the model may not answer — no model, kill switch, budget,
 * ceiling, invalid or unusable output — the node's named fallback runs instead. Either way the
 * result comes with the path that ran and why, for the node to put in its provenance. Any other
 * error (a bug, the database) propagates: a fallback never hides a failure.
 */
export async function callModel<T, R>(call: ModelCall<T, R>, deps: CallModelDeps = { completeJson }): Promise<ModelOutcome<R>> {
  const { node, fallback } = call;
  const fall = async (why: string, words: string): Promise<ModelOutcome<R>> => {
    const path: FallbackPath = { node, path: "fallback", fallback: fallback.name, why, templateVersion: fallback.version };
    return { value: await fallback.run(words, path), path };
  };
  let reply: ModelReply<T>;
  try {
    const answer = await deps.completeJson(
      callContext(call.config, call.meta, { node, promptVersion: call.promptVersion, vertical: call.vertical }),
      call.messages,
      call.schema,
      call.options,
    );
    reply = { value: answer.value, model: answer.model, cacheHit: answer.cacheHit };
  } catch (e) {
    if (!isModelUnavailable(e)) throw e;
    return fall(e.reason, whyInWords(e.reason));
  }
  const path: ModelPath = { node, path: reply.cacheHit ? "cache" : "model", model: reply.model, promptVersion: call.promptVersion };
  const used = await call.use(reply, path);
  return isUnusable(used) ? fall("unusable_answer", used[UNUSABLE]) : { value: used, path };
}
