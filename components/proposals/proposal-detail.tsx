"use client";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { primary, secondary } from "@/components/drafts/decision-ui";
import type { OnDecided } from "@/components/drafts/draft-decision";
import { DraftEvidence, DraftProvenance } from "@/components/drafts/draft-provenance";
import { DraftRejectForm } from "@/components/drafts/draft-reject-form";
import { DraftStatus } from "@/components/drafts/draft-status";
import { REJECT_LABEL_TEXT, type DraftView } from "@/components/drafts/types";
import { formatDateTime } from "@/lib/format";
import type { ProposalDocument } from "@/lib/outreach/proposal-labels";
import { ProposalEditor } from "./proposal-editor";
import { ProposalSections } from "./proposal-sections";
import { useProposalDecision } from "./use-proposal";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-t border-slate-100 px-5 py-4">
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      {children}
    </section>
  );
}

/**
 * A proposal in the drafts queue: its sections with citations (hover shows the fact) and flagged
 * claims highlighted; edit (re-checked on save), approve (never sends; refused while a claim is
 * flagged), reject; once approved, export as a Markdown document.
 */
export function ProposalDetail({ view, onDecided }: { view: DraftView; onDecided?: OnDecided }) {
  const { draft, contact, company } = view;
  const document = draft.document as ProposalDocument;
  const { save, approve, reject, busy } = useProposalDecision(draft.id);
  const [editing, setEditing] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const flagged = document.sections.flatMap((s) => s.claims).filter((c) => c.verdict === "unsupported").length;
  const waiting = draft.status === "draft";
  const message = save.data?.message ?? approve.data?.message ?? reject.data?.message;
  return (
    <article className="rounded-lg border border-slate-200 bg-white" aria-label={`Proposal for ${contact.firstName} ${contact.lastName}`} data-testid="proposal-detail">
      <header className="flex items-start justify-between gap-4 px-5 py-4">
        <div className="min-w-0 flex-1">
          <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">Proposal</p>
          <h2 className="text-lg font-semibold text-slate-900">
            <Link href={`/contacts/${contact.id}`} className="hover:underline">{contact.firstName} {contact.lastName}</Link>
          </h2>
          <p className="text-sm text-slate-600">
            {contact.title ? `${contact.title} at ` : ""}
            <Link href={`/companies/${company.id}`} className="text-brand-700 underline underline-offset-2">{company.name}</Link>
          </p>
        </div>
        <div className="flex shrink-0 flex-col items-end gap-1 text-xs text-slate-500">
          <DraftStatus status={draft.status} sendAt={null} />
          <span>{formatDateTime(draft.createdAt)}</span>
        </div>
      </header>
      <div className="space-y-4 border-t border-slate-100 px-5 py-4">
        {message ? <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{message}</p> : null}
        {waiting && flagged ? (
          <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">
            {flagged} claim{flagged === 1 ? "" : "s"} failed the faithfulness check. Edit {flagged === 1 ? "it" : "them"} to say only what the cited facts say, mark {flagged === 1 ? "it" : "them"} as assumptions, or remove {flagged === 1 ? "it" : "them"} before approving.
          </p>
        ) : null}
        {editing && waiting ? (
          <ProposalEditor
            document={document}
            busy={busy}
            error={save.error}
            onSave={(edit) => save.mutate(edit, { onSuccess: () => setEditing(false) })}
            onCancel={() => { save.reset(); setEditing(false); }}
          />
        ) : (
          <ProposalSections document={document} />
        )}
        {waiting && !editing ? (
          rejecting ? (
            <DraftRejectForm
              busy={busy}
              pending={reject.isPending}
              serverError={reject.error}
              submitText="Reject proposal"
              onReject={(why, onRefused) => reject.mutate(why, { onSuccess: (result) => onDecided?.(draft.id, result), onError: onRefused })}
              onCancel={() => { reject.reset(); setRejecting(false); }}
            />
          ) : (
            <div className="flex flex-wrap items-center gap-2">
              {/* An approved proposal stays in view (the queue does not move on): exporting it is the rep's next step. */}
              <button type="button" className={primary} disabled={busy || flagged > 0} onClick={() => approve.mutate()}>
                {approve.isPending ? "Approving…" : "Approve"}
              </button>
              <button type="button" className={secondary} disabled={busy} onClick={() => setEditing(true)}>Edit</button>
              <button type="button" className={secondary} disabled={busy} onClick={() => setRejecting(true)}>Reject…</button>
              <span className="text-xs text-slate-500">Approving never sends anything; it makes the proposal exportable.</span>
            </div>
          )
        ) : null}
        {approve.error ? <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">{approve.error.message}</p> : null}
        {draft.status === "approved" ? (
          <a href={`/api/proposals/${draft.id}/export`} download className={`${primary} inline-block`} data-testid="export-proposal">
            Export as Markdown
          </a>
        ) : null}
        {draft.status === "rejected" ? (
          <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
            Rejected{draft.decidedAt ? ` ${formatDateTime(draft.decidedAt)}` : ""}.{" "}
            {[draft.rejectLabel ? REJECT_LABEL_TEXT[draft.rejectLabel] : null, draft.rejectReason].filter(Boolean).join(" — ")}
          </p>
        ) : null}
      </div>
      <Section title="Provenance">
        <DraftProvenance draft={draft} />
      </Section>
      <Section title="Qualification and research">
        <DraftEvidence evidence={draft.provenance.evidence} />
      </Section>
    </article>
  );
}
