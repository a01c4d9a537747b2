import { formatDate, formatPercent } from "@/lib/format";

type Fact = { id: number; fact: string; source: string; confidence: number; observedAt: Date | string };

/** Company facts, most confident first, each with its source and a confidence bar. */
export function FactList({ facts }: { facts: Fact[] }) {
  if (facts.length === 0) return <p className="text-sm text-slate-500">No facts recorded for this company.</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="facts">
      {facts.map((f) => (
        <li key={f.id} className="py-2.5">
          <p className="text-sm text-slate-800">{f.fact}</p>
          <div className="mt-1 flex flex-wrap items-center gap-3 text-xs text-slate-500">
            <span className="inline-flex items-center gap-1.5" title={`Confidence ${formatPercent(f.confidence)}`}>
              <span className="h-1.5 w-16 overflow-hidden rounded bg-slate-200">
                <span className="block h-full rounded bg-brand-500" style={{ width: formatPercent(f.confidence) }} />
              </span>
              {formatPercent(f.confidence)} confidence
            </span>
            <span>{f.source.startsWith("http") ? <a className="underline" href={f.source} rel="noreferrer noopener" target="_blank">{f.source}</a> : f.source.replace(/_/g, " ")}</span>
            <span>observed {formatDate(f.observedAt)}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
