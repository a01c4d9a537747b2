import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { callModel } from "@/graphs/shared/call-model";
import { lensCall } from "../lens-call";
import type { CampaignPanelStateType } from "../state";

/** The skeptic challenges the strategist: how many touches, how far apart, when to stop, whether the angle is too narrow. */
export async function skeptic(state: CampaignPanelStateType, config?: LangGraphRunnableConfig): Promise<Partial<CampaignPanelStateType>> {
  const { value, path } = await callModel(lensCall("skeptic", state, config));
  return { lenses: [value], calls: [path] };
}
