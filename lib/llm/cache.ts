import { createHash } from "node:crypto";
import type { Database } from "@/db/client";
import { bumpCacheHit, getCached, putCached, type CachedResponse } from "@/db/queries/llm";
import type { CallParams } from "./chat-model";
import type { ChatMessage } from "./types";

/**
 * The exact-match response cache. It fails open: every fault is logged and treated as a miss
 * (or a skipped write), so a broken cache costs money, never an answer.
 */
export function responseCache(database: () => Database, log: (message: string, error?: unknown) => void) {
  async function guarded<T>(what: string, action: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await action();
    } catch (e) {
      log(`response cache ${what} failed; continuing without the cache`, e);
      return fallback;
    }
  }

  return {
    /** SHA-256 over everything that shapes the answer; the call context (graph, run…) is left out on purpose. */
    key(model: string, messages: ChatMessage[], params: CallParams): string {
      const material = JSON.stringify({ model, messages: messages.map((m) => [m.role, m.content]), params: [params.maxTokens, params.temperature] });
      return createHash("sha256").update(material).digest("hex");
    },
    get: (key: string) => guarded("read", () => getCached(database(), key), null),
    put: (entry: CachedResponse) => guarded("write", () => putCached(database(), entry), undefined),
    bump: (key: string) => guarded("hit count", () => bumpCacheHit(database(), key), undefined),
  };
}
