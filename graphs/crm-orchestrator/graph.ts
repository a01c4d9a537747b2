import { END, START, StateGraph } from "@langchain/langgraph";
import { nodeTracer } from "@/lib/telemetry/node-span";
import { meta } from "./meta";
import { gateActions } from "./nodes/gate-actions";
import { loadCrmState } from "./nodes/load-crm-state";
import { planActions } from "./nodes/plan-actions";
import { CrmOrchestratorState, inputSchema } from "./state";

const traced = nodeTracer(meta);

export { inputSchema };
export type { CrmOrchestratorInput, CrmOrchestratorOutput, PlannedStep, Planning, PlanSource } from "./state";

/**
 * load_crm_state → plan_actions (reason, decompose) → gate_actions (vocabulary, scope, gate).
 * Acting and verifying happen in the console's services (lib/services/plans.ts), through the same
 * services the UI uses: a graph never imports services (DESIGN §2).
 */
export const workflow = new StateGraph(CrmOrchestratorState)
  .addNode("load_crm_state", traced("load_crm_state", loadCrmState))
  .addNode("plan_actions", traced("plan_actions", planActions))
  .addNode("gate_actions", traced("gate_actions", gateActions))
  .addEdge(START, "load_crm_state")
  .addEdge("load_crm_state", "plan_actions")
  .addEdge("plan_actions", "gate_actions")
  .addEdge("gate_actions", END);

export const graph = workflow.compile();
