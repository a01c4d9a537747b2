import Link from "next/link";
import { formatDate } from "@/lib/format";
import { formatScore, TierBadge } from "./tier-badge";

type Term = { value: number | null; weight: number; why: string; source: string };
export type ExplainedScore = {
  score: number;
  tier: string;
  terms: Record<string, Term>;
  source: string;
  confidence: number;
  reason: string;
  promptVersion: string;
  model: string | null;
  runId: string | null;
  scoredAt: Date;
};

const TERM_LABELS: [string, string][] = [["seniority", "Seniority"], ["roleFit", "Role fit"], ["reachability", "Reachability"], ["propensity", "Propensity"]];

/** Who judged a term or the whole score, in words; a fallback never reads as the model's. */
export function sourceLabel(source: string, model: string | null = null): string {
  if (source === "model") return model ? `Model (${model})` : "Model";
  if (source === "rule_based_fallback") return "Rule-based fallback (model unavailable)";
  return "Rules";
}

/** The contact page's score, term by term: value, weight after renormalisation, why, and who judged it. */
export function ScoreExplanation({ score, canOpenRun }: { score: ExplainedScore | null; canOpenRun: boolean }) {
  if (!score) return <p className="text-sm text-slate-500">Not scored yet.</p>;
  return (
    <div className="space-y-3 text-sm" data-testid="score-explanation">
      <div className="flex flex-wrap items-center gap-3">
        <span className="text-2xl font-semibold tabular-nums">{formatScore(score.score)}</span>
        <TierBadge tier={score.tier} />
        <span className="text-slate-600" data-testid="score-source">{sourceLabel(score.source, score.model)}</span>
        <span className="text-xs text-slate-500">
          confidence {score.confidence.toFixed(2)} · {score.promptVersion} · scored {formatDate(score.scoredAt)}
          {canOpenRun && score.runId ? <> · <Link href={`/runs/${score.runId}`} className="text-brand-700 hover:underline">Run</Link></> : null}
        </span>
      </div>
      <table className="min-w-full text-left">
        <thead className="text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th className="py-1 pr-4">Term</th>
            <th className="py-1 pr-4">Value</th>
            <th className="py-1 pr-4">Weight</th>
            <th className="py-1 pr-4">Why</th>
            <th className="py-1">Judged by</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {TERM_LABELS.map(([key, label]) => {
            const term = score.terms[key];
            if (!term) return null;
            return (
              <tr key={key} data-testid={`score-term-${key}`}>
                <td className="py-1.5 pr-4 font-medium text-slate-900">{label}</td>
                <td className="py-1.5 pr-4 tabular-nums">{term.value === null ? "not known" : term.value.toFixed(2)}</td>
                <td className="py-1.5 pr-4 tabular-nums">{term.value === null ? "left out" : `${Math.round(term.weight * 100)} %`}</td>
                <td className="py-1.5 pr-4 text-slate-700">{term.why}</td>
                <td className="py-1.5 text-slate-600">{sourceLabel(term.source)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="text-xs text-slate-500">{score.reason}</p>
    </div>
  );
}
