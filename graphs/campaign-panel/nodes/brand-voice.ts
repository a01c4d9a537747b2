import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { callModel } from "@/graphs/shared/call-model";
import { lensCall } from "../lens-call";
import type { CampaignPanelStateType } from "../state";

/** The brand voice sets the tone for the audience's field and rank, and the rules every touch keeps. */
export async function brandVoice(state: CampaignPanelStateType, config?: LangGraphRunnableConfig): Promise<Partial<CampaignPanelStateType>> {
  const { value, path } = await callModel(lensCall("brand_voice", state, config));
  return { lenses: [value], calls: [path] };
}
