import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatSql } from "./format-sql";
import type { Attempt } from "./types";

const KIND: Record<Attempt["kind"], { label: string; tone: BadgeTone }> = {
  ok: { label: "ran", tone: "good" },
  rejected: { label: "refused by the gate", tone: "bad" },
  database: { label: "database error", tone: "bad" },
  timeout: { label: "too slow", tone: "warn" },
};

/** Every SQL the answer tried, in order, with what went wrong; repairs are the tries after the first. */
export function AttemptsList({ attempts, repairs }: { attempts: Attempt[]; repairs: number }) {
  return (
    <details className="rounded-md border border-slate-200" open={attempts.some((a) => a.kind !== "ok")}>
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-800">
        Attempts ({attempts.length}) · {repairs} repair{repairs === 1 ? "" : "s"}
      </summary>
      {attempts.length === 0 ? (
        <p className="px-3 pb-3 text-sm text-slate-500">No SQL was run.</p>
      ) : (
        <ol className="space-y-3 px-3 pb-3" aria-label="Attempts">
          {attempts.map((a, i) => (
            <li key={i} className="space-y-1">
              <p className="flex items-center gap-2 text-xs text-slate-600">
                <span className="font-medium">{i === 0 ? "First try" : `Repair ${i}`}</span>
                <Badge tone={KIND[a.kind].tone}>{KIND[a.kind].label}</Badge>
              </p>
              <pre className="overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs text-slate-800">{formatSql(a.sql)}</pre>
              {a.error ? <p className="text-xs text-rose-700">{a.error}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
