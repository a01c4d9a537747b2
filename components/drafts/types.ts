import type { DecisionResult, draftDetailFor, listDraftsFor, RejectLabel } from "@/lib/services/drafts";
import type { BatchResult, RevisionResult, UndoResult } from "@/lib/services/draft-decisions";

export type { BatchResult, DecisionResult, RejectLabel, RevisionResult, UndoResult };

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

/** The preset reject reasons as the rep reads them; typed by the stored labels, so the two cannot drift. */
export const REJECT_LABEL_TEXT: Record<RejectLabel, string> = {
  wrong_person: "Wrong person",
  wrong_angle: "Wrong angle",
  factual_error: "Factual error",
  tone: "Tone",
  timing: "Timing",
  other: "Other",
};
