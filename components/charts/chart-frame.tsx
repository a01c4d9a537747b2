"use client";
import type { ReactElement } from "react";
import { ResponsiveContainer, type TooltipContentProps } from "recharts";
import { formatValue, type ChartFormat } from "./number-format";
import { valueOf, type ChartRow, type ChartSeries } from "./series";

/** Tick text and grid in the console's slate greys; tick text keeps 4.5:1 against white. */
export const AXIS_TICK = { fill: "#475569", fontSize: 11 } as const;
export const AXIS_LINE = { stroke: "#cbd5e1" } as const;
export const GRID_STROKE = "#e2e8f0";

type FrameProps = {
  label: string;
  data: ChartRow[];
  series: ChartSeries[];
  format?: ChartFormat;
  height: number;
  children: ReactElement;
};

/**
 * A chart as a named figure: the drawing, sized to its container at a fixed height, and the same
 * numbers as a table that only screen readers get (the drawing's keyboard layer reads one point
 * at a time; the table reads them all).
 */
export function ChartFrame({ label, data, series, format, height, children }: FrameProps) {
  return (
    <figure aria-label={label} className="relative w-full" data-chart="">
      <ResponsiveContainer width="100%" height={height}>
        {children}
      </ResponsiveContainer>
      {/* The clipping is on a div: a table ignores the 1px width sr-only sets, so an sr-only table
          stays as wide as its text and, absolutely placed, widened the page past the window. The
          figure is its containing block, so it is never placed outside the chart either. */}
      <div className="sr-only">
        <table>
          <caption>{label}</caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              {series.map((s) => <th key={s.key} scope="col">{s.label}</th>)}
            </tr>
          </thead>
          <tbody>
            {data.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.key}</th>
                {series.map((s) => {
                  const v = valueOf(row, s.key);
                  return <td key={s.key}>{v === null ? "—" : formatValue(format, v)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/**
 * The hover (or keyboard) box: the category, then each series with its formatted value. A chart
 * of one series shows the value alone; the figure's name already says what it is.
 */
export function ChartTooltip({ active, payload, label, format, named }: Pick<TooltipContentProps, "active" | "payload" | "label"> & { format?: ChartFormat; named: boolean }) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs text-slate-800 shadow-md" data-testid="chart-tooltip">
      <p className="font-medium text-slate-900">{label}</p>
      <ul className="mt-1 space-y-0.5">
        {payload.map((entry) => (
          <li key={String(entry.dataKey)} className="flex items-center gap-2">
            {named ? (
              <>
                <span aria-hidden="true" className="inline-block h-2 w-2 rounded-sm" style={{ background: entry.color }} />
                <span className="text-slate-600">{entry.name}</span>
              </>
            ) : null}
            <span className="ml-auto font-medium tabular-nums">{typeof entry.value === "number" ? formatValue(format, entry.value) : "—"}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Legend names in body text colour: the swatch carries the series colour, and amber text on white would be unreadable. */
export function legendText(value: string) {
  return <span className="text-slate-700">{value}</span>;
}

/** The empty state every chart shares. */
export function NoChartData() {
  return <p className="text-sm text-slate-500">No data in this period.</p>;
}
