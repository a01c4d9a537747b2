import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { graph as composeGraph } from "@/graphs/email-compose/graph";
import type { ComposeBrief } from "@/lib/outreach/brief";
import type { OrchestratorStateType } from "../state";

/** Builds the brief from the gated, hydrated state and runs the email_compose subgraph on it. */
export async function compose(state: OrchestratorStateType, config?: LangGraphRunnableConfig): Promise<Partial<OrchestratorStateType>> {
  const { contact, company, facts, campaign, senderName } = state.snapshot!;
  const action = state.action!;
  if (action.kind === "skip") throw new Error("compose reached on a skip");
  const inbound = action.kind === "reply" ? state.history!.unansweredInbound : null;
  const brief: ComposeBrief = {
    action: action.kind,
    contact: { firstName: contact.firstName, lastName: contact.lastName, title: contact.title, seniority: contact.seniority, department: contact.department },
    company: { name: company.name, vertical: company.vertical, size: company.size, hqCity: company.hqCity },
    facts,
    campaign: campaign ? { name: campaign.name, angle: campaign.angle, tone: campaign.tone } : null,
    memories: state.memories ?? [],
    inbound: inbound ? { subject: inbound.subject, body: inbound.body } : null,
    previousSubject: state.history!.lastOutboundSubject,
    senderName,
    roles: state.roles ?? ["researcher", "composer"],
  };
  const result = await composeGraph.invoke({ brief }, config);
  return { brief, draft: result.draft, calls: result.calls };
}
