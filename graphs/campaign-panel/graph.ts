import { END, START, StateGraph } from "@langchain/langgraph";
import { nodeTracer } from "@/lib/telemetry/node-span";
import { meta } from "./meta";
import { agreePlan } from "./nodes/agree-plan";
import { brandVoice } from "./nodes/brand-voice";
import { profileAudience } from "./nodes/profile-audience";
import { skeptic } from "./nodes/skeptic";
import { strategist } from "./nodes/strategist";
import { afterProfile } from "./routers";
import { CampaignPanelState } from "./state";

const traced = nodeTracer(meta);

export { inputSchema, MAX_PANEL_CONTACTS } from "./state";
export type { AgreedPlan, AudienceProfile, CampaignPanelInput, CampaignPanelOutput, Lens, LensArgument, LensProposals, PanelOutcome } from "./state";

/** profile_audience → (empty? end) strategist → skeptic → brand_voice → agree_plan: each lens hears the ones before it. */
export const workflow = new StateGraph(CampaignPanelState)
  .addNode("profile_audience", traced("profile_audience", profileAudience))
  .addNode("strategist", traced("strategist", strategist))
  .addNode("skeptic", traced("skeptic", skeptic))
  .addNode("brand_voice", traced("brand_voice", brandVoice))
  .addNode("agree_plan", traced("agree_plan", agreePlan))
  .addEdge(START, "profile_audience")
  .addConditionalEdges("profile_audience", afterProfile, ["strategist", END])
  .addEdge("strategist", "skeptic")
  .addEdge("skeptic", "brand_voice")
  .addEdge("brand_voice", "agree_plan")
  .addEdge("agree_plan", END);

export const graph = workflow.compile();
