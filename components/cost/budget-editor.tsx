"use client";
import { useState } from "react";
import type { ModelControls } from "@/lib/services/model-controls";
import { formatPercent } from "@/lib/format";
import { useSetGraphBudget } from "./use-model-controls";
import { formatUsd as usd } from "@/lib/format";

type GraphRow = ModelControls["graphs"][number];

function BudgetRow({ row }: { row: GraphRow }) {
  const [value, setValue] = useState(String(row.limitUsd));
  const save = useSetGraphBudget(row.graph);
  const errorId = `budget-error-${row.graph}`;
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
              aria-invalid={save.isError}
              aria-describedby={save.isError ? errorId : undefined}
              value={value}
              onChange={(event) => setValue(event.target.value)}
              className="w-24 rounded-md border border-slate-300 px-2 py-1 text-right text-sm tabular-nums focus:border-brand-500"
            />
            {save.error ? <p id={errorId} role="alert" className="mt-1 max-w-56 text-xs text-rose-700">{save.error.message}</p> : null}
          </div>
          <button type="submit" disabled={save.isPending} className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60">
            {save.isPending ? "Saving…" : "Save"}
          </button>
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
        Limits are per UTC day, from $0 to $10,000; a graph without one gets {usd(defaultLimitUsd)} (LLM_DAILY_BUDGET_USD). At the limit its model calls are refused and it takes its deterministic path.
      </p>
    </div>
  );
}
