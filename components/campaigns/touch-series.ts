import type { ChartRow } from "@/components/charts/series";

const DAY_MS = 86_400_000;
const dayKey = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Touches sent per day as chart rows, every day from the first to `until` (UTC days, at most
 * `most` of the latest), with 0 on days nothing went: a quiet day is part of the trend, not a gap.
 */
export function dailyTouches(rows: readonly { day: string; sent: number }[], until: Date, most = 60): ChartRow[] {
  if (rows.length === 0) return [];
  const byDay = new Map(rows.map((r) => [r.day, r.sent]));
  const last = Date.parse(`${dayKey(until.getTime())}T00:00:00Z`);
  const firstGiven = Date.parse(`${[...byDay.keys()].sort()[0]}T00:00:00Z`);
  const first = Math.max(firstGiven, last - (most - 1) * DAY_MS);
  const out: ChartRow[] = [];
  for (let at = Math.min(first, last); at <= Math.max(last, first); at += DAY_MS) out.push({ key: dayKey(at), value: byDay.get(dayKey(at)) ?? 0 });
  return out;
}
