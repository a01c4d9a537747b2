import { and, eq } from "drizzle-orm";
import type { Database } from "../client";
import { drafts, type ProposalDocument, type Provenance } from "../schema";

/** A proposal draft as lead_to_proposal stores it: subject = its title, body = its Markdown. */
export type NewProposalDraft = {
  contactId: number;
  companyId: number;
  assignedRepId: string | null;
  subject: string;
  body: string;
  document: ProposalDocument;
  provenance: Provenance;
  reviewFlags: string[];
  promptVersion: string;
  model: string;
  graphId: string;
  runId: string | null;
  threadId: string | null;
  traceId: string | null;
};

export async function insertProposalDraft(database: Database, draft: NewProposalDraft): Promise<number> {
  const [row] = await database
    .insert(drafts)
    .values({ ...draft, kind: "proposal", action: "proposal", tier: null, campaignId: null, status: "draft" })
    .returning({ id: drafts.id });
  return row!.id;
}

/**
 * Replaces a waiting proposal's document with a rep's edit (already re-checked). The title and
 * Markdown go to edited_subject / edited_body, so subject and body keep the version as first
 * written — what evaluation compares the edit with. Only while it waits; false when it does not.
 */
export async function updateProposalDocument(
  database: Database,
  draftId: number,
  change: { title: string; markdown: string; document: ProposalDocument; reviewFlags: string[]; provenance: Provenance },
): Promise<boolean> {
  const { title, markdown, ...rest } = change;
  const result = await database
    .update(drafts)
    .set({ ...rest, editedSubject: title, editedBody: markdown, updatedAt: new Date() })
    .where(and(eq(drafts.id, draftId), eq(drafts.kind, "proposal"), eq(drafts.status, "draft")));
  return result.rowsAffected === 1;
}
