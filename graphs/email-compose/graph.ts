import { END, START, StateGraph } from "@langchain/langgraph";
import { nodeTracer } from "@/lib/telemetry/node-span";
import { meta } from "./meta";
import { draftEmail } from "./nodes/draft-email";
import { refineEmail } from "./nodes/refine-email";
import { afterDraft } from "./routers";
import { ComposeState, inputSchema } from "./state";

const traced = nodeTracer(meta);

export { inputSchema };
export type { ComposedDraft, ComposeInput, ComposeOutput } from "./state";

/** draft → (refine ≤ 2) → end. Also the orchestrator's compose step. */
export const workflow = new StateGraph(ComposeState)
  .addNode("draft_email", traced("draft_email", draftEmail))
  .addNode("refine_email", traced("refine_email", refineEmail))
  .addEdge(START, "draft_email")
  .addConditionalEdges("draft_email", afterDraft, ["refine_email", END])
  .addConditionalEdges("refine_email", afterDraft, ["refine_email", END]);

export const graph = workflow.compile();
