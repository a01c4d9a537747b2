import "server-only";
import { z } from "zod";
import { db } from "@/db/client";
import { ledgerForDay } from "@/db/queries/budgets";
import { KILL_SWITCH_KEY, readKillSwitch } from "@/db/queries/llm";
import { readSetting, writeSetting } from "@/db/queries/settings";
import { FLEET } from "@/graphs/registry";
import { sendAlert } from "@/lib/alerts";
import { hasRole } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { AppError, invalidInput } from "@/lib/errors";
import { BUDGETS_KEY, WARN_AT } from "@/lib/llm/budget";

/** The most an admin may give one graph per day, in USD: a typo of three zeros should not go through. */
export const MAX_DAILY_BUDGET_USD = 10_000;

type Budgets = Record<string, number>;

/**
 * One graph's new daily budget. The amount arrives as typed in a form; every message names the
 * graph, because the editor shows all of them at once.
 */
export const GraphBudgetInput = z
  .object({ graph: z.string(), usd: z.union([z.number(), z.string()]) })
  .transform(({ graph, usd }, ctx) => {
    if (!(FLEET.ids as readonly string[]).includes(graph)) {
      ctx.addIssue({ code: "custom", message: `There is no graph called "${graph}".`, path: ["graph"] });
      return z.NEVER;
    }
    const amount = typeof usd === "number" ? usd : usd.trim() === "" ? Number.NaN : Number(usd.trim());
    if (!Number.isFinite(amount) || amount < 0 || amount > MAX_DAILY_BUDGET_USD) {
      ctx.addIssue({ code: "custom", message: `The daily budget for ${graph} must be an amount in USD from 0 to ${MAX_DAILY_BUDGET_USD.toLocaleString("en")}.`, path: ["usd"] });
      return z.NEVER;
    }
    return { graph, usd: amount };
  });

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function requireAdmin(user: SessionUser) {
  if (!hasRole(user.role, "admin")) throw new AppError("forbidden:admin");
}

/** The limit the gateway enforces: the configured one when it is a usable number, else the env default. */
function limitOf(budgets: Budgets | null, graph: string): { limitUsd: number; configured: boolean } {
  const configured = budgets?.[graph];
  return typeof configured === "number" && configured >= 0 ? { limitUsd: configured, configured: true } : { limitUsd: env().LLM_DAILY_BUDGET_USD, configured: false };
}

/** What the admin cost page needs to show and change: the kill switch, and each fleet graph's day so far. */
export async function modelControls(user: SessionUser, now = Date.now()) {
  requireAdmin(user);
  const database = db();
  const day = utcDay(now);
  const [switchedOn, budgets, ledger] = await Promise.all([
    readKillSwitch(database),
    readSetting<Budgets>(database, BUDGETS_KEY),
    ledgerForDay(database, day),
  ]);
  const spent = new Map(ledger.map((row) => [row.graph, row]));
  return {
    day,
    killSwitch: { enabled: switchedOn, byEnvironment: env().LLM_KILL_SWITCH === true },
    defaultLimitUsd: env().LLM_DAILY_BUDGET_USD,
    graphs: FLEET.ids.map((graph) => ({
      graph,
      spentUsd: spent.get(graph)?.spentUsd ?? 0,
      reservedUsd: spent.get(graph)?.reservedUsd ?? 0,
      ...limitOf(budgets, graph),
    })),
  };
}

export type ModelControls = Awaited<ReturnType<typeof modelControls>>;

/**
 * Turns every model call off (or back on) without a deploy; the gateway rereads the setting at
 * most once a second. Refused while LLM_KILL_SWITCH holds it on, since the setting would change nothing.
 */
export async function setKillSwitch(user: SessionUser, enabled: boolean): Promise<void> {
  requireAdmin(user);
  if (env().LLM_KILL_SWITCH) {
    throw new AppError("conflict:admin", { message: "The kill switch is on via the environment (LLM_KILL_SWITCH); turn it off there first." });
  }
  const database = db();
  // The audit entry records the state it replaced, so the log reads as before → after.
  const from = await readKillSwitch(database);
  await writeSetting(database, KILL_SWITCH_KEY, { enabled }, user.id, "llm.kill_switch", { enabled, from });
  // Not awaited: the switch is already set, and a hung webhook must not hold the admin's toggle (sendAlert never throws).
  void sendAlert(env().ALERT_WEBHOOK_URL, { type: "kill_switch", enabled, by: user.email });
}

/** Sets one graph's daily budget; the audit entry records the limit it replaced. */
export async function setGraphBudget(user: SessionUser, graph: string, usd: number | string): Promise<{ from: number; to: number }> {
  requireAdmin(user);
  const parsed = GraphBudgetInput.safeParse({ graph, usd });
  if (!parsed.success) throw invalidInput(parsed.error.issues, "bad_request:admin", { named: false });
  const database = db();
  const budgets = await readSetting<Budgets>(database, BUDGETS_KEY);
  const from = limitOf(budgets, parsed.data.graph).limitUsd;
  const to = parsed.data.usd;
  // Read-modify-write of one small JSON object: two admins saving different graphs in the same instant can lose one save.
  await writeSetting(database, BUDGETS_KEY, { ...budgets, [parsed.data.graph]: to }, user.id, "llm.budgets", { graph: parsed.data.graph, from, to });
  return { from, to };
}

/** Which graph's budget goes back to the default: one of the fleet, named in the message. */
export const GraphBudgetResetInput = z.object({ graph: z.string() }).superRefine(({ graph }, ctx) => {
  if (!(FLEET.ids as readonly string[]).includes(graph)) ctx.addIssue({ code: "custom", message: `There is no graph called "${graph}".`, path: ["graph"] });
});

/**
 * Gives a graph back the default daily budget (LLM_DAILY_BUDGET_USD) by removing its own limit,
 * so a later change of the default applies to it again. Audited like a new limit, marked as a
 * reset; a graph already on the default is left alone and nothing is written.
 */
export async function resetGraphBudget(user: SessionUser, graph: string): Promise<{ from: number; to: number; changed: boolean }> {
  requireAdmin(user);
  const parsed = GraphBudgetResetInput.safeParse({ graph });
  if (!parsed.success) throw invalidInput(parsed.error.issues, "bad_request:admin", { named: false });
  const database = db();
  const budgets = await readSetting<Budgets>(database, BUDGETS_KEY);
  const current = limitOf(budgets, graph);
  const to = env().LLM_DAILY_BUDGET_USD;
  if (!current.configured) return { from: current.limitUsd, to, changed: false };
  const rest = Object.fromEntries(Object.entries(budgets ?? {}).filter(([name]) => name !== graph));
  await writeSetting(database, BUDGETS_KEY, rest, user.id, "llm.budgets", { graph, from: current.limitUsd, to, reset: true });
  return { from: current.limitUsd, to, changed: true };
}

export type BudgetAlert = { graph: string; spentUsd: number; limitUsd: number; share: number; level: "warning" | "exhausted" };

/**
 * Graphs at or past 80 % of today's budget, for the admin banner on every console page: one read
 * of today's ledger and one of the budgets row. A zero budget counts as exhausted: it refuses every call.
 */
export async function budgetAlerts(user: SessionUser, now = Date.now()): Promise<BudgetAlert[]> {
  requireAdmin(user);
  const database = db();
  const [ledger, budgets] = await Promise.all([ledgerForDay(database, utcDay(now)), readSetting<Budgets>(database, BUDGETS_KEY)]);
  const alerts: BudgetAlert[] = [];
  for (const row of ledger) {
    const { limitUsd } = limitOf(budgets, row.graph);
    const share = limitUsd > 0 ? row.spentUsd / limitUsd : 1;
    if (share >= 1) alerts.push({ graph: row.graph, spentUsd: row.spentUsd, limitUsd, share, level: "exhausted" });
    else if (share >= WARN_AT) alerts.push({ graph: row.graph, spentUsd: row.spentUsd, limitUsd, share, level: "warning" });
  }
  return alerts.sort((a, b) => b.share - a.share);
}

/** Whether every model call is switched off now (the admin's switch or LLM_KILL_SWITCH), for the banner on every page. */
export async function killSwitchOn(user: SessionUser): Promise<boolean> {
  requireAdmin(user);
  return env().LLM_KILL_SWITCH === true || (await readKillSwitch(db()));
}
