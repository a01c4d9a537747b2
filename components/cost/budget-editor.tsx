"use client";
import Link from "next/link";
import { useState } from "react";
import type { ModelControls } from "@/lib/services/model-controls";
import { formatPercent, formatUsd as usd } from "@/lib/format";
import { useResetGraphBudget, useSetGraphBudget } from "./use-model-controls";

type GraphRow = ModelControls["graphs"][number];

function BudgetRow({ row }: { row: GraphRow }) {
  const [value, setValue] = useState(String(row.limitUsd));
  const save = useSetGraphBudget(row.graph);
  const reset = useResetGraphBudget(row.graph);
  const errorId = `budget-error-${row.graph}`;
  const problem = save.error ?? reset.error;
  return (
    <tr>
      <td className="py-2 font-mono text-xs">{row.graph}</td>
      <td className="py-2 text-right tabular-nums" data-testid={`budget-spent-${row.graph}`}>
        {usd(row.spentUsd)}
        {row.limitUsd > 0 ? <span className="ml-1 text-xs text-slate-500">({formatPercent(row.spentUsd / row.limitUsd)})</span> : null}
      </td>
      <td className="py-2 text-right tabular-nums">
        {usd(row.limitUsd)} <span className="text-xs text-slate-500">{row.configured ? "set" : "default"}</span>
      </td>
      <td className="py-2 pl-4">
        <form
          className="flex items-start gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate(value);
          }}
        >
          <div>
            <input
              type="text"
              inputMode="decimal"
              aria-label={`Daily budget for ${row.graph} (USD)`}
              aria-invalid={Boolean(problem)}
              aria-describedby={problem ? errorId : undefined}
              value={value}
              onChange={(event) => setValue(event.target.value)}
              className="w-24 rounded-md border border-slate-300 px-2 py-1 text-right text-sm tabular-nums focus:border-brand-500"
            />
            {problem ? <p id={errorId} role="alert" className="mt-1 max-w-56 text-xs text-rose-700">{problem.message}</p> : null}
          </div>
          <button type="submit" disabled={save.isPending || reset.isPending} className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60">
            {save.isPending ? "Saving…" : "Save"}
          </button>
          {row.configured ? (
            <button
              type="button"
              disabled={save.isPending || reset.isPending}
              onClick={() => reset.mutate()}
              aria-label={`Reset the daily budget for ${row.graph} to the default`}
              className="rounded-md px-2 py-1 text-sm text-slate-600 underline hover:text-slate-900 disabled:opacity-60"
            >
              {reset.isPending ? "Resetting…" : "Reset to default"}
            </button>
          ) : null}
        </form>
      </td>
    </tr>
  );
}

/** One row per fleet graph: today's spend from the budget ledger, its limit, and an input to change it. */
export function BudgetEditor({ graphs, defaultLimitUsd }: { graphs: GraphRow[]; defaultLimitUsd: number }) {
  return (
    <div className="text-sm">
      <table className="min-w-full" aria-label="Daily budgets">
        <thead className="text-left text-xs text-slate-500">
          <tr><th className="py-1">Graph</th><th className="py-1 text-right">Spent today</th><th className="py-1 text-right">Limit</th><th className="py-1 pl-4">New limit (USD)</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {graphs.map((row) => <BudgetRow key={`${row.graph}:${row.limitUsd}`} row={row} />)}
        </tbody>
      </table>
      <p className="mt-3 text-xs text-slate-500">
        Limits are per UTC day, from $0 to $10,000; a graph without one gets {usd(defaultLimitUsd)} (LLM_DAILY_BUDGET_USD), and “Reset to default” gives it that again. At the limit its model calls are refused and it takes its deterministic path. Every change is audited: <Link href="/admin/audit?action=llm.budgets" className="text-brand-700 underline">see the log</Link>.
      </p>
    </div>
  );
}
