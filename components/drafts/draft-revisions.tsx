import { formatDateTime } from "@/lib/format";
import type { DraftView } from "./types";

/** Each revision request, newest first: what was asked, what came of it, and the version it replaced. */
export function DraftRevisions({ revisions }: { revisions: DraftView["revisions"] }) {
  return (
    <ol className="space-y-3 text-sm">
      {[...revisions].reverse().map((r) => (
        <li key={r.seq} className="rounded-md border border-slate-200 p-3">
          <p className="text-slate-700">
            <span className="font-medium">{r.instruction ? `“${r.instruction}”` : "Regenerate"}</span>
            <span className="text-slate-500"> · {formatDateTime(r.createdAt)} · {r.outcome === "revised" ? "redrafted" : "unchanged"}</span>
          </p>
          {r.note ? <p className="mt-1 text-amber-800">{r.note}</p> : null}
          {r.outcome === "revised" ? (
            <details className="mt-1">
              <summary className="cursor-pointer text-slate-600">The version before ({r.previousModel})</summary>
              <p className="mt-2 font-medium text-slate-900">{r.previousSubject}</p>
              <pre className="mt-1 whitespace-pre-wrap font-sans leading-relaxed text-slate-700">{r.previousBody}</pre>
            </details>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
