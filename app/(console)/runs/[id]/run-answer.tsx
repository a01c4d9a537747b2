import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatSql } from "@/components/analytics/format-sql";
import { Card } from "@/components/ui/card";
import type { RunAnswer } from "@/lib/services/runs";

const STATUS: Record<RunAnswer["status"], { label: string; tone: BadgeTone }> = {
  answered: { label: "Answered", tone: "good" },
  validated: { label: "SQL checked, not run", tone: "info" },
  failed: { label: "Not answered", tone: "bad" },
  needs_model: { label: "Needs a model", tone: "warn" },
};

const SOURCE: Record<RunAnswer["source"], string> = {
  catalogue: "a fixed report from the catalogue",
  metrics: "the metrics layer, without a model",
  model: "SQL written by the model",
  none: "no SQL (no model configured)",
  operator: "the operator's own SQL",
};

/**
 * What a text_to_sql run answered: the question, the summary and the SQL behind it, as the
 * analytics service kept them on the run (the rows stay with the person who asked).
 */
export function RunAnswerCard({ question, answer }: { question: string; answer: RunAnswer | null }) {
  return (
    <Card title="Answer">
      <div className="space-y-3 text-sm" data-testid="run-answer">
        <p className="font-medium text-slate-900">“{question}”</p>
        {answer ? (
          <>
            <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
              <Badge tone={STATUS[answer.status].tone}>{STATUS[answer.status].label}</Badge>
              <span>From {SOURCE[answer.source]}</span>
              {answer.confidence !== null ? <span>· Confidence {Math.round(answer.confidence * 100)}%</span> : null}
              <span>
                · {answer.row_count}
                {answer.truncated ? "+" : ""} row{answer.row_count === 1 && !answer.truncated ? "" : "s"}
              </span>
              {answer.tables.length ? <span data-testid="run-answer-tables">· Tables {answer.tables.join(", ")}</span> : null}
              <span>· {answer.repairs} repair{answer.repairs === 1 ? "" : "s"}</span>
            </div>
            <p className="text-slate-800" data-testid="run-answer-summary">{answer.summary}</p>
            {answer.sql ? (
              <pre className="overflow-x-auto rounded-md bg-slate-50 p-3 font-mono text-xs text-slate-800" aria-label="SQL">{formatSql(answer.sql)}</pre>
            ) : null}
          </>
        ) : (
          <p className="text-slate-500">This run kept no answer: it did not finish, or it ran before answers were kept on runs.</p>
        )}
        <Link href="/analytics" className="inline-block text-brand-700 hover:underline">Open analytics</Link>
      </div>
    </Card>
  );
}
