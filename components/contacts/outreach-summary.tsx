import Link from "next/link";
import { skipReasonText } from "./skip-reasons";
import type { OutreachOutcome, OutreachProgress } from "./use-draft-outreach";

/** "Drafting 4–6 of 10…" with a bar that moves as each call comes back. */
export function OutreachProgressBar({ progress }: { progress: OutreachProgress }) {
  const first = progress.done + 1;
  const last = progress.done + progress.current.length;
  return (
    <div role="status" aria-live="polite" className="space-y-1.5 text-sm text-slate-700">
      <p>
        {progress.total === 1
          ? `Drafting for ${progress.current[0]?.name ?? "the contact"}…`
          : `Drafting ${first === last ? first : `${first}–${last}`} of ${progress.total}…`}
      </p>
      {progress.total > 1 ? (
        <div className="h-1.5 w-64 max-w-full overflow-hidden rounded bg-slate-200">
          <div className="h-full rounded bg-brand-500 transition-all" style={{ width: `${Math.round((progress.done / progress.total) * 100)}%` }} />
        </div>
      ) : null}
    </div>
  );
}

/** What a drafting batch did: drafts with links, skips with their reasons, failures with messages. */
export function OutreachSummary({ outcomes }: { outcomes: OutreachOutcome[] }) {
  const drafted = outcomes.filter((o) => o.status === "drafted");
  const skipped = outcomes.filter((o) => o.status === "skipped");
  const failed = outcomes.filter((o) => o.status === "failed");
  return (
    <div role="status" className="space-y-2 text-sm" data-testid="outreach-summary">
      <p className="font-medium text-slate-900">
        {drafted.length} drafted · {skipped.length} skipped · {failed.length} failed
        {drafted.length > 1 ? (
          <Link href="/drafts" className="ml-3 font-normal text-brand-700 hover:underline">Review them in Drafts</Link>
        ) : null}
      </p>
      {drafted.length ? (
        <ul className="space-y-0.5">
          {drafted.map((o) => (
            <li key={o.contactId}>
              <span className="text-slate-700">{o.name}: </span>
              <Link href={`/drafts?id=${o.draftId}`} className="font-medium text-brand-700 hover:underline">Review the draft</Link>
            </li>
          ))}
        </ul>
      ) : null}
      {skipped.length ? (
        <ul className="space-y-0.5 text-slate-700">
          {skipped.map((o) => (
            <li key={o.contactId}>
              {o.name}: no draft. {skipReasonText(o.reason, o.suppression)}
            </li>
          ))}
        </ul>
      ) : null}
      {failed.length ? (
        <ul className="space-y-0.5 text-rose-700">
          {failuresByMessage(failed).map(({ message, names }) => (
            <li key={message}>
              {namesText(names)}: {message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Failures told once per message: a batch cut off (the console unreachable) is one line, not one per contact. */
export function failuresByMessage(failed: readonly { name: string; message?: string }[]): { message: string; names: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const o of failed) {
    const message = o.message ?? "No draft was made.";
    groups.set(message, [...(groups.get(message) ?? []), o.name]);
  }
  return [...groups].map(([message, names]) => ({ message, names }));
}

/** "Ann", "Ann and Bo", "Ann, Bo and Cy", "Ann, Bo, Cy and 9 more". */
export function namesText(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  if (names.length <= 3) return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;
}
