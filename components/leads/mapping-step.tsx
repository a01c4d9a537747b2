"use client";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { FIELD_LABELS, IMPORT_FIELDS, type ColumnMapping, type ImportField } from "@/lib/leads/columns";
import { leadImportKeys } from "@/lib/query-keys";
import type { LeadImportView } from "@/lib/services/lead-imports";
import { previewImport, startImport, type PreviewRow, type Uploaded } from "./api";
import { importButtonLabel } from "./import-label";

const ACTION: Record<PreviewRow["action"], [string, BadgeTone]> = {
  create: ["new", "good"],
  merge: ["merge", "info"],
  unchanged: ["already there", "neutral"],
  refuse: ["refused", "bad"],
};

/** Step 2: which column fills which field (the server's guess, editable), with the first rows as that mapping reads them. */
export function MappingStep({ uploaded, onStarted }: { uploaded: Uploaded; onStarted: (view: LeadImportView) => void }) {
  const [mapping, setMapping] = useState<ColumnMapping>(uploaded.mapping);
  const idPrefix = useId();
  const id = uploaded.import.id;
  const key = Object.fromEntries(Object.entries(mapping).filter(([, v]) => v)) as Record<string, string>;
  const preview = useQuery({ queryKey: leadImportKeys.preview(id, key), queryFn: () => previewImport(id, mapping), placeholderData: keepPreviousData, retry: false });
  const start = useMutation({ mutationFn: () => startImport(id, mapping), onSuccess: onStarted });
  const set = (field: ImportField, header: string) => setMapping((m) => ({ ...m, [field]: header || undefined }));
  const problem = preview.error ?? start.error;

  return (
    <div className="space-y-6">
      <section aria-labelledby="mapping-title" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="mapping-title" className="mb-1 text-sm font-semibold uppercase tracking-wide text-slate-500">Columns</h2>
        <p className="mb-4 text-sm text-slate-600">
          {uploaded.import.filename}: {uploaded.rows.toLocaleString("en")} rows. Each field reads the column chosen for it; contacts are matched by email, companies by domain.
        </p>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {IMPORT_FIELDS.map((field) => (
            <div key={field} className="text-sm">
              {/* A label beside the select, not around it: wrapped, the chosen option would become part of its name. */}
              <label htmlFor={`${idPrefix}-${field}`} className="mb-1 block text-slate-700">
                {FIELD_LABELS[field]}
              </label>
              <select id={`${idPrefix}-${field}`} value={mapping[field] ?? ""} onChange={(e) => set(field, e.target.value)} className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
                <option value="">— not imported —</option>
                {uploaded.headers.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
      </section>

      {problem ? (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {problem.message}
        </p>
      ) : null}

      <section aria-labelledby="preview-title" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="preview-title" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">
          Preview of the first rows {preview.isFetching ? <span className="font-normal normal-case">(updating…)</span> : null}
        </h2>
        {preview.data ? <PreviewTable rows={preview.data.rows} /> : <p className="text-sm text-slate-500">{preview.isError ? "No preview until the columns are fixed." : "Reading the first rows…"}</p>}
      </section>

      <div className="flex items-center gap-3">
        <button
          type="button"
          onClick={() => start.mutate()}
          disabled={start.isPending || !preview.data || preview.isError}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {start.isPending ? "Starting…" : importButtonLabel(uploaded.rows, preview.data?.rows)}
        </button>
        <span className="text-sm text-slate-600">Refused rows are listed in the report and can be downloaded to fix.</span>
      </div>
    </div>
  );
}

function PreviewTable({ rows }: { rows: PreviewRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-1 pr-3">Line</th>
            <th className="py-1 pr-3">Email</th>
            <th className="py-1 pr-3">Name</th>
            <th className="py-1 pr-3">Company</th>
            <th className="py-1 pr-3">Outcome</th>
            <th className="py-1">Problems and notes</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const [label, tone] = ACTION[row.action];
            const name = row.values.fullName ?? [row.values.firstName, row.values.lastName].filter(Boolean).join(" ");
            return (
              <tr key={row.line} className="border-t border-slate-100 align-top">
                <td className="py-1.5 pr-3 tabular-nums text-slate-500">{row.line}</td>
                <td className="py-1.5 pr-3">{row.values.email}</td>
                <td className="py-1.5 pr-3">{name}</td>
                <td className="py-1.5 pr-3">{row.values.companyName ?? row.values.companyDomain ?? ""}</td>
                <td className="py-1.5 pr-3">
                  <Badge tone={tone}>{label}</Badge> {row.suppressed ? <Badge tone="warn">never contactable</Badge> : null}
                </td>
                <td className="py-1.5 text-slate-700">
                  <ul>
                    {row.problems.map((p) => (
                      <li key={p} className="text-rose-700">
                        {p}
                      </li>
                    ))}
                    {row.conflicts.map((c) => (
                      <li key={c.field}>
                        {c.field}: keeps “{c.kept}”, not “{c.offered}”
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
