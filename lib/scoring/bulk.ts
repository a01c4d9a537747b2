import type { Database } from "@/db/client";
import { scoreSignals, upsertScores } from "@/db/queries/scores";
import { systemClock, type Clock } from "@/lib/clock";
import { composeScore, rankScores, SCORING_RULES_VERSION, STRONG_FACT_AT, type ComposedScore } from "./rules";
import { toScoreRow, toSignals } from "./signals";

/** Contacts read, scored and written per round: one read, one write batch, then the event loop turns. */
export const BULK_BATCH = 1_000;

export type BulkProgress = { done: number };
export type ScoreSummary = Pick<ComposedScore, "contactId" | "score" | "tier" | "source">;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function scoreBatch(database: Database, rows: Awaited<ReturnType<typeof scoreSignals>>, now: Date): Promise<ScoreSummary[]> {
  const scores = rows.map((row) => composeScore(toSignals(row), now));
  await upsertScores(database, scores.map((s) => toScoreRow(s, { promptVersion: SCORING_RULES_VERSION, model: null, runId: null, scoredAt: now })));
  return scores.map(({ contactId, score, tier, source }) => ({ contactId, score, tier, source }));
}

/**
 * Scores the given contacts in-process with the keyword rules for role fit (no model: this is the
 * path for many contacts at once), stores each score, and returns them ranked — highest first,
 * equal scores by ascending contact id. Unknown ids are skipped.
 */
export async function scoreContactsOffline(database: Database, contactIds: readonly number[], options: { clock?: Clock; onProgress?: (p: BulkProgress) => void } = {}): Promise<ScoreSummary[]> {
  const now = (options.clock ?? systemClock).now();
  const ids = [...new Set(contactIds)];
  const out: ScoreSummary[] = [];
  for (let at = 0; at < ids.length; at += BULK_BATCH) {
    out.push(...(await scoreBatch(database, await scoreSignals(database, { ids: ids.slice(at, at + BULK_BATCH) }, STRONG_FACT_AT), now)));
    options.onProgress?.({ done: Math.min(ids.length, at + BULK_BATCH) });
    // libSQL frees finished statements only when the event loop turns.
    await turn();
  }
  return rankScores(out);
}

/** Scores the next `limit` contacts after `afterId` (by id); returns how many and the last id, for a caller that shows progress between calls. */
export async function scoreContactsAfter(database: Database, afterId: number, limit: number, options: { clock?: Clock } = {}): Promise<{ scored: number; lastId: number | null }> {
  const now = (options.clock ?? systemClock).now();
  let scored = 0;
  let lastId: number | null = null;
  while (scored < limit) {
    const rows = await scoreSignals(database, { afterId: lastId ?? afterId, limit: Math.min(BULK_BATCH, limit - scored) }, STRONG_FACT_AT);
    if (!rows.length) break;
    await scoreBatch(database, rows, now);
    scored += rows.length;
    lastId = rows.at(-1)!.id;
    await turn();
  }
  return { scored, lastId };
}

/**
 * Scores every contact, paging by id so memory stays flat whatever the table's size; returns how
 * many were scored. Keeps only counts, not the scores (the list reads them from the table).
 */
export async function scoreAllContactsOffline(database: Database, options: { clock?: Clock; onProgress?: (p: BulkProgress) => void } = {}): Promise<{ scored: number }> {
  const now = (options.clock ?? systemClock).now();
  let afterId = 0;
  let done = 0;
  for (;;) {
    const rows = await scoreSignals(database, { afterId, limit: BULK_BATCH }, STRONG_FACT_AT);
    if (!rows.length) break;
    await scoreBatch(database, rows, now);
    done += rows.length;
    afterId = rows.at(-1)!.id;
    options.onProgress?.({ done });
    await turn();
  }
  return { scored: done };
}
