"use client";
import { useId, useLayoutEffect, useRef } from "react";
import { SchemaBrowser } from "./schema-browser";
import type { SchemaTable } from "./types";

type Props = { value: string; original: string; onChange: (sql: string) => void; onRun: () => void; running: boolean; schema: SchemaTable[] };

/**
 * The answer's SQL, formatted and editable, beside the tables it may read. "Run SQL" sends the
 * text through the same gate as the graph's own SQL; Ctrl/⌘+Enter runs it from the keyboard.
 */
export function SqlEditor({ value, original, onChange, onRun, running, schema }: Props) {
  const id = useId();
  const editor = useRef<HTMLTextAreaElement>(null);
  // Where the caret goes once an inserted name has been rendered into the text.
  const caret = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = caret.current;
    if (at === null || !editor.current) return;
    caret.current = null;
    editor.current.focus();
    editor.current.setSelectionRange(at, at);
  });
  // A textarea keeps its selection while a button has focus, so the name replaces what was selected.
  const insert = (name: string) => {
    const start = editor.current?.selectionStart ?? value.length;
    const end = editor.current?.selectionEnd ?? value.length;
    caret.current = start + name.length;
    onChange(value.slice(0, start) + name + value.slice(end));
  };
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">SQL</label>
        <span className="text-xs text-slate-500">Read-only: only one SELECT over the CRM tables is accepted.</span>
      </div>
      <div className="grid gap-3 md:grid-cols-[minmax(0,1fr)_13rem]">
        <div className="space-y-2">
          <textarea
            id={id}
            ref={editor}
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
        <SchemaBrowser tables={schema} onInsert={insert} disabled={running} />
      </div>
    </div>
  );
}
