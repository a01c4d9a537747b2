import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { estimateTokens } from "../chat-model";
import type { LlmConfig } from "../config";

/** What the stub received: the parsed JSON body of one POST /v1/chat/completions. */
export type StubRequest = {
  model: string;
  messages: { role: string; content: unknown }[];
  max_tokens?: number;
  max_completion_tokens?: number;
  temperature?: number;
  stream?: boolean;
  [key: string]: unknown;
};

/**
 * One scripted answer. `content` is the assistant's text; token counts default to a chars/4
 * estimate. `status` (≥ 400) answers with an OpenAI-style error instead; `delayMs` holds the
 * answer back (for timeouts).
 */
export type StubReply = {
  content?: string;
  promptTokens?: number;
  completionTokens?: number;
  status?: number;
  delayMs?: number;
};

export type StubHandler = (body: StubRequest) => StubReply | Promise<StubReply>;

export type StubServer = {
  /** Base URL including `/v1`, ready for `configuration.baseURL` / LLM_BASE_URL. */
  url: string;
  /** Every request body received, in order. */
  requests: StubRequest[];
  /** Appends scripted replies; they are used before the handler. */
  enqueue(...replies: StubReply[]): void;
  close(): Promise<void>;
};

function promptText(body: StubRequest): string {
  return body.messages.map((m) => (typeof m.content === "string" ? m.content : JSON.stringify(m.content))).join("\n");
}

function send(res: ServerResponse, status: number, payload: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(payload));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A local OpenAI-compatible chat model on 127.0.0.1 (random port) for tests: it answers
 * non-streaming POST /v1/chat/completions from a scripted queue, then from `handler`, and records
 * every request body. With neither left it answers 500, so an unexpected extra call fails loudly.
 *
 * ```ts
 * const stub = await startStubServer({ replies: [{ content: '{"ok":true}', promptTokens: 12 }] });
 * const llm = createLlm({ config: { ...config, provider: { kind: "openai_compatible", baseURL: stub.url, model: "stub" } }, database: () => db });
 * await stub.close();
 * ```
 * Code that calls the env-driven `complete`/`completeJson` (graph nodes) reaches the stub when the
 * test sets LLM_BASE_URL=stub.url, LLM_MODEL and DATABASE_URL before the first model call.
 */
export async function startStubServer(options: { replies?: StubReply[]; handler?: StubHandler } = {}): Promise<StubServer> {
  const queue = [...(options.replies ?? [])];
  const requests: StubRequest[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== "POST" || !req.url?.startsWith("/v1/chat/completions")) {
      return send(res, 404, { error: { message: `stub has no ${req.method} ${req.url}`, type: "not_found" } });
    }
    const body = JSON.parse(await readBody(req)) as StubRequest;
    requests.push(body);
    if (body.stream === true) return send(res, 400, { error: { message: "the stub does not stream", type: "invalid_request_error" } });
    const reply = queue.shift() ?? (options.handler ? await options.handler(body) : { status: 500, content: "the stub has no reply left" });
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (res.destroyed) return;
    if (reply.status && reply.status >= 400) {
      return send(res, reply.status, { error: { message: reply.content ?? "stub error", type: "server_error" } });
    }
    const content = reply.content ?? "";
    const promptTokens = reply.promptTokens ?? estimateTokens(promptText(body));
    const completionTokens = reply.completionTokens ?? estimateTokens(content);
    send(res, 200, {
      id: `chatcmpl-stub-${requests.length}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [{ index: 0, message: { role: "assistant", content }, logprobs: null, finish_reason: "stop" }],
      usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error("[stub-server] request failed", e);
      if (!res.headersSent) send(res, 500, { error: { message: String(e), type: "server_error" } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...replies) => void queue.push(...replies),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An online configuration pointing at a stub, with test-sized limits; override any field. */
export function stubLlmConfig(stub: Pick<StubServer, "url">, overrides: Partial<LlmConfig> = {}): LlmConfig {
  return {
    provider: { kind: "openai_compatible", baseURL: stub.url, model: "stub-model" },
    killSwitch: false,
    maxTokensPerRun: 100_000,
    timeoutMs: 5_000,
    defaultMaxTokens: 256,
    ...overrides,
  };
}
