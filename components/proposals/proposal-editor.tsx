"use client";
import { useId, useState } from "react";
import { fieldClass, fieldError, primary, secondary } from "@/components/drafts/decision-ui";
import { SECTION_ORDER, SECTION_TITLES, type ProposalDocument, type ProposalSectionKey } from "@/lib/outreach/proposal-labels";
import type { ProposalEdit } from "@/lib/outreach/proposal";

type Row = { text: string; cites: string; assumption: boolean; verdict: string | null; reason: string | null };
type Rows = Record<ProposalSectionKey, Row[]>;

const rowsOf = (doc: ProposalDocument): Rows =>
  Object.fromEntries(
    SECTION_ORDER.map((key) => [key, (doc.sections.find((s) => s.key === key)?.claims ?? []).map((c) => ({ text: c.text, cites: c.factIds.join(", "), assumption: c.assumption, verdict: c.verdict, reason: c.reason }))]),
  ) as Rows;

/** "12, 15" → [12, 15]; anything that is not a positive whole number is dropped (the server re-checks every claim). */
const idsOf = (cites: string) => [...new Set(cites.split(/[\s,]+/).map(Number).filter((n) => Number.isInteger(n) && n > 0))];

type Props = {
  document: ProposalDocument;
  busy: boolean;
  error: Error | null;
  onSave: (edit: ProposalEdit) => void;
  onCancel: () => void;
};

/**
 * The proposal as editable claims: text, the facts it cites (by id, listed below) and whether it
 * is an assumption. Saving re-runs the faithfulness check on the server; a claim still flagged
 * keeps its reason beside it.
 */
export function ProposalEditor({ document, busy, error, onSave, onCancel }: Props) {
  const id = useId();
  const [title, setTitle] = useState(document.title);
  const [rows, setRows] = useState<Rows>(() => rowsOf(document));
  const change = (key: ProposalSectionKey, i: number, patch: Partial<Row>) => setRows((r) => ({ ...r, [key]: r[key].map((row, j) => (j === i ? { ...row, ...patch, verdict: null } : row)) }));
  const remove = (key: ProposalSectionKey, i: number) => setRows((r) => ({ ...r, [key]: r[key].filter((_, j) => j !== i) }));
  const add = (key: ProposalSectionKey) => setRows((r) => ({ ...r, [key]: [...r[key], { text: "", cites: "", assumption: false, verdict: null, reason: null }] }));
  const save = () =>
    onSave({
      title,
      sections: Object.fromEntries(SECTION_ORDER.map((key) => [key, rows[key].filter((r) => r.text.trim()).map((r) => ({ text: r.text, factIds: idsOf(r.cites), assumption: r.assumption }))])) as ProposalEdit["sections"],
    });

  return (
    <form
      data-blocks-shortcuts
      aria-label="Edit the proposal"
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) save();
      }}
    >
      <div>
        <label htmlFor={`${id}-title`} className="mb-1 block text-xs font-semibold uppercase tracking-wide text-slate-500">Title</label>
        <input id={`${id}-title`} className={fieldClass} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} aria-invalid={Boolean(fieldError(error, "title"))} />
      </div>
      {SECTION_ORDER.map((key) => (
        <fieldset key={key} className="space-y-2">
          <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">{SECTION_TITLES[key]}</legend>
          {rows[key].map((row, i) => {
            const rowId = `${id}-${key}-${i}`;
            return (
              <div key={i} className={`space-y-1 rounded-md border p-2 ${row.verdict === "unsupported" ? "border-rose-300 bg-rose-50" : "border-slate-200"}`}>
                <label htmlFor={`${rowId}-text`} className="sr-only">{`${SECTION_TITLES[key]}, claim ${i + 1}`}</label>
                <textarea id={`${rowId}-text`} className={`${fieldClass} min-h-16`} value={row.text} maxLength={600} onChange={(e) => change(key, i, { text: e.target.value })} />
                {row.verdict === "unsupported" ? <p className="text-xs text-rose-800">Flagged: {row.reason}.</p> : null}
                <div className="flex flex-wrap items-center gap-3 text-xs text-slate-700">
                  <label htmlFor={`${rowId}-cites`}>Cites facts</label>
                  <input id={`${rowId}-cites`} className="w-28 rounded-md border border-slate-300 px-2 py-1 font-mono text-xs" value={row.cites} placeholder="e.g. 12, 15" onChange={(e) => change(key, i, { cites: e.target.value })} />
                  <input id={`${rowId}-assumption`} type="checkbox" checked={row.assumption} onChange={(e) => change(key, i, { assumption: e.target.checked })} />
                  <label htmlFor={`${rowId}-assumption`}>Assumption</label>
                  <button type="button" className="ml-auto text-rose-700 underline" onClick={() => remove(key, i)}>Remove claim</button>
                </div>
              </div>
            );
          })}
          <button type="button" className="text-xs text-brand-700 underline" onClick={() => add(key)}>Add a claim to {SECTION_TITLES[key]}</button>
        </fieldset>
      ))}
      <details className="text-xs text-slate-600">
        <summary className="cursor-pointer">Facts a claim may cite</summary>
        <ul className="mt-1 space-y-0.5">
          {document.facts.map((f) => <li key={f.id}><span className="font-mono">F{f.id}</span> {f.fact} ({f.source})</li>)}
        </ul>
      </details>
      {error ? <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">{error.message}</p> : null}
      <div className="flex gap-2">
        <button type="submit" className={primary} disabled={busy}>{busy ? "Saving…" : "Save and re-check"}</button>
        <button type="button" className={secondary} disabled={busy} onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
