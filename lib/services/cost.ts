import "server-only";
import { z } from "zod";
import { db } from "@/db/client";
import { costTotals, outcomeCounts, spendBy, spendByDay, topRuns, windowSince } from "@/db/queries/cost";
import type { SessionUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { parseParams, type RawParams } from "./params";

export const CostQuery = z.object({ days: z.coerce.number().int().min(1, "must be 1 or more").max(365, "must be at most 365").default(30) });

export function parseCostQuery(params: RawParams) {
  return parseParams(CostQuery, params, "admin");
}

/** Everything on the cost dashboard; every figure is a sum over llm_calls in the window. */
export async function costDashboard(user: SessionUser, query: z.infer<typeof CostQuery>, now = Date.now()) {
  if (!hasRole(user.role, "admin")) throw new AppError("forbidden:admin");
  const window = { since: windowSince(query.days, now) };
  const database = db();
  const [days, byGraph, byFeature, byVertical, byModel, totals, outcomes, runs] = await Promise.all([
    spendByDay(database, window),
    spendBy(database, "graph", window),
    spendBy(database, "feature", window),
    spendBy(database, "vertical", window),
    spendBy(database, "model", window),
    costTotals(database, window),
    outcomeCounts(database, window),
    topRuns(database, window),
  ]);
  const per = (n: number) => (n > 0 ? totals.costUsd / n : null);
  return {
    days: query.days,
    since: window.since,
    spendByDay: days,
    byGraph,
    byFeature,
    byVertical,
    byModel,
    totals,
    cacheHitRate: totals.calls ? totals.cacheHits / totals.calls : 0,
    outcomes,
    costPer: { approvedDraft: per(outcomes.approvedDrafts), reply: per(outcomes.replies), meeting: per(outcomes.meetings) },
    topRuns: runs,
  };
}

export type CostDashboard = Awaited<ReturnType<typeof costDashboard>>;
