import { analyzeOpportunity, qualify } from "../rules";
import type { OrchestratorStateType } from "../state";

/** The qualify and analyze_opportunity verdicts the plan asked for, from the hydrated rows only. */
export function assessLead(state: OrchestratorStateType): Partial<OrchestratorStateType> {
  const { contact, company, facts } = state.snapshot!;
  const plan = state.plan ?? [];
  return {
    qualification: plan.includes("qualify") ? qualify({ companyName: company.name, title: contact.title, seniority: contact.seniority }) : undefined,
    opportunity: plan.includes("analyze_opportunity") ? analyzeOpportunity(facts) : undefined,
  };
}
