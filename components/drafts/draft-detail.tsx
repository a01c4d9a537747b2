"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatDateTime, humanize } from "@/lib/format";
import { DraftChanges } from "./draft-changes";
import { DraftCoaching } from "./draft-coaching";
import { DraftDecision, useDraftDecision, type Decision, type OnDecided } from "./draft-decision";
import { PendingApproval } from "./pending-approval";
import { DraftRevisions } from "./draft-revisions";
import { DraftEvidence, DraftProvenance } from "./draft-provenance";
import { DraftStatus } from "./draft-status";
import { outcomeHeadline } from "./outcome-words";
import { REJECT_LABEL_TEXT, type DraftView } from "./types";
import { ProposalDetail } from "@/components/proposals/proposal-detail";
import { EmailAddress } from "@/components/ui/email-address";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-t border-slate-100 px-5 py-4">
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      {children}
    </section>
  );
}

/** One draft: who it is for, the editor, its undo window or the outcome, and everything that explains it. */
export function DraftDetail({ view, onDecided }: { view: DraftView; onDecided?: OnDecided }) {
  // A proposal is a document, decided and exported in its own view; it is never sent.
  return view.draft.kind === "proposal" ? <ProposalDetail view={view} onDecided={onDecided} /> : <EmailDraftDetail view={view} onDecided={onDecided} />;
}

function EmailDraftDetail({ view, onDecided }: { view: DraftView; onDecided?: OnDecided }) {
  const decision = useDraftDecision(view.draft, view.pending !== null, onDecided);
  const { draft, contact, company } = view;
  return (
    <article className="rounded-lg border border-slate-200 bg-white" aria-label={`Draft to ${contact.firstName} ${contact.lastName}`} data-testid="draft-detail">
      <header className="flex items-start justify-between gap-4 px-5 py-4">
        <div className="min-w-0 flex-1">
          <h2 className="text-lg font-semibold text-slate-900">
            <Link href={`/contacts/${contact.id}`} className="hover:underline">{contact.firstName} {contact.lastName}</Link>
          </h2>
          <p className="text-sm text-slate-600">
            {contact.title ? `${contact.title} at ` : ""}
            <Link href={`/companies/${company.id}`} className="text-brand-700 underline underline-offset-2">{company.name}</Link>
          </p>
          <p className="mt-0.5 font-mono text-xs text-slate-500"><EmailAddress email={contact.email} /></p>
        </div>
        <div className="flex shrink-0 flex-col items-end gap-1 text-xs text-slate-500">
          <DraftStatus status={draft.status} sendAt={view.pending?.sendAt ?? null} />
          <span>
            {draft.action ? `${humanize(draft.action)} · ` : ""}
            {draft.tier ? `Tier ${draft.tier}` : "No tier"}
          </span>
          <span>{formatDateTime(draft.createdAt)}</span>
        </div>
      </header>
      <div className="border-t border-slate-100 px-5 py-4">
        {draft.status === "draft" && view.pending ? (
          <PendingApproval view={view} />
        ) : draft.status === "draft" ? (
          <DraftDecision decision={decision} />
        ) : (
          <DraftOutcome view={view} decision={decision} />
        )}
      </div>
      {view.revisions.length ? (
        <Section title={`Earlier versions (${view.revisions.length} request${view.revisions.length === 1 ? "" : "s"})`}>
          <DraftRevisions revisions={view.revisions} />
        </Section>
      ) : null}
      {view.coaching ? (
        <Section title="Objection coaching">
          <DraftCoaching coaching={view.coaching} />
        </Section>
      ) : null}
      <Section title="Provenance">
        <DraftProvenance draft={draft} />
      </Section>
      <Section title="Facts this draft used">
        <DraftEvidence evidence={draft.provenance.evidence} />
      </Section>
    </article>
  );
}

const OUTBOX_TEXT: Record<string, string> = {
  queued: "Queued for sending.",
  sending: "Sending…",
  sent: "Sent",
  blocked: "Not sent: blocked by the safety gate.",
  failed: "Not sent.",
};

/** A decided draft: what was decided, by when, what happened to the message, and what changed. */
function DraftOutcome({ view, decision }: { view: DraftView; decision: Decision }) {
  const { draft, outbox } = view;
  const { approve, reject } = decision;
  const pending = approve.isPending || reject.isPending;
  const message = approve.data?.message ?? reject.data?.message;
  const edited = draft.editedSubject !== null || draft.editedBody !== null;
  const final = { subject: draft.editedSubject ?? draft.subject, body: draft.editedBody ?? draft.body };
  // A decision refused because someone else decided first ends here, after the refetch.
  const refused = approve.error ?? reject.error;
  const headline = message ?? outcomeHeadline(draft.status, draft.decidedAt, outbox?.status === "sent");
  return (
    <div className="space-y-4">
      {refused ? <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{refused.message}</p> : null}
      <div role="status" className={`rounded-md px-3 py-2 text-sm ${draft.status === "failed" ? "bg-rose-50 text-rose-700" : draft.status === "rejected" ? "bg-slate-100 text-slate-700" : "bg-emerald-50 text-emerald-800"}`}>
        {pending ? (
          draft.status === "rejected" ? "Rejecting…" : "Approving…"
        ) : (
          <>
            {headline ? <span className="font-medium">{headline}</span> : null}
            {draft.status === "rejected" && (draft.rejectLabel || draft.rejectReason) ? (
              <span> Reason: {[draft.rejectLabel ? REJECT_LABEL_TEXT[draft.rejectLabel] : null, draft.rejectReason].filter(Boolean).join(" — ")}</span>
            ) : null}
            {draft.status === "failed" && draft.rejectReason ? <span> {draft.rejectReason}</span> : null}
            {outbox && outbox.status === "sent" ? (
              <span className={headline ? "" : "font-medium"}>{headline ? " " : ""}Sent to {outbox.toEmail} {formatDateTime(outbox.sentAt)}{outbox.transport === "local" ? " (local outbox)" : " by SMTP"}.</span>
            ) : view.schedule && draft.status !== "failed" ? (
              <span data-testid="draft-schedule">
                {" "}
                {view.schedule.label}. <span className="text-slate-700">{view.schedule.detail}</span>
              </span>
            ) : outbox && draft.status !== "failed" ? (
              <span> {OUTBOX_TEXT[outbox.status]}{outbox.lastError ? ` ${outbox.lastError}` : ""}</span>
            ) : null}
          </>
        )}
      </div>
      {edited ? (
        <>
          <DraftChanges original={{ subject: draft.subject, body: draft.body }} edited={final} />
          <details className="text-sm">
            <summary className="cursor-pointer text-slate-600">Both versions in full</summary>
            <div className="mt-2 grid gap-3 md:grid-cols-2">
              <Version title="AI draft" version={{ subject: draft.subject, body: draft.body }} />
              <Version title="Approved" version={final} />
            </div>
          </details>
        </>
      ) : (
        <Version title={draft.status === "rejected" ? "The rejected draft" : "Approved as written"} version={final} />
      )}
    </div>
  );
}

function Version({ title, version }: { title: string; version: { subject: string; body: string } }) {
  return (
    <div className="rounded-md border border-slate-200 p-3">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h4>
      <p className="mt-1 text-sm font-medium text-slate-900">{version.subject}</p>
      <pre className="mt-2 whitespace-pre-wrap font-sans text-sm leading-relaxed text-slate-700">{version.body}</pre>
    </div>
  );
}
