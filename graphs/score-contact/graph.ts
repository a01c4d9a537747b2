import { END, START, StateGraph } from "@langchain/langgraph";
import { nodeTracer } from "@/lib/telemetry/node-span";
import { meta } from "./meta";
import { composeScore } from "./nodes/compose-score";
import { judgeRoleFit } from "./nodes/judge-role-fit";
import { loadSignals } from "./nodes/load-signals";
import { storeScore } from "./nodes/store-score";
import { afterLoad } from "./routers";
import { inputSchema, ScoreContactState } from "./state";

const traced = nodeTracer(meta);

export { inputSchema };
export type { ContactScoreDecision, ScoreContactInput, ScoreContactOutput } from "./state";

/** load_signals → (has a title? judge_role_fit) → compose_score → store_score. */
export const workflow = new StateGraph(ScoreContactState)
  .addNode("load_signals", traced("load_signals", loadSignals))
  .addNode("judge_role_fit", traced("judge_role_fit", judgeRoleFit))
  .addNode("compose_score", traced("compose_score", composeScore))
  .addNode("store_score", traced("store_score", storeScore))
  .addEdge(START, "load_signals")
  .addConditionalEdges("load_signals", afterLoad, ["judge_role_fit", "compose_score", END])
  .addEdge("judge_role_fit", "compose_score")
  .addEdge("compose_score", "store_score")
  .addEdge("store_score", END);

export const graph = workflow.compile();
