import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { DEFAULT_MAX_TOKENS, resolveLlmConfig } from "./config";

const fromEnv = (vars: Record<string, string>) => resolveLlmConfig(parseEnv(vars));

describe("resolveLlmConfig", () => {
  it("an operator with no model settings gets offline mode", () => {
    expect(fromEnv({}).provider).toBeNull();
  });

  it("an operator with only a DeepSeek key gets DeepSeek's default model and the env defaults", () => {
    const config = fromEnv({ DEEPSEEK_API_KEY: "sk-test" });
    expect(config.provider).toEqual({ kind: "deepseek", apiKey: "sk-test", model: "deepseek-chat" });
    expect(config).toMatchObject({ killSwitch: false, defaultMaxTokens: DEFAULT_MAX_TOKENS });
    expect(config.maxTokensPerRun).toBeGreaterThan(DEFAULT_MAX_TOKENS);
  });

  it("an operator with a base URL and a model gets the OpenAI-compatible endpoint, even beside a DeepSeek key", () => {
    const config = fromEnv({ DEEPSEEK_API_KEY: "sk-test", LLM_BASE_URL: "http://127.0.0.1:11434/v1", LLM_MODEL: "llama3.1", LLM_API_KEY: "" });
    expect(config.provider).toEqual({ kind: "openai_compatible", baseURL: "http://127.0.0.1:11434/v1", model: "llama3.1", apiKey: undefined });
  });

  it("an operator who sets a base URL without a model is told which variable is missing", () => {
    expect(() => fromEnv({ LLM_BASE_URL: "http://127.0.0.1:11434/v1" })).toThrow(/LLM_MODEL/);
  });

  it("an operator's kill switch, ceiling and timeout are carried over", () => {
    const config = fromEnv({ DEEPSEEK_API_KEY: "k", LLM_KILL_SWITCH: "true", LLM_MAX_TOKENS_PER_RUN: "900", LLM_TIMEOUT_MS: "1500" });
    expect(config).toMatchObject({ killSwitch: true, maxTokensPerRun: 900, timeoutMs: 1_500 });
  });
});
