import { END, START, StateGraph } from "@langchain/langgraph";
import { nodeTracer } from "@/lib/telemetry/node-span";
import { meta } from "./meta";
import { applyDecision } from "./nodes/apply-decision";
import { awaitApproval } from "./nodes/await-approval";
import { checkFaithfulness } from "./nodes/check-faithfulness";
import { classifyObjection } from "./nodes/classify-objection";
import { declineRevision } from "./nodes/decline-revision";
import { draftRebuttal } from "./nodes/draft-rebuttal";
import { loadContext } from "./nodes/load-context";
import { recordNoObjection } from "./nodes/record-no-objection";
import { storeDraft } from "./nodes/store-draft";
import { afterApproval, afterClassify, afterLoad } from "./routers";
import { inputSchema, ObjectionCoachState } from "./state";

const traced = nodeTracer(meta);

export { inputSchema };
export type { ObjectionCoachInput, ObjectionCoachOutput, CoachOutcome } from "./state";

/**
 * load_context (gate, playbook) → classify_objection → (none: record_no_objection) draft_rebuttal
 * → check_faithfulness → store_draft → await_approval (interrupt) → apply_decision; a redraft
 * request goes through decline_revision and back to await_approval.
 */
export const workflow = new StateGraph(ObjectionCoachState)
  .addNode("load_context", traced("load_context", loadContext))
  .addNode("classify_objection", traced("classify_objection", classifyObjection))
  .addNode("record_no_objection", traced("record_no_objection", recordNoObjection))
  .addNode("draft_rebuttal", traced("draft_rebuttal", draftRebuttal))
  .addNode("check_faithfulness", traced("check_faithfulness", checkFaithfulness))
  .addNode("store_draft", traced("store_draft", storeDraft))
  .addNode("await_approval", traced("await_approval", awaitApproval))
  .addNode("apply_decision", traced("apply_decision", applyDecision))
  .addNode("decline_revision", traced("decline_revision", declineRevision))
  .addEdge(START, "load_context")
  .addConditionalEdges("load_context", afterLoad, ["classify_objection", END])
  .addConditionalEdges("classify_objection", afterClassify, ["draft_rebuttal", "record_no_objection"])
  .addEdge("record_no_objection", END)
  .addEdge("draft_rebuttal", "check_faithfulness")
  .addEdge("check_faithfulness", "store_draft")
  .addEdge("store_draft", "await_approval")
  .addConditionalEdges("await_approval", afterApproval, ["decline_revision", "apply_decision"])
  .addEdge("decline_revision", "await_approval")
  .addEdge("apply_decision", END);

export const graph = workflow.compile();
