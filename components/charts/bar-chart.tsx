"use client";
import { Bar, CartesianGrid, Legend, BarChart as RechartsBarChart, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_LINE, AXIS_TICK, ChartFrame, ChartTooltip, GRID_STROKE, legendText, NoChartData } from "./chart-frame";
import { formatTick, type ChartFormat } from "./number-format";
import { seriesColour, seriesOf, shortTick, wholeNumbers, type ChartRow, type ChartSeries } from "./series";

export type BarChartProps = {
  /** The figure's accessible name and the caption of its screen-reader table. */
  label: string;
  /** One row per category, in the order to draw them. */
  data: ChartRow[];
  /** The bars of each category; absent, each row's `value`. More than one gets a legend. */
  series?: ChartSeries[];
  /** A format name or description, never a function (server components pass it). */
  format?: ChartFormat;
  /** Stack the series into one bar per category (parts of a whole) instead of side by side. */
  stacked?: boolean;
  xLabel?: string;
  yLabel?: string;
  height?: number;
};

/** Categories on the x axis, one bar per series each, with value ticks, a tooltip and a legend. */
export function BarChart({ label, data, series, format = "number", stacked = false, xLabel, yLabel, height = 220 }: BarChartProps) {
  if (data.length === 0) return <NoChartData />;
  const bars = seriesOf(series, label);
  const many = bars.length > 1;
  return (
    <ChartFrame label={label} data={data} series={bars} format={format} height={height}>
      <RechartsBarChart data={data} title={label} margin={{ top: 8, right: 8, bottom: xLabel ? 16 : 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis
          dataKey="key"
          tick={AXIS_TICK}
          axisLine={AXIS_LINE}
          tickLine={false}
          tickFormatter={(v: string) => shortTick(String(v))}
          minTickGap={4}
          label={xLabel ? { value: xLabel, position: "insideBottom", offset: -8, fill: AXIS_TICK.fill, fontSize: 11 } : undefined}
        />
        <YAxis
          width="auto"
          allowDecimals={!wholeNumbers(data, bars)}
          tick={AXIS_TICK}
          axisLine={false}
          tickLine={false}
          tickFormatter={(v: number) => formatTick(format, v)}
          label={yLabel ? { value: yLabel, angle: -90, position: "insideLeft", fill: AXIS_TICK.fill, fontSize: 11 } : undefined}
        />
        <Tooltip cursor={{ fill: "#f1f5f9" }} content={({ active, payload, label: at }) => <ChartTooltip active={active} payload={payload} label={at} format={format} named={many} />} />
        {many ? <Legend wrapperStyle={{ fontSize: 12 }} formatter={legendText} /> : null}
        {bars.map((s, i) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={seriesColour(i)} stackId={stacked ? "stack" : undefined} maxBarSize={48} />
        ))}
      </RechartsBarChart>
    </ChartFrame>
  );
}
