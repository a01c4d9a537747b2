import { END, START, StateGraph } from "@langchain/langgraph";
import { nodeTracer } from "@/lib/telemetry/node-span";
import { meta } from "./meta";
import { lastTouch } from "./nodes/last-touch";
import { weighTouches } from "./nodes/weigh-touches";
import { AttributionState, inputSchema } from "./state";

const traced = nodeTracer(meta);

export { inputSchema };
export type { AttributionInput, AttributionOutput, AttributionResult, WeightedConversion } from "./state";

/** last_touch → weigh_touches: which emails earned a contact's or a campaign's conversions. */
export const workflow = new StateGraph(AttributionState)
  .addNode("last_touch", traced("last_touch", lastTouch))
  .addNode("weigh_touches", traced("weigh_touches", weighTouches))
  .addEdge(START, "last_touch")
  .addEdge("last_touch", "weigh_touches")
  .addEdge("weigh_touches", END);

export const graph = workflow.compile();
