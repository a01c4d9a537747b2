import { sql } from "drizzle-orm";
import type { Database } from "../client";

/**
 * The dashboard's window: calls at or after `since` (epoch ms, a UTC midnight). Spend is read from
 * the trigger-kept rollups (`llm_cost_daily`, `llm_cost_runs`), never by scanning llm_calls, so
 * the window starts on a day boundary; `windowSince` gives it.
 */
export type CostWindow = { since: number };

const DAY_MS = 86_400_000;

/** The start of a window of `days` UTC days ending with today's. */
export function windowSince(days: number, now: number): number {
  return Math.floor(now / DAY_MS) * DAY_MS - (days - 1) * DAY_MS;
}

const dayOf = (since: number) => new Date(since).toISOString().slice(0, 10);

export type SpendByDay = { day: string; costUsd: number; calls: number };
export type SpendBy = { key: string; costUsd: number; calls: number; tokensIn: number; tokensOut: number };

export async function spendByDay(database: Database, window: CostWindow): Promise<SpendByDay[]> {
  return database.all<SpendByDay>(sql`
    SELECT day, round(sum(cost_usd), 6) AS costUsd, sum(calls) AS calls
    FROM llm_cost_daily WHERE day >= ${dayOf(window.since)} GROUP BY day ORDER BY day`);
}

const DIMENSIONS = { graph: sql.raw("graph"), feature: sql.raw("feature"), vertical: sql.raw("vertical"), model: sql.raw("model") } as const;
export type CostDimension = keyof typeof DIMENSIONS;

export async function spendBy(database: Database, dimension: CostDimension, window: CostWindow): Promise<SpendBy[]> {
  return database.all<SpendBy>(sql`
    SELECT ${DIMENSIONS[dimension]} AS key, round(sum(cost_usd), 6) AS costUsd, sum(calls) AS calls,
           sum(tokens_in) AS tokensIn, sum(tokens_out) AS tokensOut
    FROM llm_cost_daily WHERE day >= ${dayOf(window.since)} GROUP BY key ORDER BY costUsd DESC, key`);
}

export type CostTotals = {
  costUsd: number;
  calls: number;
  tokensIn: number;
  tokensOut: number;
  cacheHits: number;
  /** What the cache hits would have cost: each hit priced like the paid calls of its model. */
  savedUsd: number;
  refused: number;
  errors: number;
};

export async function costTotals(database: Database, window: CostWindow): Promise<CostTotals> {
  const [row] = await database.all<CostTotals>(sql`
    WITH d AS (SELECT * FROM llm_cost_daily WHERE day >= ${dayOf(window.since)}),
    rate AS (
      SELECT model, sum(cost_usd) / nullif(sum(tokens_in + tokens_out), 0) AS perToken
      FROM d WHERE cache_hit = 0 AND status = 'ok' GROUP BY model
    )
    SELECT coalesce(round(sum(d.cost_usd), 6), 0) AS costUsd, coalesce(sum(d.calls), 0) AS calls,
           coalesce(sum(d.tokens_in), 0) AS tokensIn, coalesce(sum(d.tokens_out), 0) AS tokensOut,
           coalesce(sum(CASE WHEN d.cache_hit = 1 THEN d.calls END), 0) AS cacheHits,
           coalesce(round(sum(CASE WHEN d.cache_hit = 1 THEN (d.tokens_in + d.tokens_out) * coalesce(r.perToken, 0) END), 6), 0) AS savedUsd,
           coalesce(sum(CASE WHEN d.status = 'refused' THEN d.calls END), 0) AS refused,
           coalesce(sum(CASE WHEN d.status = 'error' THEN d.calls END), 0) AS errors
    FROM d LEFT JOIN rate r ON r.model = d.model`);
  return row!;
}

export type OutcomeCosts = { approvedDrafts: number; replies: number; meetings: number };

/** Approved drafts, replies and meetings booked in the window, for cost per outcome. */
export async function outcomeCounts(database: Database, window: CostWindow): Promise<OutcomeCosts> {
  const [row] = await database.all<OutcomeCosts>(sql`
    SELECT
      (SELECT count(*) FROM drafts WHERE status IN ('approved', 'sent') AND decided_at >= ${window.since}) AS approvedDrafts,
      (SELECT count(*) FROM outcomes WHERE at >= ${window.since} AND label IN ('interested', 'not_interested', 'info_request', 'meeting_scheduled', 'partnership')) AS replies,
      (SELECT count(*) FROM outcomes WHERE at >= ${window.since} AND label = 'meeting_scheduled') AS meetings`);
  return row!;
}

export type ExpensiveRun = { runId: string; graph: string; costUsd: number; calls: number; tokens: number; startedAt: number | null };

/** The runs with a model call in the window, by their whole spend (a run is seconds long; one that spans the window's edge counts whole). */
export async function topRuns(database: Database, window: CostWindow, limit = 10): Promise<ExpensiveRun[]> {
  return database.all<ExpensiveRun>(sql`
    SELECT c.run_id AS runId, c.graph, round(c.cost_usd, 6) AS costUsd, c.calls, c.tokens, r.started_at AS startedAt
    FROM llm_cost_runs c LEFT JOIN runs r ON r.id = c.run_id
    WHERE c.last_at >= ${window.since}
    ORDER BY c.cost_usd DESC, c.run_id DESC LIMIT ${limit}`);
}
