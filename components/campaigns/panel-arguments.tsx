import { Badge } from "@/components/ui/badge";
import { formatPercent } from "@/lib/format";
import { LENS_NAMES, sourceWords } from "./panel-record";

type LensView = { lens: string; argument: string; provenance: { source: string; confidence: number }; promptVersion?: string };

/** Each lens's case, in the order they spoke, labelled with who argued it (a model or the offline rules). */
export function PanelArguments({ lenses }: { lenses: LensView[] }) {
  return (
    <ol className="space-y-3" data-testid="panel-arguments">
      {lenses.map((l) => (
        <li key={l.lens} className="rounded-md border border-slate-200 p-3">
          <div className="mb-1 flex flex-wrap items-center gap-2">
            <h3 className="text-sm font-semibold text-slate-900">{LENS_NAMES[l.lens] ?? l.lens}</h3>
            <Badge tone={l.provenance.source === "model" ? "info" : "warn"}>{sourceWords(l.provenance.source)}</Badge>
            <span className="text-xs text-slate-500">confidence {formatPercent(l.provenance.confidence)}</span>
          </div>
          <p className="text-sm leading-relaxed text-slate-700">{l.argument}</p>
        </li>
      ))}
    </ol>
  );
}
