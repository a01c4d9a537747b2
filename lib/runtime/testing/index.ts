import { Client } from "@langchain/langgraph-sdk";
import type { Database } from "@/db/client";
import type { Registry } from "@/graphs/spec";
import { TEST_REGISTRY } from "@/graphs/testing/registry";
import { LibsqlSaver } from "../checkpointer";
import { serveRuntime } from "../node-server";
import { createRuntime, type RuntimeOptions } from "../runtime";

export const TEST_TOKEN = "test-runtime-token-0123456789abcdef";

/** A runtime over real HTTP on loopback, on the given (migrated) database, with an SDK client. */
export async function startTestRuntime(database: Database, registry: Registry = TEST_REGISTRY, options: Pick<RuntimeOptions, "lease" | "langsmith"> = {}) {
  const runtime = createRuntime({ database, registry, checkpointer: new LibsqlSaver(database), tokens: [TEST_TOKEN], ...options });
  const server = await serveRuntime(runtime);
  const client = new Client({
    apiUrl: server.url,
    apiKey: null,
    defaultHeaders: { Authorization: `Bearer ${TEST_TOKEN}` },
    callerOptions: { maxRetries: 0 },
  });
  const close = async () => {
    runtime.close();
    await server.close();
  };
  return { runtime, url: server.url, client, close };
}

/** Raw JSON request to the runtime, for status codes and headers the SDK hides. */
export async function call(url: string, path: string, init: RequestInit & { json?: unknown; token?: string | null } = {}) {
  const headers = new Headers(init.headers);
  if (init.token !== null) headers.set("authorization", `Bearer ${init.token ?? TEST_TOKEN}`);
  if (init.json !== undefined) headers.set("content-type", "application/json");
  const response = await fetch(url + path, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text.trim() ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  // Tests read arbitrary JSON shapes from these bodies.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, headers: response.headers, body: body as Record<string, any> };
}
