"use client";
import { Fragment } from "react";
import { Badge } from "@/components/ui/badge";
import { formatDateTime, formatPercent, humanize } from "@/lib/format";
import { DraftStatus } from "./draft-status";
import type { TouchGroup } from "./queue-order";
import type { DraftListRow } from "./types";

type Props = {
  /** The queue already grouped (groupByTouch), so what is shown is the order j/k walks. */
  groups: TouchGroup<DraftListRow>[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  checked: ReadonlySet<number>;
  onCheck: (id: number, checked: boolean) => void;
  /** An admin's queue spans reps: each row says whose draft it is. */
  showOwner: boolean;
};

/**
 * The queue, newest first, campaign touches under a "Campaign · Touch N" header with their count.
 * Only drafts still waiting (not approved into their undo window) can be checked for a batch.
 */
export function DraftList({ groups, selectedId, onSelect, checked, onCheck, showOwner }: Props) {
  const rowsOf = (rows: DraftListRow[]) => <DraftRows rows={rows} selectedId={selectedId} onSelect={onSelect} checked={checked} onCheck={onCheck} showOwner={showOwner} />;
  return (
    <ul className="divide-y divide-slate-100" data-testid="draft-rows">
      {groups.map((group) =>
        group.label === null ? (
          <Fragment key={group.key}>{rowsOf(group.rows)}</Fragment>
        ) : (
          <li key={group.key} data-testid="draft-group" aria-label={group.label}>
            <h3 className="sticky top-0 z-10 flex items-center justify-between gap-2 border-b border-slate-100 bg-slate-50 px-3 py-1.5 text-xs font-semibold text-slate-700">
              <span className="truncate">{group.label}</span>
              <span className="font-normal text-slate-600" data-testid="draft-group-count">
                {group.rows.length} draft{group.rows.length === 1 ? "" : "s"}
              </span>
            </h3>
            <ul className="divide-y divide-slate-100">{rowsOf(group.rows)}</ul>
          </li>
        ),
      )}
    </ul>
  );
}

function DraftRows({ rows, selectedId, onSelect, checked, onCheck, showOwner }: Omit<Props, "groups"> & { rows: DraftListRow[] }) {
  return (
    <>
      {rows.map((row) => {
        const selected = row.id === selectedId;
        const name = `${row.contactName} ${row.contactLastName}`;
        const waiting = row.status === "draft" && row.sendAt === null;
        return (
          <li key={row.id} data-draft-id={row.id} className={`flex items-start gap-3 px-3 py-2.5 ${selected ? "bg-brand-50" : "hover:bg-slate-50"}`}>
            <input
              type="checkbox"
              className="mt-1 size-4 accent-brand-600 disabled:opacity-30"
              aria-label={`Select the draft to ${name}`}
              disabled={!waiting}
              checked={checked.has(row.id)}
              onChange={(e) => onCheck(row.id, e.target.checked)}
            />
            <button type="button" className="min-w-0 flex-1 text-left" aria-current={selected ? "true" : undefined} onClick={() => onSelect(row.id)}>
              <div className="flex items-center justify-between gap-2">
                <span className={`truncate text-sm font-medium ${selected ? "text-brand-700" : "text-slate-900"}`}>
                  {name}
                  <span className="font-normal text-slate-600"> · {row.companyName ?? "No company"}</span>
                </span>
                <DraftStatus status={row.status} sendAt={row.sendAt} />
              </div>
              <p className="mt-0.5 truncate text-sm text-slate-700">{row.editedSubject ?? row.subject}</p>
              {row.schedule ? (
                <p className="mt-0.5 text-xs text-amber-800" title={row.schedule.detail} data-testid="draft-schedule">
                  {row.schedule.label}
                </p>
              ) : null}
              <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
                {showOwner ? <span className="font-medium text-slate-700" data-testid="draft-owner">{row.ownerName ?? "Unassigned"}</span> : null}
                {row.tier ? <Badge>Tier {row.tier}</Badge> : null}
                <span>{formatPercent(row.confidence)} confidence</span>
                {row.action ? <span>· {humanize(row.action)}</span> : null}
                {row.campaignName ? (
                  <span className="truncate" data-testid="draft-campaign">
                    · {row.campaignName}
                    {row.step ? <Badge tone="info">Touch {row.step}</Badge> : null}
                  </span>
                ) : null}
                <span>· {formatDateTime(row.createdAt)}</span>
              </div>
            </button>
          </li>
        );
      })}
    </>
  );
}
