import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { llmCache, llmCalls, settings } from "../schema";

export type NewLlmCall = typeof llmCalls.$inferInsert;
export type LlmCallRow = typeof llmCalls.$inferSelect;
export type CachedResponse = Pick<typeof llmCache.$inferSelect, "key" | "model" | "response" | "tokensIn" | "tokensOut">;

/** The settings key of the admin kill switch; its value is `{ "enabled": boolean }`. */
export const KILL_SWITCH_KEY = "llm.kill_switch";

export async function insertLlmCall(database: Database, call: NewLlmCall): Promise<void> {
  await database.insert(llmCalls).values(call);
}

/**
 * Tokens a run has spent on the provider. Cache hits are left out: they are recorded with the
 * cached response's token counts for reporting, but cost nothing and must not exhaust a ceiling.
 */
export async function sumRunTokens(database: Database, runId: string): Promise<number> {
  const [row] = await database
    .select({ total: sql<number>`coalesce(sum(${llmCalls.tokensIn} + ${llmCalls.tokensOut}), 0)` })
    .from(llmCalls)
    .where(and(eq(llmCalls.runId, runId), eq(llmCalls.cacheHit, false)));
  return Number(row?.total ?? 0);
}

export async function getCached(database: Database, key: string): Promise<CachedResponse | null> {
  const [row] = await database
    .select({
      key: llmCache.key,
      model: llmCache.model,
      response: llmCache.response,
      tokensIn: llmCache.tokensIn,
      tokensOut: llmCache.tokensOut,
    })
    .from(llmCache)
    .where(eq(llmCache.key, key))
    .limit(1);
  return row ?? null;
}

/** Stores a response; a newer answer for the same key replaces the old one (its hit count restarts). */
export async function putCached(database: Database, entry: CachedResponse): Promise<void> {
  const { model, response, tokensIn, tokensOut } = entry;
  await database
    .insert(llmCache)
    .values({ ...entry, hits: 0 })
    .onConflictDoUpdate({ target: llmCache.key, set: { model, response, tokensIn, tokensOut, hits: 0, createdAt: new Date() } });
}

export async function bumpCacheHit(database: Database, key: string): Promise<void> {
  await database.update(llmCache).set({ hits: sql`${llmCache.hits} + 1` }).where(eq(llmCache.key, key));
}

/** Whether an admin has switched every model call off. A missing or malformed row reads as off. */
export async function readKillSwitch(database: Database): Promise<boolean> {
  const [row] = await database.select({ value: settings.value }).from(settings).where(eq(settings.key, KILL_SWITCH_KEY)).limit(1);
  const value = row?.value;
  return typeof value === "object" && value !== null && (value as { enabled?: unknown }).enabled === true;
}
