"use client";
import { useId, useState } from "react";
import { BarChart } from "@/components/charts/bar-chart";
import { Card } from "@/components/ui/card";
import { formatNumber, humanize } from "@/lib/format";
import type { FunnelView } from "./types";
import { useFunnel } from "./use-analytics";

const STAGES = ["discovered", "enriched", "contacted", "opened", "replied", "converted"] as const;

/**
 * One bar per stage; across all verticals each bar is stacked by vertical, so the parts add up to
 * the stage's total and a vertical's own funnel can be followed by its colour.
 */
function FunnelChart({ data, scope }: { data: FunnelView; scope: string }) {
  const label = `Funnel, ${scope}`;
  if (data.byVertical.length === 0) {
    return <BarChart label={label} data={STAGES.map((s) => ({ key: humanize(s), value: data.total.counts[s] }))} format="number" yLabel="Contacts" />;
  }
  const rows = STAGES.map((s) => ({ key: humanize(s), ...Object.fromEntries(data.byVertical.map((v) => [v.key, v.counts[s]])) }));
  const series = data.byVertical.map((v) => ({ key: v.key, label: humanize(v.key) }));
  return <BarChart label={label} data={rows} series={series} stacked format="number" yLabel="Contacts" />;
}

const percent = (ratio: number | null) => (ratio === null ? "—" : `${(ratio * 100).toFixed(ratio < 0.1 ? 1 : 0)}%`);

/** The funnel from discovered to converted, with the rate of each step, for one vertical or all of them. */
export function FunnelPanel({ verticals, initial }: { verticals: readonly string[]; initial: FunnelView }) {
  const [vertical, setVertical] = useState("all");
  const { data, error, isFetching } = useFunnel(vertical, initial);
  const id = useId();
  const scope = vertical === "all" ? "all verticals" : humanize(vertical);
  return (
    <Card title="Funnel">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">Contacts at each stage; the rate under each stage is its share of the stage before.</p>
        <div className="flex items-center gap-2 text-sm text-slate-700">
          <label htmlFor={id}>Vertical</label>
          <select id={id} value={vertical} onChange={(e) => setVertical(e.target.value)} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
            <option value="all">All verticals</option>
            {verticals.map((v) => (
              <option key={v} value={v}>{humanize(v)}</option>
            ))}
          </select>
        </div>
      </div>
      {error ? <p role="alert" className="mb-2 text-sm text-rose-700">{error.message}</p> : null}
      {data ? (
        <div className={`space-y-4 ${isFetching ? "opacity-60" : ""}`} aria-busy={isFetching}>
          <FunnelChart data={data} scope={scope} />
          <ol className="grid grid-cols-3 gap-2 text-center sm:grid-cols-6" aria-label={`Funnel stages, ${scope}`}>
            {STAGES.map((s, i) => (
              <li key={s} className="rounded-md bg-slate-50 px-2 py-2">
                <p className="text-xs text-slate-500">{humanize(s)}</p>
                <p className="text-base font-semibold tabular-nums text-slate-900">{formatNumber(data.total.counts[s])}</p>
                <p className="text-xs tabular-nums text-slate-600" data-testid={`rate-${s}`}>
                  {i === 0 ? "—" : `${percent(data.total.rates[s as Exclude<(typeof STAGES)[number], "discovered">])} of ${STAGES[i - 1]}`}
                </p>
              </li>
            ))}
          </ol>
          <p className="text-sm text-slate-700">Overall: {percent(data.total.overall)} of discovered contacts converted.</p>
          {data.byVertical.length ? (
            <table className="min-w-full text-sm">
              <thead className="text-left text-xs text-slate-500">
                <tr>
                  <th className="py-1">Vertical</th>
                  {STAGES.map((s) => <th key={s} className="py-1 text-right">{humanize(s)}</th>)}
                  <th className="py-1 text-right">Overall</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.byVertical.map((row) => (
                  <tr key={row.key}>
                    <td className="py-1">{humanize(row.key)}</td>
                    {STAGES.map((s) => <td key={s} className="py-1 text-right tabular-nums">{formatNumber(row.counts[s])}</td>)}
                    <td className="py-1 text-right tabular-nums">{percent(row.overall)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : (
        <p className="text-sm text-slate-500">Loading the funnel…</p>
      )}
    </Card>
  );
}
