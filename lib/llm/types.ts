import { AppError } from "@/lib/errors";

/** Where a model call comes from: stamped on its llm_calls row, its cache key never. */
export type CallContext = {
  graph: string;
  node: string;
  /** The prompt version that produced this call (from the graph's prompts.ts). */
  promptVersion: string;
  feature?: string;
  vertical?: string | null;
  threadId?: string | null;
  runId?: string | null;
  traceId?: string | null;
};

export type ChatMessage = { role: "system" | "user" | "assistant"; content: string };

export type CompletionOptions = {
  /** Most output tokens for this call. */
  maxTokens?: number;
  temperature?: number;
  /**
   * false: do not answer from the response cache (the answer is still stored). For a person who
   * asked for a new version: a replayed answer is the one thing they did not want.
   */
  cache?: boolean;
};

export type Completion = {
  text: string;
  model: string;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  latencyMs: number;
  cacheHit: boolean;
};

export type StructuredCompletion<T> = Completion & { value: T };

/** The label a draft carries when no model wrote it. */
export const OFFLINE_MODEL_LABEL = "offline template";

export const UNAVAILABLE_REASONS = [
  "offline", "kill_switch", "budget_exhausted", "token_ceiling", "invalid_output", "provider_error", "timeout",
] as const;
export type UnavailableReason = (typeof UNAVAILABLE_REASONS)[number];

/**
 * Every way a model call can be refused or fail. Nodes catch exactly this and take their
 * deterministic path, labelled `rule_based_fallback`; it is never dressed up as a model answer.
 */
export class ModelUnavailableError extends AppError {
  constructor(readonly reason: UnavailableReason, detail: string, cause?: unknown) {
    super("unavailable:runs", { message: `Model unavailable (${reason}): ${detail}`, cause });
    this.name = "ModelUnavailableError";
  }
}

export function isModelUnavailable(e: unknown): e is ModelUnavailableError {
  return e instanceof ModelUnavailableError;
}
