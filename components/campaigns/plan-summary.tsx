import { Fields } from "@/components/ui/card";
import { formatPercent, humanize } from "@/lib/format";
import type { CampaignDetail } from "@/lib/services/campaign-views";
import { sourceWords } from "./panel-record";
import { touchDays } from "./plan-draft";

type CampaignPlan = NonNullable<CampaignDetail["campaign"]["plan"]>;

/** The plan a campaign runs: angle, tone, cadence, stop criteria, one line per touch, and where it came from. */
export function PlanSummary({ plan }: { plan: CampaignPlan }) {
  const days = touchDays(plan.cadenceDays);
  return (
    <div className="space-y-4" data-testid="plan-summary">
      <Fields
        rows={[
          ["Angle", plan.angle || "—"],
          ["Tone", humanize(plan.tone)],
          ["Cadence", `${plan.maxTouches} touch${plan.maxTouches === 1 ? "" : "es"}, on days ${days.join(", ")}`],
          ["Stop when", plan.stopCriteria],
          ["Source", `${sourceWords(plan.provenance.source)} · confidence ${formatPercent(plan.provenance.confidence)}`],
          ["Why", plan.provenance.reason || "—"],
          ["Version", <span key="v" className="font-mono text-xs">{plan.version}</span>],
        ]}
      />
      <ol className="space-y-1.5 text-sm">
        {Array.from({ length: plan.maxTouches }, (_, i) => (
          <li key={i} className="flex gap-3">
            <span className="w-16 shrink-0 text-xs font-medium uppercase tracking-wide text-slate-500">Touch {i + 1}</span>
            <span className="w-14 shrink-0 text-xs text-slate-500">day {days[i]}</span>
            <span className="text-slate-800">{plan.touchAngles?.[i] || plan.angle}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
