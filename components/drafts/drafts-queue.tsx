"use client";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { formatNumber } from "@/lib/format";
import { BatchBar } from "./batch-bar";
import { Key } from "./decision-ui";
import { DraftDetail } from "./draft-detail";
import { DraftFilters, type CampaignOption, type Owner } from "./draft-filters";
import { DraftList } from "./draft-list";
import { apiParams, isDefaultView, sameParams, type DraftParams } from "./draft-params";
import { groupByTouch, nextAfter } from "./queue-order";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { offListNote, STATUS_OPTIONS } from "./status-words";
import type { BatchResult, DecisionResult, DraftListPage, DraftListRow, DraftView } from "./types";
import { UndoToast, type PendingSend } from "./undo-toast";
import { useDraftDetail, useDraftList } from "./use-drafts";
import { useShortcuts } from "./use-shortcuts";

type Props = {
  initial: DraftListPage;
  initialParams: DraftParams;
  initialSelected: number | null;
  initialDetail: DraftView | null;
  /** The undo window, for the batch confirmation's words. */
  sendDelaySeconds: number;
  /** Whose drafts an admin may filter by; empty for a rep (who sees only their own). */
  owners: Owner[];
  /** The campaigns the filter offers by name; empty leaves a campaign id box. */
  campaigns: CampaignOption[];
};

const isWaiting = (row: DraftListRow) => row.status === "draft" && row.sendAt === null;
const nameOf = (row: DraftListRow) => `${row.contactName} ${row.contactLastName}`;

/**
 * The approval queue: filters, the newest-first list and the selected draft. Keys: j/k move, x
 * selects for a batch, ? lists every key. After a decision the queue moves on to the next
 * waiting draft below it, and an approval can be undone from the toast until its window passes.
 */
export function DraftsQueue({ initial, initialParams, initialSelected, initialDetail, sendDelaySeconds, owners, campaigns }: Props) {
  const [params, setParams] = useState<DraftParams>(initialParams);
  const [selectedId, setSelectedId] = useState<number | null>(initialSelected);
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const [helpOpen, setHelpOpen] = useState(false);
  const [sends, setSends] = useState<PendingSend[]>([]);
  const listRef = useRef<HTMLDivElement>(null);

  const list = useDraftList(
    apiParams(params),
    sameParams(params, initialParams) ? { pages: [initial], pageParams: [null] } : undefined,
  );
  // Grouped by campaign touch; `rows` is the shown order, which j/k and moving on after a decision walk.
  const groups = useMemo(() => groupByTouch(list.data?.pages.flatMap((p) => p.rows) ?? []), [list.data]);
  const rows = useMemo(() => groups.flatMap((g) => g.rows), [groups]);
  // The first page carries the count (capped by the service: "1,000+"); later pages do not.
  const total = list.data?.pages[0]?.total ?? 0;
  const totalIsCapped = list.data?.pages[0]?.totalIsCapped ?? false;
  const detail = useDraftDetail(selectedId, selectedId === initialSelected && initialDetail ? initialDetail : undefined);

  useEffect(() => {
    const qs = new URLSearchParams({ ...params, ...(selectedId ? { id: String(selectedId) } : {}) });
    if (params.status === "draft") qs.delete("status");
    const search = qs.toString();
    window.history.replaceState(null, "", search ? `?${search}` : window.location.pathname);
  }, [params, selectedId]);

  const onFilter = useCallback((key: string, value: string) => {
    setParams((p) => {
      const next = { ...p };
      if (value) next[key] = value;
      else delete next[key];
      return next;
    });
    setChecked(new Set());
  }, []);

  const select = useCallback((id: number) => {
    setSelectedId(id);
    listRef.current?.querySelector(`[data-draft-id="${id}"]`)?.scrollIntoView({ block: "nearest" });
  }, []);

  const check = (id: number, on: boolean) =>
    setChecked((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  // j/k walk the loaded list; walking past its end loads the next page.
  const move = (step: 1 | -1) => {
    const at = rows.findIndex((r) => r.id === selectedId);
    const next = at === -1 ? rows[0] : rows[at + step];
    if (next) select(next.id);
    else if (step === 1 && list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
  };
  const toggleSelected = () => {
    const row = rows.find((r) => r.id === selectedId);
    if (row && isWaiting(row)) check(row.id, !checked.has(row.id));
  };
  useShortcuts({ j: () => move(1), k: () => move(-1), x: toggleSelected, "?": () => setHelpOpen(true) });

  /** Moves on from decided drafts to the next waiting one below them (not back to the top). */
  const moveOn = (decided: number[]) => {
    const next = nextAfter(rows, selectedId ?? decided[0]!, (r) => isWaiting(r) && !decided.includes(r.id));
    if (next) select(next.id);
    setChecked((current) => new Set([...current].filter((id) => !decided.includes(id))));
  };
  const offerUndo = (scheduled: { draftId: number; sendAt?: string; held?: string }[], names: ReadonlyMap<number, string>) => {
    const sendAt = scheduled[0]?.sendAt;
    if (!sendAt) return;
    const ids = scheduled.map((r) => r.draftId);
    const heldCount = scheduled.filter((r) => r.held).length;
    const what = ids.length === 1 ? `Email to ${names.get(ids[0]!) ?? "the contact"}` : heldCount ? `${ids.length} emails approved:` : `${ids.length} emails`;
    // A campaign that holds a touch (paused) must not be shown as "sending in 20 s".
    const held = ids.length === 1 ? scheduled[0]!.held : heldCount ? `${ids.length - heldCount} sending, ${heldCount} held by their campaign` : undefined;
    setSends((current) => [...current, { key: `${ids.join(",")}@${sendAt}`, draftIds: ids, what, sendAt, ...(held ? { held } : {}) }]);
  };
  const onDecided = (draftId: number, result: DecisionResult) => {
    const row = rows.find((r) => r.id === draftId);
    if (result.status === "scheduled") offerUndo([result], new Map(row ? [[draftId, nameOf(row)]] : []));
    moveOn([draftId]);
  };
  const onBatchApproved = (results: BatchResult[], names: ReadonlyMap<number, string>) => {
    offerUndo(results.filter((r): r is DecisionResult => r.status === "scheduled"), names);
    moveOn(results.filter((r) => r.status !== "error" && r.status !== "skipped").map((r) => r.draftId));
  };

  const waitingRows = rows.filter(isWaiting);
  const waitingChecked = waitingRows.filter((r) => checked.has(r.id)).map((r) => r.id);
  const nothingAtAll = total === 0 && isDefaultView(params) && !list.isFetching;
  // A draft opened by id that the filters leave out stays decidable (its keys too), with a note saying so.
  const openStatus = detail.data?.draft.status;
  const offList = openStatus ? offListNote(openStatus, params.status ?? "draft", rows.some((r) => r.id === selectedId), !list.hasNextPage && !list.isFetching) : null;
  const ownList = openStatus && openStatus !== (params.status ?? "draft") ? STATUS_OPTIONS.find(([value]) => value === openStatus) : undefined;

  return (
    <div>
      <DraftFilters params={params} onChange={onFilter} busy={list.isFetching && !list.isFetchingNextPage} owners={owners} campaigns={campaigns} />
      {list.isError ? <p role="alert" className="mb-4 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">{list.error.message}</p> : null}

      {nothingAtAll && selectedId === null ? (
        <EmptyState title="No drafts waiting for review">
          Drafts appear here when the email orchestrator writes outreach. Start one from a{" "}
          <Link href="/contacts" className="text-brand-700 underline underline-offset-2">contact&apos;s page or the contacts list</Link>. Nothing is sent until a person approves it.
        </EmptyState>
      ) : (
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <div className="overflow-hidden rounded-lg border border-slate-200 bg-white" ref={listRef}>
            <BatchBar
              rows={rows}
              checked={waitingChecked}
              waiting={waitingRows.length}
              moreMatch={list.hasNextPage || totalIsCapped || rows.length < total}
              sendDelaySeconds={sendDelaySeconds}
              onCheckAll={(all) => setChecked(new Set(all ? waitingRows.map((r) => r.id) : []))}
              onApproved={onBatchApproved}
              onRejected={() => moveOn(waitingChecked)}
            />
            {rows.length ? (
              // On wide screens the list scrolls on its own, so the draft beside it stays in view.
              <div className="lg:max-h-[calc(100vh-14rem)] lg:overflow-y-auto">
                <DraftList groups={groups} selectedId={selectedId} onSelect={select} checked={checked} onCheck={check} showOwner={owners.length > 0} />
              </div>
            ) : (
              <p className="px-4 py-10 text-center text-sm text-slate-500">{isDefaultView(params) ? "No drafts are waiting for review." : "No drafts match these filters."}</p>
            )}
            <footer className="flex items-center justify-between gap-3 border-t border-slate-100 px-4 py-2.5 text-sm text-slate-600">
              <span data-testid="draft-count">
                {formatNumber(rows.length)} of {formatNumber(total)}
                {totalIsCapped ? "+" : ""} draft{total === 1 && !totalIsCapped ? "" : "s"}
              </span>
              {list.hasNextPage ? (
                <button
                  type="button"
                  className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
                  disabled={list.isFetchingNextPage}
                  onClick={() => void list.fetchNextPage()}
                >
                  {list.isFetchingNextPage ? "Loading…" : "Load more"}
                </button>
              ) : (
                <button type="button" className="text-xs text-slate-600 hover:text-slate-900" onClick={() => setHelpOpen(true)}>
                  <Key>j</Key> <Key>k</Key> move · <Key>x</Key> select · <Key>?</Key> all keys
                </button>
              )}
            </footer>
          </div>

          <div className="lg:sticky lg:top-6">
            {selectedId === null ? (
              <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center text-sm text-slate-500">Select a draft to review it.</p>
            ) : detail.isError ? (
              <p role="alert" className="rounded-lg border border-rose-200 bg-rose-50 px-6 py-8 text-center text-sm text-rose-700">{detail.error.message}</p>
            ) : detail.data ? (
              <>
                {offList ? (
                  <p role="note" data-testid="off-list-note" className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
                    {offList}
                    {ownList ? (
                      <button type="button" className="ml-2 font-medium underline underline-offset-2" onClick={() => onFilter("status", ownList[0])}>
                        Show {ownList[1]}
                      </button>
                    ) : null}
                  </p>
                ) : null}
                <DraftDetail key={selectedId} view={detail.data} onDecided={onDecided} />
              </>
            ) : (
              <p className="rounded-lg border border-slate-200 bg-white px-6 py-12 text-center text-sm text-slate-500" aria-live="polite">Loading the draft…</p>
            )}
          </div>
        </div>
      )}

      <div className="fixed bottom-4 left-1/2 z-40 flex -translate-x-1/2 flex-col gap-2" role="status" aria-live="polite">
        {sends.map((send) => (
          <UndoToast
            key={send.key}
            send={send}
            onUndone={(results) => {
              const back = results.filter((r) => r.status === "undone").map((r) => r.draftId);
              if (back.length) select(back[0]!);
            }}
            onGone={() => setSends((current) => current.filter((s) => s.key !== send.key))}
          />
        ))}
      </div>
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
