import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { callModel } from "@/graphs/shared/call-model";
import { lensCall } from "../lens-call";
import type { CampaignPanelStateType } from "../state";

/** The strategist argues the angle and the arc of the touches from what the audience shares. */
export async function strategist(state: CampaignPanelStateType, config?: LangGraphRunnableConfig): Promise<Partial<CampaignPanelStateType>> {
  const { value, path } = await callModel(lensCall("strategist", state, config));
  return { lenses: [value], calls: [path] };
}
