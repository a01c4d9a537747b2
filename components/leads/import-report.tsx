"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { Fields } from "@/components/ui/card";
import { leadImportKeys } from "@/lib/query-keys";
import type { LeadImportView } from "@/lib/services/lead-imports";
import { importStatus } from "./api";

const RUNNING = new Set(["queued", "running"]);

/** Steps 3–4: the import's progress while its job runs (polled each second), then its report. */
export function ImportReport({ initial }: { initial: LeadImportView }) {
  const status = useQuery({
    queryKey: leadImportKeys.status(initial.id),
    queryFn: () => importStatus(initial.id),
    initialData: initial,
    refetchInterval: (query) => (RUNNING.has(query.state.data?.status ?? "") ? 1_000 : false),
  });
  const view = status.data;
  const percent = Math.round(view.progress * 100);
  // The page's "Recent imports" list is server-rendered: refresh it once this import settles.
  const router = useRouter();
  const wasRunning = useRef(RUNNING.has(initial.status));
  useEffect(() => {
    if (wasRunning.current && !RUNNING.has(view.status)) {
      wasRunning.current = false;
      router.refresh();
    }
  }, [view.status, router]);

  if (RUNNING.has(view.status)) {
    return (
      <section aria-labelledby="progress-title" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="progress-title" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">
          {view.status === "queued" ? "Waiting to start" : "Importing"}
        </h2>
        <progress className="h-2 w-full" max={100} value={percent} aria-label="Import progress" />
        <p className="mt-2 text-sm text-slate-600" aria-live="polite">
          {percent} % · {view.rowsDone.toLocaleString("en")} rows · {view.contacts.created.toLocaleString("en")} created, {view.contacts.merged.toLocaleString("en")} merged,{" "}
          {view.refused.toLocaleString("en")} refused. You can leave this page; the import goes on.
        </p>
      </section>
    );
  }

  return (
    <section aria-labelledby="report-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="report-title" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
        {view.status === "done" ? "Import finished" : view.status === "failed" ? "Import failed" : "Import not started"}
      </h2>
      {view.error ? (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {view.error}
        </p>
      ) : null}
      <Fields
        rows={[
          ["File", view.filename],
          ["Rows read", view.rowsDone.toLocaleString("en")],
          ["Contacts created", view.contacts.created.toLocaleString("en")],
          ["Contacts merged", `${view.contacts.merged.toLocaleString("en")} (empty fields filled)`],
          ["Left as they were", `${view.contacts.unchanged.toLocaleString("en")} (nothing new to fill; stored values kept)`],
          ["Companies created", view.companies.created.toLocaleString("en")],
          ["Companies merged", view.companies.merged.toLocaleString("en")],
          ["Refused", view.refused.toLocaleString("en")],
          ["Never contactable", `${view.suppressed.toLocaleString("en")} (suppression list, unsubscribed, bounced or do-not-contact)`],
          ["Countries from HQ", `${view.countriesResolved.toLocaleString("en")} (offline resolver)`],
          ["Values kept over the file's", view.conflicts.toLocaleString("en")],
        ]}
      />
      {view.conflictSamples.length ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-700">Where the stored value was kept ({view.conflictSamples.length} shown)</summary>
          <ul className="mt-2 space-y-0.5 text-slate-700">
            {view.conflictSamples.map((c) => (
              <li key={`${c.line}-${c.field}`}>
                Line {c.line}, {c.email}: {c.field} kept “{c.kept}”, the file said “{c.offered}”
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <div className="flex flex-wrap gap-4 text-sm">
        {view.refused > 0 ? (
          <a href={`/api/lead-imports/${view.id}/refused`} className="font-medium text-brand-700 underline">
            Download the {view.refused.toLocaleString("en")} refused rows (CSV, with reasons)
          </a>
        ) : null}
        <Link href="/contacts" className="font-medium text-brand-700 underline">
          Back to contacts
        </Link>
      </div>
    </section>
  );
}
