import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Fields } from "@/components/ui/card";
import { formatPercent, humanize } from "@/lib/format";
import { OFFLINE_MODEL_LABEL } from "@/lib/llm/types";
import { runTarget } from "./run-link";
import type { DraftRecord } from "./types";

const FALLBACK_SOURCE = "rule_based_fallback";

/**
 * Why the draft says what it says. A draft from the offline template is labelled as such, in
 * words, and never presented as a model's answer.
 */
export function DraftProvenance({ draft }: { draft: DraftRecord }) {
  const { confidence, reason, source } = draft.provenance;
  const offline = source === FALLBACK_SOURCE || draft.model === OFFLINE_MODEL_LABEL;
  const flags = draft.reviewFlags ?? [];
  return (
    <div data-testid="provenance">
      {offline ? (
        <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
          Written by the offline template (rule-based fallback), not by a model. Check the wording before you approve.
        </p>
      ) : null}
      <Fields
        rows={[
          [
            "Confidence",
            <span key="c" className="inline-flex items-center gap-2">
              <span className="h-1.5 w-20 overflow-hidden rounded bg-slate-200">
                <span className="block h-full rounded bg-brand-500" style={{ width: formatPercent(confidence) }} />
              </span>
              {formatPercent(confidence)}
            </span>,
          ],
          ["Reason", reason || "—"],
          ["Source", source === FALLBACK_SOURCE ? "Rule-based fallback" : humanize(source)],
          ["Model", <span key="m" className="font-mono text-xs">{draft.model}</span>],
          // A template draft is stamped with the template's version: no prompt ran.
          [offline ? "Template version" : "Prompt version", <span key="p" className="font-mono text-xs">{draft.promptVersion}</span>],
          [
            "Review flags",
            flags.length ? (
              <span key="f" className="inline-flex flex-wrap gap-1">
                {flags.map((f) => (
                  <Badge key={f} tone="warn">{humanize(f)}</Badge>
                ))}
              </span>
            ) : (
              "None"
            ),
          ],
          ["Run", <RunLink key="r" draft={draft} />],
        ]}
      />
    </div>
  );
}

/** The run that wrote the draft: its LangSmith trace when traced, else the console's own run page. */
function RunLink({ draft }: { draft: DraftRecord }) {
  const target = runTarget(draft);
  if (!target) return <span className="text-slate-500">No run recorded</span>;
  if (target.external) {
    return (
      <a href={target.href} className="text-brand-700 hover:underline" rel="noreferrer noopener" target="_blank">
        Open trace in LangSmith ↗
      </a>
    );
  }
  return (
    <Link href={target.href} className="text-brand-700 hover:underline">
      View run{target.runId ? <span className="ml-1 font-mono text-xs text-slate-500">{target.runId.slice(0, 8)}</span> : null}
    </Link>
  );
}

/** The facts the draft was grounded in, as the graph recorded them. */
export function DraftEvidence({ evidence }: { evidence: string[] }) {
  if (evidence.length === 0) return <p className="text-sm text-slate-500">The draft used no recorded facts.</p>;
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800" data-testid="evidence">
      {evidence.map((e, i) => (
        <li key={i}>{e}</li>
      ))}
    </ul>
  );
}
