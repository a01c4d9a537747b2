/**
 * Model configuration, resolved in one function from env-shaped input. The gateway takes the
 * resolved object, so tests build one directly instead of mutating process.env.
 */
import type { Env } from "@/lib/env";

/** The env variables the model factory reads, already defaulted by lib/env.ts (documented there). */
export type LlmEnv = Pick<
  Env,
  | "DEEPSEEK_API_KEY"
  | "DEEPSEEK_MODEL"
  | "LLM_BASE_URL"
  | "LLM_API_KEY"
  | "LLM_MODEL"
  | "LLM_KILL_SWITCH"
  | "LLM_MAX_TOKENS_PER_RUN"
  | "LLM_TIMEOUT_MS"
  | "LLM_DAILY_BUDGET_USD"
>;

export type ProviderKind = "deepseek" | "openai_compatible";

export type ProviderConfig = {
  kind: ProviderKind;
  model: string;
  /** Unset for DeepSeek means its public API; tests point it at a loopback stub. */
  baseURL?: string;
  apiKey?: string;
};

export type LlmConfig = {
  /** Null: no model configured, every call is refused as `offline`. */
  provider: ProviderConfig | null;
  /** The env kill switch; the admin toggle in `settings` is read at call time. */
  killSwitch: boolean;
  /** Most tokens (in + out, all calls) one graph run may spend. */
  maxTokensPerRun: number;
  timeoutMs: number;
  /** Output tokens a call may use when it does not say; always sent, so the ceiling check holds. */
  defaultMaxTokens: number;
  /** Each graph's daily model budget in USD unless an admin set its own (settings `llm.budgets`). */
  dailyBudgetUsd?: number;
};

/** Output tokens a call may use when it does not say (the env defaults live in lib/env.ts). */
export const DEFAULT_MAX_TOKENS = 1_024;

export type ModelStatus = {
  mode: "online" | "offline";
  provider: ProviderKind | null;
  model: string | null;
  killSwitch: boolean;
};

/**
 * LLM_BASE_URL (with LLM_MODEL) wins over DEEPSEEK_API_KEY, so a local or gateway endpoint can
 * be tried without removing the DeepSeek key. Neither: offline.
 */
export function resolveLlmConfig(source: LlmEnv): LlmConfig {
  const common = {
    killSwitch: source.LLM_KILL_SWITCH ?? false,
    maxTokensPerRun: source.LLM_MAX_TOKENS_PER_RUN,
    timeoutMs: source.LLM_TIMEOUT_MS,
    dailyBudgetUsd: source.LLM_DAILY_BUDGET_USD,
    defaultMaxTokens: DEFAULT_MAX_TOKENS,
  };
  if (source.LLM_BASE_URL) {
    // A base URL without a model is a half-done configuration; failing loudly beats guessing a model name.
    if (!source.LLM_MODEL) throw new Error("Invalid environment: LLM_MODEL is required when LLM_BASE_URL is set");
    return {
      ...common,
      provider: { kind: "openai_compatible", baseURL: source.LLM_BASE_URL, model: source.LLM_MODEL, apiKey: source.LLM_API_KEY || undefined },
    };
  }
  if (source.DEEPSEEK_API_KEY) {
    return {
      ...common,
      provider: { kind: "deepseek", apiKey: source.DEEPSEEK_API_KEY, model: source.DEEPSEEK_MODEL },
    };
  }
  return { ...common, provider: null };
}
