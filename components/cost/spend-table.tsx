import type { CostDashboard } from "@/lib/services/cost";
import { BarChart } from "@/components/charts/bar-chart";
import { formatNumber } from "@/lib/format";
import { formatUsd as usd } from "@/lib/format";

export { usd };

/** Spend by one dimension: a bar chart and the exact figures beneath it. */
export function SpendTable({ title, rows }: { title: string; rows: CostDashboard["byGraph"] }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5" aria-label={title}>
      <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
      <BarChart label={`Spend ${title.toLowerCase()}`} data={rows.slice(0, 12).map((r) => ({ key: r.key, value: r.costUsd }))} format="usd" />
      <table className="mt-3 min-w-full text-sm">
        <thead className="text-left text-xs text-slate-500">
          <tr><th className="py-1">{title.replace(/^By /, "")}</th><th className="py-1 text-right">Spend</th><th className="py-1 text-right">Calls</th><th className="py-1 text-right">Tokens in / out</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.key}>
              <td className="py-1 font-mono text-xs">{r.key}</td>
              <td className="py-1 text-right tabular-nums">{usd(r.costUsd)}</td>
              <td className="py-1 text-right tabular-nums">{formatNumber(r.calls)}</td>
              <td className="py-1 text-right tabular-nums">{formatNumber(r.tokensIn)} / {formatNumber(r.tokensOut)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
