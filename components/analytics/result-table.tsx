"use client";
import { useMemo, useState } from "react";
import { formatValue, type NumberFormat } from "@/components/charts/number-format";
import { columnFormat } from "./column-format";
import type { Cell } from "./column-format";
import { fileSlug, nextSort, sortRows, toCsv, type SortState } from "./result-shape";

function show(value: Cell, format: NumberFormat): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number") return formatValue(format, value);
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** Saves the rows as they are sorted on screen; built in the browser, nothing is sent anywhere. */
function download(title: string, columns: string[], rows: Cell[][]) {
  const url = URL.createObjectURL(new Blob([toCsv(columns, rows)], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = `${fileSlug(title)}.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * The result rows, rounded for reading (see columnFormat): click a header to sort (ascending,
 * descending, original order); the CSV export keeps the exact values.
 */
export function ResultTable({ title, columns, rows, truncated }: { title: string; columns: string[]; rows: Cell[][]; truncated: boolean }) {
  const [sort, setSort] = useState<SortState>(null);
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);
  if (columns.length === 0) return <p className="text-sm text-slate-500">No rows.</p>;
  const numeric = columns.map((_, i) => rows.some((r) => typeof r[i] === "number"));
  const formats = columns.map((name, i) => columnFormat(name, rows.map((r) => r[i])));
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between gap-3 text-xs text-slate-500">
        <span data-testid="row-count">
          {rows.length} row{rows.length === 1 ? "" : "s"}
          {truncated ? " (more exist; only these were fetched)" : ""}
        </span>
        <button type="button" onClick={() => download(title, columns, sorted)} disabled={rows.length === 0} className="rounded-md border border-slate-300 bg-white px-3 py-1 font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50">
          Export CSV
        </button>
      </div>
      <div className="max-h-96 overflow-auto rounded-md border border-slate-200">
        <table className="min-w-full text-sm" aria-label="Result">
          <thead className="sticky top-0 bg-slate-50 text-left text-xs text-slate-600">
            <tr>
              {columns.map((column, i) => {
                const direction = sort?.column === i ? sort.direction : null;
                return (
                  <th key={`${column}-${i}`} scope="col" aria-sort={direction === "asc" ? "ascending" : direction === "desc" ? "descending" : "none"} className={`px-3 py-2 font-semibold ${numeric[i] ? "text-right" : ""}`}>
                    <button type="button" onClick={() => setSort(nextSort(sort, i))} className="inline-flex items-center gap-1 hover:text-slate-900">
                      {column}
                      <span aria-hidden="true" className="text-slate-500">{direction === "asc" ? "▲" : direction === "desc" ? "▼" : "↕"}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {sorted.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="px-3 py-4 text-center text-slate-500">No records matched.</td>
              </tr>
            ) : (
              sorted.map((row, r) => (
                <tr key={r} className="hover:bg-slate-50">
                  {columns.map((_, i) => (
                    <td key={i} className={`whitespace-nowrap px-3 py-1.5 ${numeric[i] ? "text-right tabular-nums" : ""}`}>{show(row[i], formats[i]!)}</td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
