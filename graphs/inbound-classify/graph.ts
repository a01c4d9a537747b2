import { END, START, StateGraph } from "@langchain/langgraph";
import { nodeTracer } from "@/lib/telemetry/node-span";
import { meta } from "./meta";
import { classifyWithModel } from "./nodes/classify-with-model";
import { classifyWithRules } from "./nodes/classify-with-rules";
import { afterModel } from "./routers";
import { ClassifyState, inputSchema } from "./state";

const traced = nodeTracer(meta);

export { inputSchema };
export type { ClassifyInput, ClassifyOutput, Classification, InboundLabel, Polarity } from "./state";

/** classify_with_model → (no usable answer) classify_with_rules → end. */
export const workflow = new StateGraph(ClassifyState)
  .addNode("classify_with_model", traced("classify_with_model", classifyWithModel))
  .addNode("classify_with_rules", traced("classify_with_rules", classifyWithRules))
  .addEdge(START, "classify_with_model")
  .addConditionalEdges("classify_with_model", afterModel, ["classify_with_rules", END])
  .addEdge("classify_with_rules", END);

export const graph = workflow.compile();
