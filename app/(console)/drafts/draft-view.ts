import type { DraftView } from "@/components/drafts/types";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { draftDetailFor } from "@/lib/services/drafts";

/**
 * A draft for its detail pane: the draft (the service decides who may see it) with the contact
 * and company it was written for (one indexed lookup, not the contact's whole timeline). Shared by the page's first paint and GET /api/drafts/:id.
 */
export async function draftView(user: SessionUser, rawId: string): Promise<DraftView> {
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0) throw new AppError("not_found:drafts", { message: "That draft does not exist or is not yours." });
  return draftDetailFor(user, id);
}
