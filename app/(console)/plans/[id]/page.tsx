import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlanStatusBadge, StepStatusBadge } from "@/components/plans/plan-badges";
import { StepDecision } from "@/components/plans/step-decision";
import { Card, Fields } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { formatDateTime, formatPercent, humanize } from "@/lib/format";
import { POLICY, isCrmAction } from "@/lib/crm-actions/vocabulary";
import { sourceLabel } from "@/components/contacts/score-explanation";
import { stepParamRows, type KnownNames } from "@/components/plans/step-params";
import { cutOff, planView } from "@/lib/services/plans";

export const metadata: Metadata = { title: "Plan" };

const DECIDABLE = new Set(["awaiting_approval", "failed"]);

export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("rep");
  const detail = await planView(user, (await params).id).catch((e: unknown) => {
    if (isAppError(e) && e.type === "not_found") notFound();
    throw e;
  });
  const { plan, steps } = detail;
  const subject = plan.contactId ? (
    <Link href={`/contacts/${plan.contactId}`} className="text-brand-700 hover:underline">{detail.contactFirst} {detail.contactLast}</Link>
  ) : (
    <Link href={`/companies/${plan.companyId}`} className="text-brand-700 hover:underline">{detail.companyName} (account)</Link>
  );
  const provenance = plan.provenance;
  const names = {
    contactId: plan.contactId, contactName: [detail.contactFirst, detail.contactLast].filter(Boolean).join(" ") || null,
    companyId: plan.companyId, companyName: detail.companyName, contacts: detail.contactNames,
  };
  return (
    <div className="space-y-6">
      <div>
        <Link href="/plans" className="text-sm text-slate-500 hover:text-slate-800">← Plans</Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{plan.goal}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-slate-600">For {subject} <PlanStatusBadge status={plan.status} /></p>
      </div>
      <Card title="Reasoning">
        <p className="text-sm text-slate-800" data-testid="plan-reasoning">{plan.reasoning ?? "—"}</p>
        <Fields
          rows={[
            ["Planned by", provenance ? plannedBy(provenance.source) : "—"],
            ["Confidence", provenance ? formatPercent(provenance.confidence) : "—"],
            ["Version", plan.promptVersion ?? "—"],
            ["Autonomy", humanize(plan.autonomy)],
            ["Asked by", `${detail.createdByName ?? "A deleted user"} · ${formatDateTime(plan.createdAt)}`],
            ["Run", plan.runId ? <Link key="r" href={`/runs/${plan.runId}`} className="font-mono text-xs text-brand-700 hover:underline">{plan.runId}</Link> : "—"],
          ]}
        />
        {provenance?.evidence.length ? (
          <ul className="mt-3 list-disc space-y-1 pl-5 text-xs text-slate-600">
            {provenance.evidence.map((e) => <li key={e}>{e}</li>)}
          </ul>
        ) : null}
      </Card>
      <Card title={`Steps (${steps.length})`}>
        {steps.length === 0 ? <p className="text-sm text-slate-500">The plan has no steps.</p> : null}
        <ol className="divide-y divide-slate-100" data-testid="plan-steps">
          {steps.map((s) => {
            const label = isCrmAction(s.action) ? POLICY[s.action].label : s.action;
            return (
              <li key={s.id} className="py-3 text-sm" data-testid={`step-${s.action}`}>
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{s.position + 1}. {label}</span>
                  <StepStatusBadge status={s.status} />
                  <span className="text-xs text-slate-500">confidence {formatPercent(s.confidence)}</span>
                </div>
                <p className="mt-1 text-slate-700">{s.reason || "No reason given."}</p>
                <p className="mt-1 text-xs text-slate-600">Gate: {s.verdictReason}</p>
                <StepParams params={s.params} names={names} />
                {s.verification ? <p className="mt-1 text-xs text-slate-700" data-testid="step-verification">{s.verification}</p> : null}
                {s.rejectReason ? <p className="mt-1 text-xs text-slate-700">Rejected: {s.rejectReason}</p> : null}
                {s.resultRef?.startsWith("draft:") ? <Link href={`/drafts?id=${s.resultRef.slice(6)}`} className="mt-1 inline-block text-xs text-brand-700 hover:underline">Open the draft</Link> : null}
                {cutOff(s) ? (
                  <p className="mt-1 text-xs text-amber-800" data-testid="step-cut-off">
                    Running since {formatDateTime(s.updatedAt)}: the console stopped before this step finished. Approve to run it again or reject it; a draft or
                    task it already made is not made twice.
                  </p>
                ) : null}
                {(DECIDABLE.has(s.status) || cutOff(s)) && isCrmAction(s.action) ? <StepDecision stepId={s.id} label={label} /> : null}
              </li>
            );
          })}
        </ol>
      </Card>
    </div>
  );
}

/** The same words the contact page uses for a model or its fallback; other planners (an operator) by name. */
function plannedBy(source: string): string {
  return source === "model" || source === "rule_based_fallback" ? sourceLabel(source) : humanize(source);
}

function StepParams({ params, names }: { params: Record<string, unknown> | null; names: KnownNames }) {
  const rows = stepParamRows(params, names);
  if (rows.length === 0) return null;
  return (
    <p className="mt-1 text-xs text-slate-600">
      {rows.map(([label, value], i) => (
        <span key={label}>{i ? " · " : ""}{label}: {value}</span>
      ))}
    </p>
  );
}
