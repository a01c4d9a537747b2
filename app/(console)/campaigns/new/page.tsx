import type { Metadata } from "next";
import Link from "next/link";
import { CreateFlow } from "@/components/campaigns/create-flow";
import { PageHeader } from "@/components/ui/page-header";
import { SCORE_TIERS, SENIORITIES, TONES, VERTICALS } from "@/db/schema";
import { requirePageUser } from "@/lib/auth/session";
import { audienceOptions } from "@/lib/services/campaign-views";

export const metadata: Metadata = { title: "New campaign" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `?contacts=1,2,3` opens the flow with a selection made on the contacts list. */
function selectionOf(raw: string | string[] | undefined): number[] | null {
  if (typeof raw !== "string" || raw === "") return null;
  const ids = raw.split(",").map(Number).filter((n) => Number.isInteger(n) && n > 0);
  return ids.length ? [...new Set(ids)].slice(0, 100_000) : null;
}

export default async function NewCampaignPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("operator");
  const { owners, countries } = await audienceOptions(user);
  return (
    <>
      <Link href="/campaigns" className="text-sm text-slate-500 hover:text-slate-800">← Campaigns</Link>
      <PageHeader title="New campaign" description="Pick who it is for, let the panel argue the sequence, edit the plan, check the forecast, then launch." />
      <CreateFlow choices={{ verticals: VERTICALS, seniorities: SENIORITIES, tones: TONES, owners, countries, tiers: SCORE_TIERS }} selection={selectionOf((await searchParams).contacts)} />
    </>
  );
}
