import type { Metadata } from "next";
import Link from "next/link";
import { CampaignTable } from "@/components/campaigns/campaign-table";
import { dailyTouches } from "@/components/campaigns/touch-series";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { listCampaigns, touchesOverTime } from "@/lib/services/campaign-views";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage() {
  const user = await requirePageUser("rep");
  const [campaigns, touches] = await Promise.all([listCampaigns(user), touchesOverTime(user)]);
  const today = new Date();
  const charts = Object.fromEntries(campaigns.map((c) => [c.id, dailyTouches(touches.filter((t) => t.campaignId === c.id), today)]));
  const canRun = hasRole(user.role, "operator");
  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Multi-touch sequences: one durable thread per contact, every touch approved by a rep before it is sent."
        actions={canRun ? <Link href="/campaigns/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">New campaign</Link> : null}
      />
      {campaigns.length === 0 ? (
        <EmptyState title="No campaigns yet">
          {canRun ? "Create one: pick an audience, let the panel argue a sequence, review the plan and the send forecast, then launch." : "Operators create campaigns; their touches for your contacts will appear in your drafts queue."}
        </EmptyState>
      ) : (
        <CampaignTable campaigns={campaigns} charts={charts} />
      )}
    </>
  );
}
