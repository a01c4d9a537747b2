import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { db } from "@/db/client";
import { pendingDraftOfThread } from "@/db/queries/drafts";
import { insertProposalDraft } from "@/db/queries/proposals";
import { versionOf } from "@/graphs/shared/provenance";
import { flaggedClaims, proposalMarkdown } from "@/lib/outreach/proposal";
import { meta } from "../meta";
import { findingsEvidence } from "../rules";
import type { LeadToProposalStateType } from "../state";

/**
 * Stores the proposal in the owner's drafts queue (kind `proposal`, status `draft`). Once per
 * thread: a step re-run from its checkpoint finds the draft it already stored.
 */
export async function storeProposal(state: LeadToProposalStateType, config?: LangGraphRunnableConfig): Promise<Partial<LeadToProposalStateType>> {
  const { contact, company } = state.snapshot!;
  const document = state.document!;
  const written = state.proposal!;
  const flagged = flaggedClaims(document).length;
  const configurable = config?.configurable ?? {};
  const str = (v: unknown) => (typeof v === "string" && v ? v : null);
  const threadId = str(configurable.thread_id);
  const stored = threadId ? await pendingDraftOfThread(db(), threadId) : null;
  if (stored !== null) return { draftId: stored, outcome: { status: "drafted", draftId: stored, flagged } };
  const qualification = state.qualification!;
  const draftId = await insertProposalDraft(db(), {
    contactId: contact.id,
    companyId: company.id,
    assignedRepId: contact.ownerId,
    subject: document.title,
    body: proposalMarkdown(document, { export: false }),
    document,
    provenance: {
      ...written.provenance,
      evidence: [`${qualification.label} (${qualification.score}): ${qualification.provenance.reason}`, findingsEvidence(state.findingsSource), ...written.provenance.evidence],
    },
    reviewFlags: flagged ? ["unsupported_claims"] : [],
    promptVersion: versionOf(written.provenance.path),
    model: written.model,
    graphId: meta.assistantId,
    runId: str(configurable.run_id),
    threadId,
    traceId: str(configurable.trace_id),
  });
  return { draftId, outcome: { status: "drafted", draftId, flagged } };
}
