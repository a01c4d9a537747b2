import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage() {
  await requirePageUser("rep");
  return (
    <>
      <PageHeader title="Campaigns" description="Multi-touch sequences run by the campaign graph, one thread per contact." />
      <EmptyState title="Campaign management is not here yet">
        The contact timeline already shows each contact&apos;s campaign history. Enrolling contacts and approving touches arrive with the campaign graph.
      </EmptyState>
    </>
  );
}
