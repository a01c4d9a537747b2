import { END, START, StateGraph } from "@langchain/langgraph";
import { nodeTracer } from "@/lib/telemetry/node-span";
import { meta } from "./meta";
import { classifyWithModel } from "./nodes/classify-with-model";
import { decideCountry } from "./nodes/decide-country";
import { resolveWithRules } from "./nodes/resolve-with-rules";
import { afterRules } from "./routers";
import { CountryClassifyState, inputSchema } from "./state";

const traced = nodeTracer(meta);

export { inputSchema };
export type { CountryClassifyInput, CountryClassifyOutput, CountryDecision, DecisionSource } from "./state";

/** resolve_with_rules → (blank? skip) classify_with_model → decide_country: the model's answer, checked by the offline rules. */
export const workflow = new StateGraph(CountryClassifyState)
  .addNode("resolve_with_rules", traced("resolve_with_rules", resolveWithRules))
  .addNode("classify_with_model", traced("classify_with_model", classifyWithModel))
  .addNode("decide_country", traced("decide_country", decideCountry))
  .addEdge(START, "resolve_with_rules")
  .addConditionalEdges("resolve_with_rules", afterRules, ["classify_with_model", "decide_country"])
  .addEdge("classify_with_model", "decide_country")
  .addEdge("decide_country", END);

export const graph = workflow.compile();
