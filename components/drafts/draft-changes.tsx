import { wordDiff } from "./word-diff";

function Diff({ before, after }: { before: string; after: string }) {
  return (
    <p className="whitespace-pre-wrap text-sm leading-relaxed text-slate-800">
      {wordDiff(before, after).map((part, i) =>
        part.kind === "same" ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === "removed" ? (
          <del key={i} className="rounded-sm bg-rose-100 text-rose-800">{part.text}</del>
        ) : (
          <ins key={i} className="rounded-sm bg-emerald-100 text-emerald-900 no-underline">{part.text}</ins>
        ),
      )}
    </p>
  );
}

type Version = { subject: string; body: string };

/** What the rep changed before approving: both versions are kept, shown as one diff. */
export function DraftChanges({ original, edited }: { original: Version; edited: Version }) {
  return (
    <div className="space-y-3" data-testid="draft-diff">
      <p className="text-xs text-slate-500">
        <span className="rounded-sm bg-rose-100 px-1 text-rose-800 line-through">Removed</span>{" "}
        <span className="rounded-sm bg-emerald-100 px-1 text-emerald-900">added</span> — the AI&apos;s draft against the approved text.
      </p>
      <div>
        <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Subject</h4>
        {original.subject === edited.subject ? <p className="text-sm text-slate-800">{edited.subject}</p> : <Diff before={original.subject} after={edited.subject} />}
      </div>
      <div>
        <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Body</h4>
        <Diff before={original.body} after={edited.body} />
      </div>
    </div>
  );
}
