import { qualify, unqualifiedReason } from "@/lib/outreach/qualify";
import type { LeadToProposalStateType } from "../state";

/** The fleet's qualify rule (lib/outreach/qualify.ts); an unqualified lead stops here, with why. */
export function qualifyLead(state: LeadToProposalStateType): Partial<LeadToProposalStateType> {
  const { contact, company } = state.snapshot!;
  const input = { companyName: company.name, title: contact.title, seniority: contact.seniority };
  const qualification = qualify(input);
  const reason = unqualifiedReason(input, qualification);
  return { qualification, ...(reason ? { outcome: { status: "unqualified", reason } } : {}) };
}
