"use client";
import { CartesianGrid, Legend, Line, LineChart as RechartsLineChart, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_LINE, AXIS_TICK, ChartFrame, ChartTooltip, GRID_STROKE, legendText, NoChartData } from "./chart-frame";
import { formatTick, type ChartFormat } from "./number-format";
import { seriesColour, seriesOf, wholeNumbers, type ChartRow, type ChartSeries } from "./series";

export type LineChartProps = {
  /** The figure's accessible name and the caption of its screen-reader table. */
  label: string;
  /** One row per point of time, in time order. */
  data: ChartRow[];
  /** The lines; absent, each row's `value`. More than one gets a legend. */
  series?: ChartSeries[];
  /** A format name or description, never a function (server components pass it). */
  format?: ChartFormat;
  xLabel?: string;
  yLabel?: string;
  height?: number;
};

/** An ordered series (days, weeks) per line, with value ticks, a tooltip and a legend. */
export function LineChart({ label, data, series, format = "number", xLabel, yLabel, height = 220 }: LineChartProps) {
  if (data.length === 0) return <NoChartData />;
  const lines = seriesOf(series, label);
  const many = lines.length > 1;
  return (
    <ChartFrame label={label} data={data} series={lines} format={format} height={height}>
      <RechartsLineChart data={data} title={label} margin={{ top: 8, right: 16, bottom: xLabel ? 16 : 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis
          dataKey="key"
          tick={AXIS_TICK}
          axisLine={AXIS_LINE}
          tickLine={false}
          minTickGap={16}
          label={xLabel ? { value: xLabel, position: "insideBottom", offset: -8, fill: AXIS_TICK.fill, fontSize: 11 } : undefined}
        />
        <YAxis
          width="auto"
          allowDecimals={!wholeNumbers(data, lines)}
          tick={AXIS_TICK}
          axisLine={false}
          tickLine={false}
          tickFormatter={(v: number) => formatTick(format, v)}
          label={yLabel ? { value: yLabel, angle: -90, position: "insideLeft", fill: AXIS_TICK.fill, fontSize: 11 } : undefined}
        />
        <Tooltip content={({ active, payload, label: at }) => <ChartTooltip active={active} payload={payload} label={at} format={format} named={many} />} />
        {many ? <Legend wrapperStyle={{ fontSize: 12 }} formatter={legendText} /> : null}
        {lines.map((s, i) => (
          <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={seriesColour(i)} strokeWidth={2} dot={data.length <= 31 ? { r: 2.5 } : false} activeDot={{ r: 4 }} connectNulls={false} />
        ))}
      </RechartsLineChart>
    </ChartFrame>
  );
}
