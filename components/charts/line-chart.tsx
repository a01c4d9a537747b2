/** A dependency-free SVG line chart over an ordered series (e.g. days). */
export function LineChart({ data, format = String, label }: { data: { key: string; value: number }[]; format?: (n: number) => string; label: string }) {
  if (data.length === 0) return <p className="text-sm text-slate-500">No data in this period.</p>;
  const max = Math.max(...data.map((d) => d.value), 0) || 1;
  const step = data.length > 1 ? 100 / (data.length - 1) : 0;
  const points = data.map((d, i) => `${(i * step).toFixed(2)},${(40 - (d.value / max) * 38).toFixed(2)}`).join(" ");
  return (
    <figure aria-label={label}>
      <svg viewBox="0 0 100 40" preserveAspectRatio="none" className="h-44 w-full" role="img" aria-label={label}>
        <polyline points={points} fill="none" strokeWidth="0.6" vectorEffect="non-scaling-stroke" className="stroke-brand-600" style={{ strokeWidth: 2 }} />
        {data.map((d, i) => (
          <circle key={d.key} cx={i * step} cy={40 - (d.value / max) * 38} r="0.8" className="fill-brand-600">
            <title>{`${d.key}: ${format(d.value)}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="mt-1 flex justify-between text-[10px] text-slate-500">
        <span>{data[0]!.key}</span>
        <span>max {format(max)}</span>
        <span>{data.at(-1)!.key}</span>
      </figcaption>
    </figure>
  );
}
