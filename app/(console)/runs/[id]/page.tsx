import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { duration, StatusBadge } from "@/components/runs/run-status";
import { RunTree, SpendSummary } from "@/components/runs/run-tree";
import { Card, Fields } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { formatDateTime, humanize } from "@/lib/format";
import { runDetailFor, runTreeFor } from "@/lib/services/runs";
import { RunAnswerCard } from "./run-answer";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Run" };

export default async function RunPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("rep");
  const detail = await runDetailFor(user, decodeURIComponent((await params).id)).catch((e: unknown) => {
    if (isAppError(e) && e.type === "not_found") notFound();
    throw e;
  });
  const { run, draft, question, answer, contact } = detail;
  // Opened from the admin's runs list: back to it, whatever screen this kind of run starts from.
  const back = (await searchParams).from === "runs" && hasRole(user.role, "admin") ? { href: "/admin/runs", label: "Graph runs" } : detail.back;
  const { root, truncated, parent } = await runTreeFor(detail);
  return (
    <div className="space-y-6">
      <div>
        <Link href={back.href} className="text-sm text-slate-500 hover:text-slate-800">← {back.label}</Link>
        <h1 className="mt-2 flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
          Run <span className="font-mono text-lg text-slate-600">{run.id}</span>
          <StatusBadge status={run.status} />
        </h1>
        <p className="mt-1 text-slate-600">
          Assistant <span className="font-mono text-sm">{run.assistantId}</span>
        </p>
        {parent ? (
          <p className="mt-1 text-sm text-slate-600" data-testid="run-parent">
            Started by run{" "}
            <Link href={`/runs/${parent.id}`} className="font-mono text-brand-700 hover:underline">{parent.assistantId ?? "unknown"} {parent.id}</Link>
            {parent.assistantId === null ? <span className="text-slate-500"> (not recorded on this console)</span> : null}
          </p>
        ) : null}
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
            ["Contact", contact ? <Link key="c" href={`/contacts/${contact.id}`} className="text-brand-700 hover:underline" data-testid="run-contact">{contact.name ?? `A deleted contact (#${contact.id})`}</Link> : "—"],
          ]}
        />
      </Card>
      <Card title="Run tree">
        <SpendSummary root={root} />
        <RunTree root={root} truncated={truncated} />
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
    </div>
  );
}
