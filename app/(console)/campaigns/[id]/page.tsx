import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CampaignControls } from "@/components/campaigns/campaign-controls";
import { EnrollmentsTable } from "@/components/campaigns/enrollments-table";
import { PanelArguments } from "@/components/campaigns/panel-arguments";
import { readPanel } from "@/components/campaigns/panel-record";
import { editedInWords } from "@/components/campaigns/plan-draft";
import { PlanSummary } from "@/components/campaigns/plan-summary";
import { CampaignStatus } from "@/components/campaigns/status-badges";
import { StepFunnel } from "@/components/campaigns/step-funnel";
import { dailyTouches } from "@/components/campaigns/touch-series";
import { LineChart } from "@/components/charts/line-chart";
import { Card, Fields } from "@/components/ui/card";
import { ENROLLMENT_STATUSES } from "@/db/schema";
import { requirePageUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { formatDate, formatNumber, formatPercent, humanize } from "@/lib/format";
import { getCampaign, touchesOverTime } from "@/lib/services/campaign-views";

export const metadata: Metadata = { title: "Campaign" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CampaignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const user = await requirePageUser("rep");
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const raw = await searchParams;
  // A hand-edited state or page that is not one falls back to all states, first page.
  const status = typeof raw.status === "string" && (ENROLLMENT_STATUSES as readonly string[]).includes(raw.status) ? raw.status : undefined;
  const page = typeof raw.page === "string" && /^\d{1,6}$/.test(raw.page) && Number(raw.page) > 0 ? Number(raw.page) : 1;
  const [detail, touches] = await Promise.all([getCampaign(user, id, { status, page }), touchesOverTime(user, id)]).catch((e: unknown) => {
    if (isAppError(e) && e.type === "not_found") notFound();
    throw e;
  });
  const { campaign, summary, funnel, enrollments, canRun } = detail;
  const panel = readPanel(campaign.panel);
  const series = dailyTouches(touches, new Date());
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <Link href="/campaigns" className="text-sm text-slate-500 hover:text-slate-800">← Campaigns</Link>
          <h1 className="mt-2 flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
            <span className="min-w-0 break-words [overflow-wrap:anywhere]">{campaign.name}</span> <CampaignStatus status={campaign.status} />
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            {campaign.launchedAt ? `Launched ${formatDate(campaign.launchedAt)}` : campaign.status === "draft" ? "Not launched" : `Created ${formatDate(campaign.createdAt)}`}
            {campaign.vertical ? ` · ${humanize(campaign.vertical)}` : ""}
            {campaign.stopOnCompanyReply ? " · a reply from anyone at the company stops the rest" : ""}
          </p>
          <Link href={`/drafts?campaign=${campaign.id}`} className="mt-1 inline-block text-sm font-medium text-brand-700 hover:underline">
            {canRun ? "This campaign's touches in the drafts queue →" : "Your contacts' touches in your drafts queue →"}
          </Link>
        </div>
        {canRun ? <CampaignControls campaignId={campaign.id} status={campaign.status} /> : null}
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="campaign-counts">
        {[
          ["Enrolled", formatNumber(summary.enrolled)],
          ["Active", formatNumber(summary.active)],
          ["Replied", formatNumber(summary.replied)],
          ["Bounced", formatNumber(summary.bounced)],
          ["Meetings", formatNumber(summary.meetings)],
          ["Reply rate", summary.replyRate === null ? "—" : formatPercent(summary.replyRate)],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white px-4 py-3">
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
            <dd className="mt-1 text-xl font-semibold tabular-nums text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Plan">
          {campaign.plan ? <PlanSummary plan={campaign.plan} /> : <Fields rows={[["Angle", campaign.angle ?? "—"], ["Tone", humanize(campaign.tone)], ["Cadence", campaign.cadenceDays.join(", ")]]} />}
        </Card>
        <Card title="Panel">
          {panel ? (
            <>
              <p className="mb-3 text-sm text-slate-600">How the strategist, the skeptic and the brand voice argued the sequence before launch{panel.edited && editedInWords(panel.edited) ? `; the operator then edited ${editedInWords(panel.edited)}` : ""}.</p>
              <PanelArguments lenses={panel.lenses} />
            </>
          ) : (
            <p className="text-sm text-slate-500">This campaign was planned without the panel.</p>
          )}
        </Card>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Per touch">
          <StepFunnel steps={funnel} />
        </Card>
        <Card title="Touches sent per day">
          {series.length ? <LineChart label="Touches sent per day" data={series} height={200} /> : <p className="text-sm text-slate-500">No touch has been sent yet.</p>}
        </Card>
      </div>
      <Card title={`Enrollments (${formatNumber(enrollments.total)})`}>
        <EnrollmentsTable campaignId={campaign.id} page={enrollments} status={status} canRun={canRun} zone={env().SENDER_TIMEZONE} />
      </Card>
    </div>
  );
}
