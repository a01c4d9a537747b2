import type { CampaignPanelStateType } from "./state";

/** An audience whose contacts are all gone has nothing to argue about: the panel ends without a plan. */
export function afterProfile(state: CampaignPanelStateType): "strategist" | "__end__" {
  return state.outcome === "empty_audience" ? "__end__" : "strategist";
}
