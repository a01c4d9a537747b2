"use client";
import { useState } from "react";
import { approveConfirmWords, batchOutcome, batchPlan, selectAllLabel } from "./batch-words";
import { primary, secondary } from "./decision-ui";
import { DraftRejectForm } from "./draft-reject-form";
import { Modal } from "./modal";
import type { BatchResult, DraftListRow } from "./types";
import { useBatchApprove, useBatchReject } from "./use-drafts";

type Props = {
  rows: DraftListRow[];
  /** Checked drafts that are still waiting. */
  checked: number[];
  /** How many waiting drafts could be checked (loaded ones only). */
  waiting: number;
  /** More drafts match the filters than are loaded: select-all says it takes only the loaded ones. */
  moreMatch: boolean;
  sendDelaySeconds: number;
  onCheckAll: (all: boolean) => void;
  /** Called with what happened to each draft, once the batch was decided. */
  onApproved: (results: BatchResult[], names: ReadonlyMap<number, string>) => void;
  onRejected: () => void;
};

/**
 * Approve or reject the checked drafts together. Approving shows the count and asks once; the
 * batch then shares one undo window. Rejecting takes one label and reason for them all.
 */
export function BatchBar({ rows, checked, waiting, moreMatch, sendDelaySeconds, onCheckAll, onApproved, onRejected }: Props) {
  const approve = useBatchApprove();
  const reject = useBatchReject();
  const [asking, setAsking] = useState<"approve" | "reject" | null>(null);
  // Names as they were when the batch started: the rows may leave the list once they are decided.
  const [names, setNames] = useState<ReadonlyMap<number, string>>(new Map());
  const outcome = batchOutcome(approve.data ?? reject.data ?? [], names);
  const busy = approve.isPending || reject.isPending;
  const count = checked.length;
  const plural = count === 1 ? "draft" : "drafts";
  const plan = batchPlan(rows, checked);
  const remember = () => setNames(new Map(rows.map((r) => [r.id, `${r.contactName} ${r.contactLastName}`])));

  return (
    <div className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        {/* Nothing to select (a list of sent drafts): no box that can never be ticked. */}
        {waiting > 0 || count > 0 ? (
          <label className="inline-flex items-center gap-2 text-slate-600">
            <input
              type="checkbox"
              className="size-4 accent-brand-600"
              disabled={waiting === 0 || busy}
              checked={waiting > 0 && count === waiting}
              onChange={(e) => onCheckAll(e.target.checked)}
            />
            {count ? `${count} selected` : selectAllLabel(waiting, moreMatch)}
          </label>
        ) : null}
        {count ? (
          <div className="ml-auto flex gap-2">
            <button type="button" className={`${secondary} py-1.5`} disabled={busy} onClick={() => setAsking("reject")}>
              {reject.isPending ? `Rejecting ${count}…` : `Reject ${count}…`}
            </button>
            <button type="button" className={`${primary} py-1.5`} disabled={busy} onClick={() => setAsking("approve")}>
              {approve.isPending ? `Approving ${count}…` : `Approve ${count} selected`}
            </button>
          </div>
        ) : null}
      </div>
      {approve.isError ? <p role="alert" className="mt-2 text-rose-700">{approve.error.message}</p> : null}
      {outcome ? (
        <div role="status" className="mt-2 text-slate-700">
          {outcome.summary}
          <ul className="mt-1 list-disc pl-5 text-rose-700">
            {outcome.notDecided.map((p) => (
              <li key={p.draftId}>{p.text}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <Modal open={asking === "approve"} onClose={() => setAsking(null)} title={`Approve ${count} ${plural}?`}>
        {approveConfirmWords(plan, sendDelaySeconds).map((words) => (
          <p key={words} className="mt-2 text-sm text-slate-700 first:mt-0">{words}</p>
        ))}
        <div className="mt-5 flex justify-end gap-2">
          <button type="button" className={secondary} onClick={() => setAsking(null)}>Cancel</button>
          <button
            type="button"
            autoFocus
            className={primary}
            disabled={plan.emails === 0}
            onClick={() => {
              setAsking(null);
              remember();
              reject.reset();
              approve.mutate(checked, { onSuccess: (results) => onApproved(results, new Map(rows.map((r) => [r.id, `${r.contactName} ${r.contactLastName}`]))) });
            }}
          >
            {plan.emails ? `Approve ${plan.emails}` : "Nothing to approve here"}
          </button>
        </div>
      </Modal>

      <Modal open={asking === "reject"} onClose={() => setAsking(null)} title={`Reject ${count} ${plural}`}>
        <DraftRejectForm
          busy={busy}
          pending={reject.isPending}
          serverError={reject.error}
          submitText={`Reject ${count} ${plural}`}
          onCancel={() => setAsking(null)}
          onReject={(why, onRefused) => {
            remember();
            approve.reset();
            reject.mutate({ draftIds: checked, ...why }, {
              onSuccess: () => {
                setAsking(null);
                onRejected();
              },
              onError: onRefused,
            });
          }}
        />
      </Modal>
    </div>
  );
}
