import type { Database } from "@/db/client";
import { claimAlert, ledgerForDay, reserveBudget, settleBudget } from "@/db/queries/budgets";
import { readSetting } from "@/db/queries/settings";
import type { AlertEvent } from "@/lib/alerts";
import { ModelUnavailableError } from "./types";

/** Settings key holding per-graph daily budgets: `{ "<graph>": <usd> }`. */
export const BUDGETS_KEY = "llm.budgets";
export const WARN_AT = 0.8;

export type Reservation = { graph: string; day: string; amount: number; limit: number };

export type BudgetDeps = {
  database: () => Database;
  defaultLimitUsd: number;
  alert: (event: AlertEvent) => void;
  now?: () => number;
};

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Per-graph daily budgets, enforced before the call: reserve the call's worst case, call, then
 * settle to what it really cost. Concurrent calls can overspend by at most one call's worst case
 * beyond what an estimate missed, because each reservation is checked atomically.
 */
export function createBudgetGuard(deps: BudgetDeps) {
  const now = deps.now ?? Date.now;

  async function limitFor(graph: string): Promise<number> {
    const budgets = await readSetting<Record<string, number>>(deps.database(), BUDGETS_KEY).catch((e: unknown) => {
      console.error("[llm] budgets unreadable; using the default", e);
      return null;
    });
    const configured = budgets?.[graph];
    return typeof configured === "number" && configured >= 0 ? configured : deps.defaultLimitUsd;
  }

  return {
    limitFor,

    /** Null when the graph has no finite budget (none configured): nothing to hold. */
    async reserve(graph: string, worstCaseUsd: number): Promise<Reservation | null> {
      const day = utcDay(now());
      const limit = await limitFor(graph);
      if (!Number.isFinite(limit)) return null;
      const ok = await reserveBudget(deps.database(), graph, day, worstCaseUsd, limit);
      if (!ok) {
        // The first refusal of the day is news even when the spend crossed no line (a call's worst case did not fit).
        if (await claimAlert(deps.database(), graph, day, "exhausted")) {
          const row = (await ledgerForDay(deps.database(), day)).find((r) => r.graph === graph);
          deps.alert({ type: "budget_exhausted", graph, day, spentUsd: row?.spentUsd ?? 0, limitUsd: limit });
        }
        throw new ModelUnavailableError("budget_exhausted", `graph "${graph}" has used its daily budget of $${limit.toFixed(2)}`);
      }
      return { graph, day, amount: worstCaseUsd, limit };
    },

    /**
     * Each line crossed is announced once a day, by whichever call crossed it first: a call whose
     * real cost jumps past both lines sends both events, and the next call's refusal sends none.
     */
    async settle(reservation: Reservation, actualUsd: number): Promise<void> {
      const { graph, day, limit } = reservation;
      const { spentUsd } = await settleBudget(deps.database(), graph, day, reservation.amount, actualUsd);
      if (limit <= 0) return;
      if (spentUsd >= WARN_AT * limit && (await claimAlert(deps.database(), graph, day, "warned"))) {
        deps.alert({ type: "budget_warning", graph, day, spentUsd, limitUsd: limit });
      }
      if (spentUsd >= limit && (await claimAlert(deps.database(), graph, day, "exhausted"))) {
        deps.alert({ type: "budget_exhausted", graph, day, spentUsd, limitUsd: limit });
      }
    },
  };
}

export type BudgetGuard = ReturnType<typeof createBudgetGuard>;
