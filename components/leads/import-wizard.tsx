"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { LeadImportView } from "@/lib/services/lead-imports";
import { uploadFile, type Uploaded } from "./api";
import { ImportReport } from "./import-report";
import { MappingStep } from "./mapping-step";

type Step = { at: "upload" } | { at: "mapping"; uploaded: Uploaded } | { at: "report"; view: LeadImportView };

/** Upload → columns and preview → progress → report. `resume` opens an import already started (from the list of recent ones). */
export function ImportWizard({ resume, maxBytesText }: { resume: LeadImportView | null; maxBytesText: string }) {
  const [step, setStep] = useState<Step>(resume ? { at: "report", view: resume } : { at: "upload" });
  if (step.at === "mapping") return <MappingStep uploaded={step.uploaded} onStarted={(view) => setStep({ at: "report", view })} />;
  if (step.at === "report") return <ImportReport initial={step.view} />;
  return <UploadStep maxBytesText={maxBytesText} onUploaded={(uploaded) => setStep({ at: "mapping", uploaded })} />;
}

function UploadStep({ onUploaded, maxBytesText }: { onUploaded: (uploaded: Uploaded) => void; maxBytesText: string }) {
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({ mutationFn: uploadFile, onSuccess: onUploaded });
  return (
    <form
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-5"
      onSubmit={(e) => {
        e.preventDefault();
        if (file) upload.mutate(file);
      }}
    >
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-800">CSV file of contacts and their companies</span>
        <input type="file" name="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="block text-sm" />
      </label>
      <p className="text-sm text-slate-600">
        One row per contact, with their company in the same row: email, first and last name (or a full name), title, company name, website or domain, vertical, HQ…
        UTF-8, comma- or semicolon-separated, up to {maxBytesText}. The columns are matched next; nothing is written until you start the import.
      </p>
      {upload.error ? (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {upload.error.message}
        </p>
      ) : null}
      <button type="submit" disabled={!file || upload.isPending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {upload.isPending ? "Uploading and checking…" : "Upload"}
      </button>
    </form>
  );
}
