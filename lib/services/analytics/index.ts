import "server-only";
import { db } from "@/db/client";
import { listCampaigns } from "@/db/queries/outreach";
import { VERTICALS } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { requireOperator } from "./answers";
import { questionHistory } from "./questions";
import { catalogueFor, funnelView, suggestionsFor } from "./reports";

/**
 * The analytics service, split along its seams: answers (the view every origin shares),
 * questions (the text_to_sql graph, streamed, and the asker's history), reports (the catalogue,
 * edited SQL and the funnel) and attribution (the touch_attribution graph).
 */
export * from "./answers";
export * from "./attribution";
export * from "./questions";
export * from "./reports";
export * from "./schema";

/** Everything the page paints first. */
export async function analyticsHome(user: SessionUser) {
  requireOperator(user);
  const [history, funnelAll, campaigns] = await Promise.all([questionHistory(user), funnelView(user, {}), listCampaigns(db())]);
  return { reports: catalogueFor(user), suggestions: suggestionsFor(user), verticals: VERTICALS, history, funnel: funnelAll, campaigns };
}

