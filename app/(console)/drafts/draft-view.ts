import type { DraftView } from "@/components/drafts/types";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { contactDetail } from "@/lib/services/contacts";
import { draftDetailFor } from "@/lib/services/drafts";

/**
 * A draft for its detail pane: the draft (the service decides who may see it) plus the contact
 * and company it was written for. Shared by the page's first paint and GET /api/drafts/:id.
 */
export async function draftView(user: SessionUser, rawId: string): Promise<DraftView> {
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0) throw new AppError("not_found:drafts", { message: "That draft does not exist or is not yours." });
  const detail = await draftDetailFor(user, id);
  const { contact, company } = await contactDetail(user, String(detail.draft.contactId));
  return {
    ...detail,
    contact: { id: contact.id, firstName: contact.firstName, lastName: contact.lastName, email: contact.email, title: contact.title },
    company: { id: company.id, name: company.name, vertical: company.vertical },
  };
}
