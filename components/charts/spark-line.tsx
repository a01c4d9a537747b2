"use client";
import { Area, AreaChart } from "recharts";
import { ChartFrame, NoChartData } from "./chart-frame";
import { seriesColour, type ChartRow } from "./series";

/**
 * A small trend inside a table row: one series, no axes (the row's own numbers say how much),
 * still a named figure with its numbers as a screen-reader table.
 */
export function SparkLine({ label, data, height = 36 }: { label: string; data: ChartRow[]; height?: number }) {
  if (data.length === 0) return <NoChartData />;
  const colour = seriesColour(0);
  return (
    <ChartFrame label={label} data={data} series={[{ key: "value", label }]} height={height}>
      <AreaChart data={data} title={label} margin={{ top: 2, right: 2, bottom: 2, left: 2 }}>
        <Area type="monotone" dataKey="value" stroke={colour} fill={colour} fillOpacity={0.15} strokeWidth={1.5} isAnimationActive={false} dot={false} />
      </AreaChart>
    </ChartFrame>
  );
}
