"use client";
import { useState } from "react";
import { useBatchApprove } from "./use-drafts";
import type { DraftListRow } from "./types";

type Props = {
  rows: DraftListRow[];
  /** Checked drafts that are still waiting. */
  checked: number[];
  onCheckAll: (all: boolean) => void;
  onDone: () => void;
};

/** Approve the checked drafts as written, then say what happened to each one that did not go out. */
export function BatchApproveBar({ rows, checked, onCheckAll, onDone }: Props) {
  const batch = useBatchApprove();
  const waiting = rows.filter((r) => r.status === "draft").length;
  // Names as they were when the batch started: the rows may leave the list once they are decided.
  const [names, setNames] = useState<ReadonlyMap<number, string>>(new Map());
  const results = batch.data ?? [];
  const sent = results.filter((r) => r.status === "sent" || r.status === "approved").length;
  const problems = results.filter((r) => r.status !== "sent" && r.status !== "approved");

  return (
    <div className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        <label className="inline-flex items-center gap-2 text-slate-600">
          <input
            type="checkbox"
            className="size-4 accent-brand-600"
            disabled={waiting === 0 || batch.isPending}
            checked={waiting > 0 && checked.length === waiting}
            onChange={(e) => onCheckAll(e.target.checked)}
          />
          {checked.length ? `${checked.length} selected` : "Select all waiting"}
        </label>
        {checked.length ? (
          <button
            type="button"
            className="ml-auto rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
            disabled={batch.isPending}
            onClick={() => {
              setNames(new Map(rows.map((r) => [r.id, `${r.contactName} ${r.contactLastName}`])));
              batch.mutate(checked, { onSuccess: onDone });
            }}
          >
            {batch.isPending ? `Approving ${checked.length}…` : `Approve ${checked.length} selected`}
          </button>
        ) : null}
      </div>
      {batch.isError ? <p role="alert" className="mt-2 text-rose-700">{batch.error.message}</p> : null}
      {batch.isSuccess ? (
        <div role="status" className="mt-2 text-slate-700">
          {sent} approved{problems.length ? `, ${problems.length} not approved or not sent:` : "."}
          {problems.length ? (
            <ul className="mt-1 list-disc pl-5 text-rose-700">
              {problems.map((p) => (
                <li key={p.draftId}>{names.get(p.draftId) ?? `Draft ${p.draftId}`}: {p.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
