import type { Metadata } from "next";
import { DEFAULT_PARAMS, apiParams, paramsFromSearch, type DraftParams } from "@/components/drafts/draft-params";
import { DraftsQueue } from "@/components/drafts/drafts-queue";
import type { DraftView } from "@/components/drafts/types";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { isAppError, userMessage } from "@/lib/errors";
import { env } from "@/lib/env";
import { listCampaigns } from "@/lib/services/campaign-views";
import { draftOwnersFor, draftView, listDraftsFor, parseDraftListQuery, type DraftListQuery } from "@/lib/services/drafts";

export const metadata: Metadata = { title: "Drafts" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DraftsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("rep");
  const raw = await searchParams;
  let params: DraftParams = paramsFromSearch(raw);
  let query: DraftListQuery;
  let problem: string | null = null;
  try {
    query = parseDraftListQuery(apiParams(params));
  } catch (e) {
    // A hand-edited URL with a bad filter shows the waiting queue and says what was wrong.
    problem = userMessage(e);
    params = { ...DEFAULT_PARAMS };
    query = parseDraftListQuery(apiParams(params));
  }
  const [initial, owners, campaignList] = await Promise.all([listDraftsFor(user, query), draftOwnersFor(user), listCampaigns(user)]);
  const campaigns = campaignList.map((c) => ({ id: c.id, name: c.name }));

  const asked = typeof raw.id === "string" && /^\d+$/.test(raw.id) ? Number(raw.id) : null;
  const selected = asked ?? initial.rows[0]?.id ?? null;
  let detail: DraftView | null = null;
  if (selected !== null) {
    // Someone else's draft reads as missing; the pane says so and the queue still works.
    detail = await draftView(user, String(selected)).catch((e: unknown) => {
      if (isAppError(e) && e.type === "not_found") return null;
      throw e;
    });
  }

  return (
    <>
      <PageHeader
        title="Drafts"
        description={user.role === "admin" ? "AI drafts across all reps, newest first." : "AI drafts for your contacts, newest first. Nothing is sent until you approve it."}
      />
      {problem ? (
        <p role="alert" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
          {problem.replace(/\.?$/, ".")} Showing the drafts waiting for review instead.
        </p>
      ) : null}
      <DraftsQueue
        initial={initial}
        initialParams={params}
        initialSelected={selected}
        initialDetail={detail}
        sendDelaySeconds={env().SEND_DELAY_SECONDS}
        owners={owners}
        campaigns={campaigns}
      />
    </>
  );
}
