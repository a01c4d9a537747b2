"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { savePlaybookAction } from "@/app/(console)/admin/playbook/actions";
import { OBJECTION_LABELS } from "@/lib/objections/kinds";
import type { PlaybookEntry } from "@/lib/objections/playbook";
import type { Playbook } from "@/lib/objections/playbook";

type Row = { objection: PlaybookEntry["objection"]; response: string; proofPoints: string };

/** The nine entries of a vertical's playbook as a form; saving writes the next version, never over this one. */
export function PlaybookEditor({ vertical, version, entries }: { vertical: Playbook["vertical"]; version: number; entries: PlaybookEntry[] }) {
  const router = useRouter();
  const [rows, setRows] = useState<Row[]>(entries.map((e) => ({ objection: e.objection, response: e.response, proofPoints: e.proofPoints.join("\n") })));
  const [note, setNote] = useState("");
  const save = useMutation({
    mutationFn: async () => {
      const result = await savePlaybookAction({
        vertical,
        basedOn: version,
        note,
        entries: rows.map((r) => ({ objection: r.objection, response: r.response, proofPoints: r.proofPoints.split("\n") })),
      });
      if (!result.ok) throw new Error(result.error);
      return result;
    },
    onSuccess: () => router.refresh(),
  });
  const update = (i: number, change: Partial<Row>) => setRows((all) => all.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <form
      className="space-y-5"
      aria-label={`Edit the ${vertical} playbook`}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      {rows.map((row, i) => (
        <fieldset key={row.objection} className="rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-semibold">{OBJECTION_LABELS[row.objection]}</legend>
          <label className="block text-xs font-medium text-slate-600" htmlFor={`response-${row.objection}`}>Approved response</label>
          <textarea id={`response-${row.objection}`} value={row.response} rows={3} onChange={(e) => update(i, { response: e.target.value })} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1 text-sm" />
          <label className="mt-2 block text-xs font-medium text-slate-600" htmlFor={`proof-${row.objection}`}>Proof points (one per line)</label>
          <textarea id={`proof-${row.objection}`} value={row.proofPoints} rows={3} onChange={(e) => update(i, { proofPoints: e.target.value })} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1 text-sm" />
        </fieldset>
      ))}
      <div>
        <label className="block text-xs font-medium text-slate-600" htmlFor="playbook-note">What changed and why (optional)</label>
        <input id="playbook-note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1 text-sm" />
      </div>
      {save.error ? <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">{save.error.message}</p> : null}
      {save.data ? <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">Saved as version {save.data.version}; version {version} is kept.</p> : null}
      <button type="submit" disabled={save.isPending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {save.isPending ? "Saving…" : `Save as version ${version + 1}`}
      </button>
    </form>
  );
}
