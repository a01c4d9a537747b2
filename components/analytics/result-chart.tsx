"use client";
import { useId, useMemo, useState } from "react";
import { BarChart } from "@/components/charts/bar-chart";
import { LineChart } from "@/components/charts/line-chart";
import { columnFormat, measureName } from "./column-format";
import type { Cell } from "./column-format";
import { chartLabel, chartPoints, planChart } from "./result-shape";

const MAX_POINTS = 50;

/**
 * The chart the result's shape calls for (see planChart), saying which measure it plots, with a
 * choice of which numeric column to plot; nothing at all when the shape has no obvious chart.
 * Numbers are rounded the way the table rounds them (columnFormat).
 */
export function ResultChart({ columns, rows, question }: { columns: string[]; rows: Cell[][]; question: string }) {
  const plan = useMemo(() => planChart(columns, rows, question), [columns, rows, question]);
  const [chosen, setChosen] = useState<number | null>(null);
  const id = useId();
  if (plan.kind === "table") return null;
  const measure = chosen !== null && plan.measures.includes(chosen) ? chosen : plan.measure;
  const points = chartPoints({ ...plan, measure }, rows, MAX_POINTS);
  const label = chartLabel(columns, plan.x, measure);
  const format = columnFormat(columns[measure]!, rows.map((r) => r[measure]));
  const xName = columns[plan.x]!.replace(/_/g, " ");
  const Chart = plan.kind === "line" ? LineChart : BarChart;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-medium text-slate-800" data-testid="chart-measure">
          Chart: {measureName(columns[measure]!)} by {xName}
        </p>
        {plan.measures.length > 1 ? (
          <div className="flex items-center gap-2 text-xs text-slate-600">
            <label htmlFor={id}>Plot</label>
            <select id={id} value={measure} onChange={(e) => setChosen(Number(e.target.value))} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs">
              {plan.measures.map((i) => (
                <option key={i} value={i}>{columns[i]}</option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      <Chart label={label} data={points} format={format} xLabel={xName} />
      {rows.length > MAX_POINTS ? <p className="text-xs text-slate-500">The chart shows the first {MAX_POINTS} of {rows.length} rows; the table has them all.</p> : null}
    </div>
  );
}
