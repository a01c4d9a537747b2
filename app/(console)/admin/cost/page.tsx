import type { Metadata } from "next";
import Link from "next/link";
import { LineChart } from "@/components/charts/line-chart";
import { everyDay } from "@/components/charts/series";
import { BudgetEditor } from "@/components/cost/budget-editor";
import { KillSwitchToggle } from "@/components/cost/kill-switch-toggle";
import { SpendTable, usd } from "@/components/cost/spend-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { userMessage } from "@/lib/errors";
import { formatDateTime, formatNumber, formatPercent } from "@/lib/format";
import { costDashboard, CostQuery, parseCostQuery } from "@/lib/services/cost";
import { modelControls } from "@/lib/services/model-controls";

export const metadata: Metadata = { title: "Cost" };

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid={testId}>{value}</p>
    </div>
  );
}

export default async function CostPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("admin");
  let problem: string | null = null;
  let query = CostQuery.parse({});
  try {
    query = parseCostQuery(await searchParams);
  } catch (e) {
    problem = userMessage(e);
  }
  const [data, controls] = await Promise.all([costDashboard(user, query), modelControls(user)]);
  const today = new Date().toISOString().slice(0, 10);
  const todaySpend = data.spendByDay.find((d) => d.day === today)?.costUsd ?? 0;
  return (
    <>
      <PageHeader
        title="Model cost"
        description={`Every model call, cached or refused, over the last ${data.days} UTC days, today included.`}
        actions={
          <nav aria-label="Period" className="flex gap-2 text-sm">
            {[7, 30, 90].map((d) => (
              <Link key={d} href={`/admin/cost?days=${d}`} aria-current={d === data.days ? "page" : undefined} className={`rounded-md px-3 py-1.5 ${d === data.days ? "bg-brand-600 text-white" : "bg-white ring-1 ring-slate-200 hover:bg-slate-50"}`}>
                {d} days
              </Link>
            ))}
          </nav>
        }
      />
      {problem ? <p role="alert" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{problem} Showing the last 30 days.</p> : null}
      {controls.killSwitch.enabled || controls.killSwitch.byEnvironment ? (
        <p role="status" className="mb-4 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">The model kill switch is on{controls.killSwitch.byEnvironment ? " via the environment" : ""}: every model call is refused and each graph takes its deterministic path.</p>
      ) : null}
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-5">
        <Stat label="Spend today (UTC)" value={usd(todaySpend)} testId="spend-today" />
        <Stat label={`Spend, ${data.days} days`} value={usd(data.totals.costUsd)} testId="spend-total" />
        <Stat label="Model calls" value={formatNumber(data.totals.calls)} />
        <Stat label="Cache hit rate" value={formatPercent(data.cacheHitRate)} />
        <Stat label="Saved by cache" value={usd(data.totals.savedUsd)} />
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <Card title="Kill switch">
          <KillSwitchToggle enabled={controls.killSwitch.enabled} byEnvironment={controls.killSwitch.byEnvironment} />
        </Card>
        <Card title={`Daily budgets per graph (${controls.day}, UTC)`} className="lg:col-span-2">
          <BudgetEditor graphs={controls.graphs} defaultLimitUsd={controls.defaultLimitUsd} />
        </Card>
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <Card title="Spend per day" className="lg:col-span-2">
          <LineChart label="Spend per day" data={everyDay(data.spendByDay.map((d) => ({ key: d.day, value: d.costUsd })), data.days, today)} format="usd" />
        </Card>
        <Card title="Cost per outcome">
          <dl className="space-y-2 text-sm">
            {([
              ["Approved draft", data.costPer.approvedDraft, data.outcomes.approvedDrafts],
              ["Reply", data.costPer.reply, data.outcomes.replies],
              ["Meeting booked", data.costPer.meeting, data.outcomes.meetings],
            ] as const).map(([label, cost, n]) => (
              <div key={label} className="flex justify-between gap-4">
                <dt className="text-slate-600">{label} <span className="text-xs text-slate-500">({formatNumber(n)})</span></dt>
                <dd className="tabular-nums">{cost === null ? "—" : usd(cost)}</dd>
              </div>
            ))}
          </dl>
          <p className="pt-2 text-xs text-slate-500">Spend in the period divided by outcomes in the period. Tokens: {formatNumber(data.totals.tokensIn)} in, {formatNumber(data.totals.tokensOut)} out. Refused: {formatNumber(data.totals.refused)}, errors: {formatNumber(data.totals.errors)}.</p>
        </Card>
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <SpendTable title="By graph" rows={data.byGraph} />
        <SpendTable title="By feature" rows={data.byFeature} />
        <SpendTable title="By vertical" rows={data.byVertical} />
        <SpendTable title="By model" rows={data.byModel} />
      </div>
      <div className="mt-6">
        <Card title="Most expensive runs">
          {data.topRuns.length === 0 ? (
            <p className="text-sm text-slate-500">No model calls in this period. With no model configured the console runs offline, and offline runs cost nothing.</p>
          ) : (
            <table className="min-w-full text-sm">
              <thead className="text-left text-xs text-slate-500"><tr><th className="py-1">Run</th><th className="py-1">Graph</th><th className="py-1 text-right">Spend</th><th className="py-1 text-right">Calls</th><th className="py-1 text-right">Tokens</th><th className="py-1">Started</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {data.topRuns.map((r) => (
                  <tr key={r.runId}>
                    <td className="py-1"><Link className="font-mono text-xs text-brand-700 hover:underline" href={`/runs/${r.runId}`}>{r.runId.slice(0, 8)}</Link></td>
                    <td className="py-1 font-mono text-xs">{r.graph}</td>
                    <td className="py-1 text-right tabular-nums">{usd(r.costUsd)}</td>
                    <td className="py-1 text-right tabular-nums">{r.calls}</td>
                    <td className="py-1 text-right tabular-nums">{formatNumber(r.tokens)}</td>
                    <td className="py-1">{r.startedAt ? formatDateTime(r.startedAt) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </div>
    </>
  );
}
