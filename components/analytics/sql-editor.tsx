"use client";
import { useId } from "react";

/**
 * The answer's SQL, formatted and editable. "Run SQL" sends the text through the same gate as
 * the graph's own SQL; Ctrl/⌘+Enter runs it from the keyboard.
 */
export function SqlEditor({ value, original, onChange, onRun, running }: { value: string; original: string; onChange: (sql: string) => void; onRun: () => void; running: boolean }) {
  const id = useId();
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">SQL</label>
        <span className="text-xs text-slate-500">Read-only: only one SELECT over the CRM tables is accepted.</span>
      </div>
      <textarea
        id={id}
        value={value}
        rows={4}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            if (!running) onRun();
          }
        }}
        className="field-sizing-content max-h-96 min-h-24 w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs leading-5 text-slate-900 focus:border-brand-500 focus:bg-white"
      />
      <div className="flex gap-2">
        <button type="button" onClick={onRun} disabled={running || !value.trim()} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {running ? "Running…" : "Run SQL"}
        </button>
        {value !== original ? (
          <button type="button" onClick={() => onChange(original)} disabled={running} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60">
            Undo my edits
          </button>
        ) : null}
      </div>
    </div>
  );
}
