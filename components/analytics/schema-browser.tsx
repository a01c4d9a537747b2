"use client";
import { useId } from "react";
import type { SchemaTable } from "./types";

/**
 * The tables an analytics query may read, each folded until opened, with its columns and their
 * types. Clicking a name writes it into the SQL at the cursor, so an operator editing a query
 * never has to guess a column's spelling.
 */
export function SchemaBrowser({ tables, onInsert, disabled }: { tables: SchemaTable[]; onInsert: (name: string) => void; disabled: boolean }) {
  const heading = useId();
  return (
    <section aria-labelledby={heading} className="rounded-md border border-slate-200 bg-white text-xs" data-testid="schema-browser">
      <h4 id={heading} className="border-b border-slate-200 px-3 py-2 font-medium text-slate-800">Tables you can query</h4>
      <div className="max-h-80 overflow-y-auto py-1">
        {tables.map(({ table, columns }) => (
          <details key={table} className="group px-3 py-0.5">
            <summary className="cursor-pointer select-none py-1 font-mono text-slate-800 hover:text-brand-700">
              <span>{table}</span> <span className="font-sans text-slate-500">({columns.length})</span>
            </summary>
            <ul aria-label={`Columns of ${table}`} className="mb-1 ml-3 space-y-0.5 border-l border-slate-200 pl-2">
              <li>
                <button type="button" disabled={disabled} onClick={() => onInsert(table)} className="text-brand-700 hover:underline disabled:opacity-60">
                  Insert {table}
                </button>
              </li>
              {columns.map((c) => (
                <li key={c.name}>
                  <div className="flex items-baseline justify-between gap-2">
                    <button type="button" disabled={disabled} onClick={() => onInsert(c.name)} aria-label={`Insert ${c.name}`} className="truncate font-mono text-slate-800 hover:text-brand-700 hover:underline disabled:opacity-60">
                      {c.name}
                    </button>
                    <span className="shrink-0 text-slate-500">{c.type}</span>
                  </div>
                  {c.note ? <p className="text-[11px] leading-4 text-slate-500">{c.note}</p> : null}
                </li>
              ))}
            </ul>
          </details>
        ))}
      </div>
    </section>
  );
}
