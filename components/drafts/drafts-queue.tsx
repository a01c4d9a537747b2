"use client";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { formatNumber } from "@/lib/format";
import { BatchApproveBar } from "./batch-approve-bar";
import { DraftDetail } from "./draft-detail";
import { isTyping, Key } from "./draft-decision";
import { DraftFilters } from "./draft-filters";
import { DraftList } from "./draft-list";
import { apiParams, isDefaultView, sameParams, type DraftParams } from "./draft-params";
import type { DraftListPage, DraftView } from "./types";
import { useDraftDetail, useDraftList } from "./use-drafts";

type Props = {
  initial: DraftListPage;
  initialParams: DraftParams;
  initialSelected: number | null;
  initialDetail: DraftView | null;
};

/** The approval queue: filters, the newest-first list (j/k to move) and the selected draft. */
export function DraftsQueue({ initial, initialParams, initialSelected, initialDetail }: Props) {
  const [params, setParams] = useState<DraftParams>(initialParams);
  const [selectedId, setSelectedId] = useState<number | null>(initialSelected);
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const listRef = useRef<HTMLDivElement>(null);

  const list = useDraftList(
    apiParams(params),
    sameParams(params, initialParams) ? { pages: [initial], pageParams: [null] } : undefined,
  );
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.rows) ?? [], [list.data]);
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

  // j/k walk the loaded list; walking past its end loads the next page.
  const move = useRef<(step: 1 | -1) => void>(() => {});
  useEffect(() => {
    move.current = (step) => {
      const at = rows.findIndex((r) => r.id === selectedId);
      const next = at === -1 ? rows[0] : rows[at + step];
      if (next) select(next.id);
      else if (step === 1 && list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
    };
  });
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      if (event.key === "j") move.current(1);
      else if (event.key === "k") move.current(-1);
      else return;
      event.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const check = (id: number, on: boolean) =>
    setChecked((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const waitingChecked = rows.filter((r) => checked.has(r.id) && r.status === "draft").map((r) => r.id);
  const nothingAtAll = total === 0 && isDefaultView(params) && !list.isFetching;

  return (
    <div>
      <DraftFilters params={params} onChange={onFilter} busy={list.isFetching && !list.isFetchingNextPage} />
      {list.isError ? <p role="alert" className="mb-4 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">{list.error.message}</p> : null}

      {nothingAtAll && selectedId === null ? (
        <EmptyState title="No drafts waiting for review">
          Drafts appear here when the email orchestrator writes outreach. Start one from a{" "}
          <Link href="/contacts" className="text-brand-700 underline underline-offset-2">contact&apos;s page or the contacts list</Link>. Nothing is sent until a person approves it.
        </EmptyState>
      ) : (
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <div className="overflow-hidden rounded-lg border border-slate-200 bg-white" ref={listRef}>
            <BatchApproveBar
              rows={rows}
              checked={waitingChecked}
              onCheckAll={(all) => setChecked(new Set(all ? rows.filter((r) => r.status === "draft").map((r) => r.id) : []))}
              onDone={() => setChecked(new Set())}
            />
            {rows.length ? (
              // On wide screens the list scrolls on its own, so the draft beside it stays in view.
              <div className="lg:max-h-[calc(100vh-14rem)] lg:overflow-y-auto">
                <DraftList rows={rows} selectedId={selectedId} onSelect={select} checked={checked} onCheck={check} />
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
                <span className="text-xs text-slate-500">
                  <Key>j</Key> <Key>k</Key> move
                </span>
              )}
            </footer>
          </div>

          <div className="lg:sticky lg:top-6">
            {selectedId === null ? (
              <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center text-sm text-slate-500">Select a draft to review it.</p>
            ) : detail.isError ? (
              <p role="alert" className="rounded-lg border border-rose-200 bg-rose-50 px-6 py-8 text-center text-sm text-rose-700">{detail.error.message}</p>
            ) : detail.data ? (
              <DraftDetail key={selectedId} view={detail.data} />
            ) : (
              <p className="rounded-lg border border-slate-200 bg-white px-6 py-12 text-center text-sm text-slate-500" aria-live="polite">Loading the draft…</p>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
