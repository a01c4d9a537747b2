import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { companies, contacts, drafts, SENIORITIES, type ProposalDocument, type Provenance } from "../schema";

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

/**
 * Who a company's proposal is addressed to: its most senior contact that may still be written to
 * (not do-not-contact, bounced or unsubscribed), ties by lowest id; null when it has none.
 * undefined when the company does not exist.
 */
export async function leadContactOf(database: Database, companyId: number): Promise<number | null | undefined> {
  const [company] = await database.select({ id: companies.id }).from(companies).where(eq(companies.id, companyId)).limit(1);
  if (!company) return undefined;
  const rank = sql`CASE ${contacts.seniority} ${sql.join(SENIORITIES.map((s, i) => sql`WHEN ${s} THEN ${i}`), sql` `)} ELSE ${SENIORITIES.length} END`;
  const [row] = await database
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.companyId, companyId), eq(contacts.doNotContact, false), eq(contacts.bounced, false), eq(contacts.unsubscribed, false)))
    .orderBy(asc(rank), asc(contacts.id))
    .limit(1);
  return row?.id ?? null;
}
