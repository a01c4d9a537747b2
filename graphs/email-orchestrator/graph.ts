import { END, START, StateGraph } from "@langchain/langgraph";
import { nodeTracer } from "@/lib/telemetry/node-span";
import { meta } from "./meta";
import { applyDecision } from "./nodes/apply-decision";
import { assessLead } from "./nodes/assess-lead";
import { awaitApproval } from "./nodes/await-approval";
import { compose } from "./nodes/compose";
import { decideAction } from "./nodes/decide-action";
import { hydrate } from "./nodes/hydrate";
import { loadHistory } from "./nodes/load-history";
import { planRoles } from "./nodes/plan-roles";
import { planTasks } from "./nodes/plan-tasks";
import { recallMemory } from "./nodes/recall-memory";
import { reviewDraft } from "./nodes/review-draft";
import { reviseDraft } from "./nodes/revise-draft";
import { safetyGate } from "./nodes/safety-gate";
import { storeDraft } from "./nodes/store-draft";
import { afterApproval, afterDecide, afterGate } from "./routers";
import { inputSchema, OrchestratorState } from "./state";

const traced = nodeTracer(meta);

export { inputSchema };
export type { OrchestratorInput, OrchestratorOutput, ApprovalResponse } from "./state";

/**
 * hydrate → load_history → safety_gate → recall_memory → plan_tasks → assess_lead → decide_action
 * → plan_roles → compose → review_draft → store_draft → await_approval (interrupt) → apply_decision;
 * a "respond" answer at the interrupt goes through revise_draft and back to await_approval.
 */
export const workflow = new StateGraph(OrchestratorState)
  .addNode("hydrate", traced("hydrate", hydrate))
  .addNode("load_history", traced("load_history", loadHistory))
  .addNode("safety_gate", traced("safety_gate", safetyGate))
  .addNode("recall_memory", traced("recall_memory", recallMemory))
  .addNode("plan_tasks", traced("plan_tasks", planTasks))
  .addNode("assess_lead", traced("assess_lead", assessLead))
  .addNode("decide_action", traced("decide_action", decideAction))
  .addNode("plan_roles", traced("plan_roles", planRoles))
  .addNode("compose", traced("compose", compose))
  .addNode("review_draft", traced("review_draft", reviewDraft))
  .addNode("store_draft", traced("store_draft", storeDraft))
  .addNode("await_approval", traced("await_approval", awaitApproval))
  .addNode("apply_decision", traced("apply_decision", applyDecision))
  .addNode("revise_draft", traced("revise_draft", reviseDraft))
  .addEdge(START, "hydrate")
  .addEdge("hydrate", "load_history")
  .addEdge("load_history", "safety_gate")
  .addConditionalEdges("safety_gate", afterGate, ["recall_memory", END])
  .addEdge("recall_memory", "plan_tasks")
  .addEdge("plan_tasks", "assess_lead")
  .addEdge("assess_lead", "decide_action")
  .addConditionalEdges("decide_action", afterDecide, ["plan_roles", END])
  .addEdge("plan_roles", "compose")
  .addEdge("compose", "review_draft")
  .addEdge("review_draft", "store_draft")
  .addEdge("store_draft", "await_approval")
  .addConditionalEdges("await_approval", afterApproval, ["revise_draft", "apply_decision"])
  .addEdge("revise_draft", "await_approval")
  .addEdge("apply_decision", END);

export const graph = workflow.compile();
