import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, Fields } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { formatDateTime, humanize, formatDuration } from "@/lib/format";
import { runDetailFor } from "@/lib/services/runs";
import { RunAnswerCard } from "./run-answer";

export const metadata: Metadata = { title: "Run" };

const TONE: Record<string, BadgeTone> = { success: "good", error: "bad", timeout: "bad", cancelled: "warn", interrupted: "info", running: "neutral", pending: "neutral" };

function elapsed(start: Date, end: Date | null): number | null {
  return end ? end.getTime() - start.getTime() : null;
}

const duration = (start: Date, end: Date | null) => formatDuration(elapsed(start, end));

const sumOf = <T,>(items: T[], value: (item: T) => number) => items.reduce((sum, item) => sum + value(item), 0);

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("rep");
  const { run, steps, modelCalls, draft, question, answer } = await runDetailFor(user, decodeURIComponent((await params).id)).catch((e: unknown) => {
    if (isAppError(e) && e.type === "not_found") notFound();
    throw e;
  });
  const contactId = typeof run.metadata?.contact_id === "number" ? run.metadata.contact_id : null;
  // Step durations drawn to one scale, so the slow step stands out.
  const longest = Math.max(1, ...steps.map((s) => elapsed(s.startedAt, s.endedAt) ?? 0));
  return (
    <div className="space-y-6">
      <div>
        {question !== null ? (
          <Link href="/analytics" className="text-sm text-slate-500 hover:text-slate-800">← Analytics</Link>
        ) : (
          <Link href="/drafts" className="text-sm text-slate-500 hover:text-slate-800">← Drafts</Link>
        )}
        <h1 className="mt-2 flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
          Run <span className="font-mono text-lg text-slate-600">{run.id}</span>
          <Badge tone={TONE[run.status] ?? "neutral"}>{humanize(run.status)}</Badge>
        </h1>
        <p className="mt-1 text-slate-600">
          Assistant <span className="font-mono text-sm">{run.assistantId}</span>
        </p>
      </div>
      {run.error ? (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">{run.error}</p>
      ) : null}
      <Card title="Run">
        <Fields
          rows={[
            ["Status", humanize(run.status)],
            ["Started", formatDateTime(run.startedAt)],
            ["Ended", formatDateTime(run.endedAt)],
            ["Duration", duration(run.startedAt, run.endedAt)],
            ["Thread", run.threadId ? <span key="t" className="font-mono text-xs">{run.threadId}</span> : "—"],
            ["Trace", run.traceId ? <span key="tr" className="font-mono text-xs">{run.traceId}</span> : "—"],
            ["LangSmith", run.runUrl ? <a key="ls" href={run.runUrl} className="text-brand-700 hover:underline" rel="noreferrer noopener" target="_blank">Open trace</a> : "Not traced"],
            ["Contact", contactId ? <Link key="c" href={`/contacts/${contactId}`} className="text-brand-700 hover:underline">Contact #{contactId}</Link> : "—"],
          ]}
        />
      </Card>
      <Card title={`Steps (${steps.length})`}>
        {steps.length === 0 ? (
          <p className="text-sm text-slate-500">No steps recorded.</p>
        ) : (
          <ol className="divide-y divide-slate-100" data-testid="run-steps">
            {steps.map((s, i) => (
              <li key={s.id} className="grid grid-cols-[2rem_minmax(0,14rem)_minmax(0,1fr)_6rem_5rem] items-center gap-3 py-2 text-sm">
                <span className="text-right text-xs tabular-nums text-slate-500">{i + 1}</span>
                <div className="min-w-0">
                  <span className="font-mono text-slate-900">{s.node}</span>
                  {s.error ? <p className="mt-0.5 text-xs text-rose-700">{s.error}</p> : null}
                </div>
                <span className="h-1.5 overflow-hidden rounded bg-slate-100" aria-hidden="true">
                  <span
                    className={`block h-full rounded ${s.status === "error" ? "bg-rose-400" : "bg-brand-500"}`}
                    style={{ width: `${Math.max(1, Math.round(((elapsed(s.startedAt, s.endedAt) ?? 0) / longest) * 100))}%` }}
                  />
                </span>
                <span className="justify-self-end"><Badge tone={TONE[s.status] ?? "neutral"}>{humanize(s.status)}</Badge></span>
                <span className="text-right tabular-nums text-slate-600">{duration(s.startedAt, s.endedAt)}</span>
              </li>
            ))}
          </ol>
        )}
      </Card>
      {question !== null ? <RunAnswerCard question={question} answer={answer} /> : null}
      {draft ? (
        <Card title="What this run produced">
          <p className="text-sm" data-testid="run-draft">
            Draft #{draft.id}: <span className="font-medium">{draft.editedSubject ?? draft.subject}</span>{" "}
            <span className="text-slate-500">({draft.status}, {draft.model})</span>{" "}
            <Link href={`/drafts?id=${draft.id}`} className="text-brand-700 hover:underline">Open in the queue</Link>
          </p>
        </Card>
      ) : null}
      <Card title={`Model calls (${modelCalls.length})`}>
        {modelCalls.length === 0 ? (
          <p className="text-sm text-slate-500">No model calls: every step took its deterministic path (no model configured, or none was needed).</p>
        ) : (
          <table className="min-w-full text-sm" data-testid="run-model-calls">
            <thead className="text-left text-xs text-slate-500">
              <tr><th className="py-1">Node</th><th className="py-1">Model</th><th className="py-1">Prompt</th><th className="py-1 text-right">Tokens in / out</th><th className="py-1 text-right">Cost</th><th className="py-1 text-right">Latency</th><th className="py-1">Cache</th><th className="py-1">Status</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {modelCalls.map((c) => (
                <tr key={c.id}>
                  <td className="py-1 font-mono text-xs">{c.node}</td>
                  <td className="py-1 font-mono text-xs">{c.model}</td>
                  <td className="py-1 font-mono text-xs">{c.promptVersion ?? "—"}</td>
                  <td className="py-1 text-right tabular-nums">{c.tokensIn} / {c.tokensOut}</td>
                  <td className="py-1 text-right tabular-nums">${c.costUsd.toFixed(6)}</td>
                  <td className="py-1 text-right tabular-nums">{c.latencyMs} ms</td>
                  <td className="py-1">{c.cacheHit ? "hit" : "—"}</td>
                  <td className="py-1">{c.status}{c.error ? <span className="block text-xs text-rose-700">{c.error}</span> : null}</td>
                </tr>
              ))}
            </tbody>
            <tfoot className="border-t border-slate-200 font-medium">
              <tr>
                <td className="py-1" colSpan={3}>Total</td>
                <td className="py-1 text-right tabular-nums">{sumOf(modelCalls, (c) => c.tokensIn)} / {sumOf(modelCalls, (c) => c.tokensOut)}</td>
                <td className="py-1 text-right tabular-nums" data-testid="run-cost-total">${sumOf(modelCalls, (c) => c.costUsd).toFixed(6)}</td>
                <td colSpan={3} />
              </tr>
            </tfoot>
          </table>
        )}
      </Card>
    </div>
  );
}
