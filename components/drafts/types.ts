import type { draftDetailFor, listDraftsFor } from "@/lib/services/drafts";

/**
 * The queue's data as the client sees it. Dates arrive as Date objects in the first paint and as
 * ISO strings from the JSON API; everything here that reads them goes through lib/format.
 */
export type DraftListPage = Awaited<ReturnType<typeof listDraftsFor>>;
export type DraftListRow = DraftListPage["rows"][number];

export type DraftDetail = Awaited<ReturnType<typeof draftDetailFor>>;
export type DraftRecord = DraftDetail["draft"];

/** A draft with the contact and company it was written for. */
export type DraftView = DraftDetail & {
  contact: { id: number; firstName: string; lastName: string; email: string; title: string | null };
  company: { id: number; name: string; vertical: string };
};
