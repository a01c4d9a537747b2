import { db } from "@/db/client";
import { loadOutreachContext } from "@/db/queries/outreach";
import type { OrchestratorStateType } from "../state";

/** Loads the contact, company, its most confident facts (≤ 8) and the campaign, as plain JSON. */
export async function hydrate(state: OrchestratorStateType): Promise<Partial<OrchestratorStateType>> {
  const context = await loadOutreachContext(db(), state.contactId, state.campaignId ?? null);
  if (!context) throw new Error(`Contact ${state.contactId} does not exist.`);
  const { contact, company } = context;
  return {
    snapshot: {
      contact: {
        id: contact.id, firstName: contact.firstName, lastName: contact.lastName, email: contact.email, title: contact.title,
        seniority: contact.seniority, department: contact.department, ownerId: contact.ownerId, doNotContact: contact.doNotContact,
        bounced: contact.bounced, unsubscribed: contact.unsubscribed, replied: contact.replied,
      },
      company: { id: company.id, name: company.name, vertical: company.vertical, size: company.size, hqCity: company.hqCity },
      facts: context.facts,
      campaign: context.campaign,
      suppressed: context.suppressed,
      senderName: context.ownerName ?? "The Sales Team",
    },
  };
}
