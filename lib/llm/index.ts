import type { z } from "zod";
import { db } from "@/db/client";
import { sendAlert } from "@/lib/alerts";
import { env } from "@/lib/env";
import { resolveLlmConfig, type ModelStatus } from "./config";
import { createLlm, type Llm } from "./gateway";
import type { CallContext, ChatMessage, Completion, CompletionOptions, StructuredCompletion } from "./types";

export { createLlm, type Llm, type LlmDeps } from "./gateway";
export { resolveLlmConfig, type LlmConfig, type LlmEnv, type ModelStatus, type ProviderConfig, type ProviderKind } from "./config";
export { costUsd, priceFor, PRICES_AS_OF, type ModelPrice } from "./prices";
export * from "./types";

// One instance per process (kept across dev reloads) so the kill-switch cache and the per-run
// ledger are shared by every graph in it.
const holder = globalThis as unknown as { __salesLlm?: Llm };

function llm(): Llm {
  holder.__salesLlm ??= createLlm({ config: resolveLlmConfig(env()), database: db, alert: (event) => void sendAlert(env().ALERT_WEBHOOK_URL, event) });
  return holder.__salesLlm;
}

/** Whether model calls can run here, and with which provider and model. Never touches the network. */
export function modelStatus(): ModelStatus {
  return llm().status();
}

/**
 * A chat completion through the factory: kill switch, per-run token ceiling, response cache,
 * timeout and one llm_calls row. Throws ModelUnavailableError; callers take their deterministic path.
 */
export function complete(ctx: CallContext, messages: ChatMessage[], opts?: CompletionOptions): Promise<Completion> {
  return llm().complete(ctx, messages, opts);
}

/** Like `complete`, then extracts the answer's JSON and validates it; a mismatch is `invalid_output`. */
export function completeJson<T>(
  ctx: CallContext,
  messages: ChatMessage[],
  schema: z.ZodType<T>,
  opts?: CompletionOptions,
): Promise<StructuredCompletion<T>> {
  return llm().completeJson(ctx, messages, schema, opts);
}
