import { db } from "@/db/client";
import { loadOutreachContext } from "@/db/queries/outreach";
import type { LeadToProposalStateType } from "../state";

/** Loads the contact, the company and its most confident facts (≤ 8), as plain JSON. */
export async function hydrate(state: LeadToProposalStateType): Promise<Partial<LeadToProposalStateType>> {
  const context = await loadOutreachContext(db(), state.contactId, null);
  if (!context) throw new Error(`Contact ${state.contactId} does not exist.`);
  const { contact, company } = context;
  return {
    snapshot: {
      contact: { id: contact.id, firstName: contact.firstName, lastName: contact.lastName, title: contact.title, seniority: contact.seniority, department: contact.department, ownerId: contact.ownerId },
      company: { id: company.id, name: company.name, vertical: company.vertical, size: company.size, hqCity: company.hqCity },
      facts: context.facts,
      senderName: context.ownerName ?? "The Sales Team",
    },
  };
}
