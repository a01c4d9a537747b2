import { END, START, StateGraph } from "@langchain/langgraph";
import { nodeTracer } from "@/lib/telemetry/node-span";
import { meta } from "./meta";
import { applyDecision } from "./nodes/apply-decision";
import { awaitApproval } from "./nodes/await-approval";
import { checkFaithfulness } from "./nodes/check-faithfulness";
import { draftProposal } from "./nodes/draft-proposal";
import { hydrate } from "./nodes/hydrate";
import { qualifyLead } from "./nodes/qualify-lead";
import { research } from "./nodes/research";
import { storeProposal } from "./nodes/store-proposal";
import { afterDecision, afterQualify } from "./routers";
import { inputSchema, LeadToProposalState } from "./state";

const traced = nodeTracer(meta);

export { inputSchema };
export type { LeadToProposalInput, LeadToProposalOutput, ProposalResponse } from "./state";

/**
 * hydrate → qualify_lead (unqualified → END with the reason) → research → draft_proposal →
 * check_faithfulness → store_proposal → await_approval (interrupt) → apply_decision; an approval
 * that leaves flagged claims goes back to await_approval.
 */
export const workflow = new StateGraph(LeadToProposalState)
  .addNode("hydrate", traced("hydrate", hydrate))
  .addNode("qualify_lead", traced("qualify_lead", qualifyLead))
  .addNode("research", traced("research", research))
  .addNode("draft_proposal", traced("draft_proposal", draftProposal))
  .addNode("check_faithfulness", traced("check_faithfulness", checkFaithfulness))
  .addNode("store_proposal", traced("store_proposal", storeProposal))
  .addNode("await_approval", traced("await_approval", awaitApproval))
  .addNode("apply_decision", traced("apply_decision", applyDecision))
  .addEdge(START, "hydrate")
  .addEdge("hydrate", "qualify_lead")
  .addConditionalEdges("qualify_lead", afterQualify, ["research", END])
  .addEdge("research", "draft_proposal")
  .addEdge("draft_proposal", "check_faithfulness")
  .addEdge("check_faithfulness", "store_proposal")
  .addEdge("store_proposal", "await_approval")
  .addEdge("await_approval", "apply_decision")
  .addConditionalEdges("apply_decision", afterDecision, ["await_approval", END]);

export const graph = workflow.compile();
