import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Fields } from "@/components/ui/card";
import { formatPercent, humanize } from "@/lib/format";
import { isObjectionKind, OBJECTION_LABELS } from "@/lib/objections/kinds";
import type { DraftView } from "./types";

type Coaching = NonNullable<DraftView["coaching"]>;

/**
 * The objection coach's reasoning beside its reply: which objection it read and how sure it was
 * (model or labelled rules), the playbook version it drew from, and every sentence the
 * faithfulness gate removed or flagged, with why.
 */
export function DraftCoaching({ coaching }: { coaching: Coaching }) {
  const label = isObjectionKind(coaching.objection) ? OBJECTION_LABELS[coaching.objection] : "None of the nine";
  const byRules = coaching.provenance.source === "rule_based_fallback";
  return (
    <div className="space-y-3 text-sm" data-testid="coaching">
      <Fields
        rows={[
          ["Objection", <span key="o" className="inline-flex items-center gap-2">{label} <span className="text-xs text-slate-500">({formatPercent(coaching.confidence)})</span></span>],
          ["Classified by", byRules ? "Keyword rules (rule-based fallback), not a model" : humanize(coaching.provenance.source)],
          ["Why", coaching.provenance.reason],
          [
            "Playbook",
            <Link key="p" href={`/admin/playbook?vertical=${coaching.vertical}&version=${coaching.playbookVersion}`} className="text-brand-700 underline underline-offset-2">
              {humanize(coaching.vertical)}, version {coaching.playbookVersion}{coaching.playbookVersion === 0 ? " (shipped default)" : ""}
            </Link>,
          ],
          ["From", coaching.note ? `A rep's note: “${coaching.note}”` : "The contact's email"],
        ]}
      />
      {coaching.sentences.length ? (
        <div>
          <h4 className="text-xs font-semibold text-slate-600">Faithfulness gate</h4>
          <ul className="mt-1 space-y-2">
            {coaching.sentences.map((s) => (
              <li key={s.sentence} className="rounded-md border border-slate-200 p-2">
                <Badge tone={s.action === "removed" ? "bad" : "warn"}>{s.action === "removed" ? "Removed" : "Flagged"}</Badge>
                <span className={`ml-2 ${s.action === "removed" ? "line-through decoration-rose-400" : ""}`}>{s.sentence}</span>
                <p className="mt-1 text-xs text-slate-500">Because {s.reason}.</p>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-slate-600">Every sentence rests on the playbook or the company&apos;s facts.</p>
      )}
    </div>
  );
}
