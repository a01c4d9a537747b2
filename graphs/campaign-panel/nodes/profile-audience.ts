import { db } from "@/db/client";
import { loadAudience } from "@/db/queries/campaign-audience";
import { summarizeAudience } from "../audience";
import type { CampaignPanelStateType } from "../state";

/** Reads the audience and sums it up for the lenses: who they are and the themes their companies share. */
export async function profileAudience(state: CampaignPanelStateType): Promise<Partial<CampaignPanelStateType>> {
  const profile = summarizeAudience(await loadAudience(db(), state.contactIds));
  return profile.contacts === 0 ? { profile, outcome: "empty_audience" } : { profile };
}
