import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { budgetLedger } from "../schema";

/**
 * Reserves `amount` of today's budget for `graph` if it fits under `limit`: the check and the
 * reservation are one UPDATE, so at most one concurrent caller can take the last room.
 */
export async function reserveBudget(database: Database, graph: string, day: string, amount: number, limit: number): Promise<boolean> {
  await database.insert(budgetLedger).values({ graph, day }).onConflictDoNothing();
  const result = await database
    .update(budgetLedger)
    .set({ reservedUsd: sql`${budgetLedger.reservedUsd} + ${amount}` })
    // A micro-dollar of slack so floating-point sums (20 × 0.05) do not refuse the last call that fits.
    .where(and(eq(budgetLedger.graph, graph), eq(budgetLedger.day, day), sql`${budgetLedger.spentUsd} + ${budgetLedger.reservedUsd} + ${amount} <= ${limit + 1e-6}`));
  return result.rowsAffected === 1;
}

/** Replaces a reservation by what the call really cost. */
export async function settleBudget(database: Database, graph: string, day: string, reserved: number, actual: number): Promise<{ spentUsd: number }> {
  const [row] = await database
    .update(budgetLedger)
    .set({ reservedUsd: sql`max(0, ${budgetLedger.reservedUsd} - ${reserved})`, spentUsd: sql`${budgetLedger.spentUsd} + ${actual}` })
    .where(and(eq(budgetLedger.graph, graph), eq(budgetLedger.day, day)))
    .returning({ spentUsd: budgetLedger.spentUsd });
  return { spentUsd: row?.spentUsd ?? actual };
}

/** Marks an alert level as sent for the day; true only for the first caller. */
export async function claimAlert(database: Database, graph: string, day: string, level: "warned" | "exhausted"): Promise<boolean> {
  const column = level === "warned" ? budgetLedger.warnedAt : budgetLedger.exhaustedAt;
  const result = await database
    .update(budgetLedger)
    .set(level === "warned" ? { warnedAt: Date.now() } : { exhaustedAt: Date.now() })
    .where(and(eq(budgetLedger.graph, graph), eq(budgetLedger.day, day), sql`${column} IS NULL`));
  return result.rowsAffected === 1;
}

export async function ledgerForDay(database: Database, day: string) {
  return database.select().from(budgetLedger).where(eq(budgetLedger.day, day));
}
