import Link from "next/link";
import { SparkLine } from "@/components/charts/spark-line";
import type { ChartRow } from "@/components/charts/series";
import { formatDate, formatNumber, formatPercent } from "@/lib/format";
import type { CampaignSummary } from "@/lib/services/campaign-views";
import { CampaignStatus } from "./status-badges";

const num = "px-3 py-2 text-right tabular-nums";

/** Every campaign with its counts and a small chart of touches sent per day. */
export function CampaignTable({ campaigns, charts }: { campaigns: CampaignSummary[]; charts: Record<number, ChartRow[]> }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm" data-testid="campaign-table">
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2">Campaign</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2 text-right">Enrolled</th>
            <th scope="col" className="px-3 py-2 text-right">Active</th>
            <th scope="col" className="px-3 py-2 text-right">Replied</th>
            <th scope="col" className="px-3 py-2 text-right">Bounced</th>
            <th scope="col" className="px-3 py-2 text-right">Meetings</th>
            <th scope="col" className="px-3 py-2 text-right">Reply rate</th>
            <th scope="col" className="w-44 px-3 py-2">Touches per day</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {campaigns.map((c) => (
            <tr key={c.id} className="hover:bg-slate-50">
              <td className="px-3 py-2">
                {/* A long name ends in an ellipsis (the whole name on hover and to a screen reader) so the counts stay in view. */}
                <Link href={`/campaigns/${c.id}`} title={c.name} className="block max-w-xs truncate font-medium text-brand-700 hover:underline">{c.name}</Link>
                {c.launchedAt ? <p className="text-xs text-slate-500">Launched {formatDate(c.launchedAt)}</p> : c.status === "draft" ? <p className="text-xs text-slate-500">Not launched</p> : null}
              </td>
              <td className="px-3 py-2"><CampaignStatus status={c.status} /></td>
              <td className={num}>{formatNumber(c.enrolled)}</td>
              <td className={num}>{formatNumber(c.active)}</td>
              <td className={num}>{formatNumber(c.replied)}</td>
              <td className={num}>{formatNumber(c.bounced)}</td>
              <td className={num}>{formatNumber(c.meetings)}</td>
              <td className={num}>{c.replyRate === null ? "—" : formatPercent(c.replyRate)}</td>
              <td className="px-3 py-1">
                {charts[c.id]?.length ? <SparkLine label={`Touches sent per day, ${c.name}`} data={charts[c.id]!} /> : <span className="text-xs text-slate-500">No touches sent yet</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
