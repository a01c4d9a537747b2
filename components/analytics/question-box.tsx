"use client";
import { useId } from "react";

type Props = {
  value: string;
  onChange: (question: string) => void;
  onAsk: (question: string) => void;
  suggestions: string[];
  busy: boolean;
  /** A refusal of the question itself (too short, too long). */
  error: string | null;
};

/** The question, and a few report titles to ask with one click. */
export function QuestionBox({ value, onChange, onAsk, suggestions, busy, error }: Props) {
  const id = useId();
  return (
    <form
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-5"
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) onAsk(value);
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">Ask a question about the CRM</label>
      <div className="flex gap-2">
        <input
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          maxLength={500}
          placeholder="Which campaign gets the most replies?"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500"
        />
        <button type="submit" disabled={busy} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {busy ? "Working…" : "Ask"}
        </button>
      </div>
      {error ? <p id={`${id}-error`} role="alert" className="text-sm text-rose-700">{error}</p> : null}
      {suggestions.length ? (
        <div className="flex flex-wrap items-center gap-2" aria-label="Suggestions" role="group">
          <span className="text-xs text-slate-500">Try</span>
          {suggestions.map((s) => (
            <button
              key={s}
              type="button"
              disabled={busy}
              onClick={() => {
                onChange(s);
                onAsk(s);
              }}
              className="rounded-full border border-slate-300 bg-white px-3 py-1 text-xs text-slate-700 hover:border-brand-500 hover:text-brand-700 disabled:opacity-60"
            >
              {s}
            </button>
          ))}
        </div>
      ) : null}
    </form>
  );
}
