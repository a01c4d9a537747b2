/** A dependency-free SVG bar chart: categories on the x axis, one value each. */
export function BarChart({ data, format = String, label, height = 180 }: { data: { key: string; value: number }[]; format?: (n: number) => string; label: string; height?: number }) {
  if (data.length === 0) return <p className="text-sm text-slate-500">No data in this period.</p>;
  const max = Math.max(...data.map((d) => d.value), 0) || 1;
  const barWidth = 100 / data.length;
  return (
    <figure aria-label={label}>
      <svg viewBox={`0 0 100 ${height / 4}`} preserveAspectRatio="none" className="h-44 w-full" role="img" aria-label={label}>
        {data.map((d, i) => {
          const h = (d.value / max) * (height / 4 - 2);
          return (
            <rect key={d.key} x={i * barWidth + barWidth * 0.15} y={height / 4 - h} width={barWidth * 0.7} height={h} className="fill-brand-500">
              <title>{`${d.key}: ${format(d.value)}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="mt-1 flex justify-between gap-1 text-[10px] text-slate-500">
        {data.map((d) => (
          <span key={d.key} className="min-w-0 flex-1 truncate text-center" title={`${d.key}: ${format(d.value)}`}>{d.key}</span>
        ))}
      </figcaption>
    </figure>
  );
}
