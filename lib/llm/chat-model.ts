import { ChatDeepSeek } from "@langchain/deepseek";
import { ChatOpenAI } from "@langchain/openai";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from "@langchain/core/messages";
import type { ProviderConfig } from "./config";
import type { ChatMessage } from "./types";

export type CallParams = { maxTokens: number; temperature: number | null };

export type ModelReply = { text: string; tokensIn: number; tokensOut: number };

/** A rough token count (4 characters a token), used before a call, when no usage is known yet. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * The only place a LangChain chat model is constructed. No retries: one attempt is one
 * provider request and one llm_calls row, and a failure takes the caller's deterministic path
 * inside its time budget instead of multiplying latency and spend.
 */
export function createChatModel(provider: ProviderConfig, params: CallParams): BaseChatModel {
  const fields = {
    model: provider.model,
    maxTokens: params.maxTokens,
    ...(params.temperature === null ? {} : { temperature: params.temperature }),
    maxRetries: 0,
    streaming: false,
  };
  if (provider.kind === "deepseek") {
    return new ChatDeepSeek({
      ...fields,
      apiKey: provider.apiKey,
      ...(provider.baseURL ? { configuration: { baseURL: provider.baseURL } } : {}),
    });
  }
  // An explicit key, even a dummy one for keyless local servers, stops ChatOpenAI from falling
  // back to OPENAI_API_KEY and sending a real OpenAI key to some other endpoint.
  return new ChatOpenAI({ ...fields, apiKey: provider.apiKey ?? "not-needed", configuration: { baseURL: provider.baseURL } });
}

function toLangChain(messages: ChatMessage[]): BaseMessage[] {
  return messages.map((m) =>
    m.role === "system" ? new SystemMessage(m.content) : m.role === "user" ? new HumanMessage(m.content) : new AIMessage(m.content),
  );
}

type TokenUsage = { promptTokens?: number; completionTokens?: number };

/** Sends one request. Usage comes from the provider; an endpoint that reports none is estimated. */
export async function invokeChat(model: BaseChatModel, messages: ChatMessage[], signal: AbortSignal): Promise<ModelReply> {
  const reply = await model.invoke(toLangChain(messages), { signal });
  const text = reply.text;
  const legacy = reply.response_metadata?.tokenUsage as TokenUsage | undefined;
  const tokensIn = reply.usage_metadata?.input_tokens ?? legacy?.promptTokens ?? estimateTokens(messages.map((m) => m.content).join("\n"));
  const tokensOut = reply.usage_metadata?.output_tokens ?? legacy?.completionTokens ?? estimateTokens(text);
  return { text, tokensIn, tokensOut };
}
