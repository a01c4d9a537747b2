import { END, START, StateGraph } from "@langchain/langgraph";
import { nodeTracer } from "@/lib/telemetry/node-span";
import { meta } from "./meta";
import { loadEmail } from "./nodes/load-email";
import { storeMemory } from "./nodes/store-memory";
import { summarizeEmail } from "./nodes/summarize-email";
import { afterLoad } from "./routers";
import { inputSchema, ReflectState } from "./state";

const traced = nodeTracer(meta);

export { inputSchema };
export type { ReflectInput, ReflectOutput, ReflectOutcome } from "./state";

/** load_email → summarize_email → store_memory: one graph_derived memory per run. Run in the background. */
export const workflow = new StateGraph(ReflectState)
  .addNode("load_email", traced("load_email", loadEmail))
  .addNode("summarize_email", traced("summarize_email", summarizeEmail))
  .addNode("store_memory", traced("store_memory", storeMemory))
  .addEdge(START, "load_email")
  .addConditionalEdges("load_email", afterLoad, ["summarize_email", END])
  .addEdge("summarize_email", "store_memory")
  .addEdge("store_memory", END);

export const graph = workflow.compile();
