import { END, START, StateGraph } from "@langchain/langgraph";
import { nodeTracer } from "@/lib/telemetry/node-span";
import { meta } from "./meta";
import { composeReply } from "./nodes/compose-reply";
import { loadReplyContext } from "./nodes/load-reply-context";
import { afterLoad } from "./routers";
import { inputSchema, ReplyState } from "./state";

const traced = nodeTracer(meta);

export { inputSchema };
export type { ReplyInput, ReplyOutput, ReplyOutcome } from "./state";

/**
 * load_reply_context (gate, brief) → compose_reply (the email_compose subgraph) → end. Returns the
 * draft only: storing it for approval is the orchestrator's job (intent "reply").
 */
export const workflow = new StateGraph(ReplyState)
  .addNode("load_reply_context", traced("load_reply_context", loadReplyContext))
  .addNode("compose_reply", traced("compose_reply", composeReply))
  .addEdge(START, "load_reply_context")
  .addConditionalEdges("load_reply_context", afterLoad, ["compose_reply", END])
  .addEdge("compose_reply", END);

export const graph = workflow.compile();
