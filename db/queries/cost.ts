import { sql } from "drizzle-orm";
import type { Database } from "../client";

/** The dashboard's window: calls at or after `since` (epoch ms). */
export type CostWindow = { since: number };

export type SpendByDay = { day: string; costUsd: number; calls: number };
export type SpendBy = { key: string; costUsd: number; calls: number; tokensIn: number; tokensOut: number };

export async function spendByDay(database: Database, window: CostWindow): Promise<SpendByDay[]> {
  return database.all<SpendByDay>(sql`
    SELECT strftime('%Y-%m-%d', created_at / 1000, 'unixepoch') AS day, round(sum(cost_usd), 6) AS costUsd, count(*) AS calls
    FROM llm_calls WHERE created_at >= ${window.since} GROUP BY day ORDER BY day`);
}

const DIMENSIONS = { graph: sql.raw("graph"), feature: sql.raw("feature"), vertical: sql.raw("coalesce(vertical, 'none')"), model: sql.raw("model") } as const;
export type CostDimension = keyof typeof DIMENSIONS;

export async function spendBy(database: Database, dimension: CostDimension, window: CostWindow): Promise<SpendBy[]> {
  return database.all<SpendBy>(sql`
    SELECT ${DIMENSIONS[dimension]} AS key, round(sum(cost_usd), 6) AS costUsd, count(*) AS calls,
           sum(tokens_in) AS tokensIn, sum(tokens_out) AS tokensOut
    FROM llm_calls WHERE created_at >= ${window.since} GROUP BY key ORDER BY costUsd DESC, key`);
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
    WITH calls AS (SELECT * FROM llm_calls WHERE created_at >= ${window.since}),
    rate AS (
      SELECT model, sum(cost_usd) / nullif(sum(tokens_in + tokens_out), 0) AS perToken
      FROM calls WHERE cache_hit = 0 AND status = 'ok' GROUP BY model
    )
    SELECT coalesce(round(sum(c.cost_usd), 6), 0) AS costUsd, count(*) AS calls,
           coalesce(sum(c.tokens_in), 0) AS tokensIn, coalesce(sum(c.tokens_out), 0) AS tokensOut,
           coalesce(sum(c.cache_hit), 0) AS cacheHits,
           coalesce(round(sum(CASE WHEN c.cache_hit = 1 THEN (c.tokens_in + c.tokens_out) * coalesce(r.perToken, 0) END), 6), 0) AS savedUsd,
           coalesce(sum(c.status = 'refused'), 0) AS refused, coalesce(sum(c.status = 'error'), 0) AS errors
    FROM calls c LEFT JOIN rate r ON r.model = c.model`);
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

export async function topRuns(database: Database, window: CostWindow, limit = 10): Promise<ExpensiveRun[]> {
  return database.all<ExpensiveRun>(sql`
    SELECT c.run_id AS runId, min(c.graph) AS graph, round(sum(c.cost_usd), 6) AS costUsd, count(*) AS calls,
           sum(c.tokens_in + c.tokens_out) AS tokens, r.started_at AS startedAt
    FROM llm_calls c LEFT JOIN runs r ON r.id = c.run_id
    WHERE c.created_at >= ${window.since} AND c.run_id IS NOT NULL
    GROUP BY c.run_id ORDER BY costUsd DESC, runId LIMIT ${limit}`);
}
