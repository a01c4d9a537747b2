import { DraftRequestError } from "./use-drafts";

/** Class names and small pieces the decision forms share. */
export const fieldClass = "w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500";
export const primary = "rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60";
export const secondary = "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60";

/** The server's message for one input field, when the refusal named it. */
export function fieldError(error: unknown, name: string): string | null {
  return error instanceof DraftRequestError && error.field?.endsWith(name) ? error.message : null;
}

export function Key({ children }: { children: string }) {
  return <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-mono text-[11px] text-slate-600">{children}</kbd>;
}
