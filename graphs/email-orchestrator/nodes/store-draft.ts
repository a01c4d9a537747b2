import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { db } from "@/db/client";
import { insertDraft, pendingDraftOfThread } from "@/db/queries/drafts";
import { versionOf } from "@/graphs/shared/provenance";
import { leadTier } from "../rules";
import { meta } from "../meta";
import type { OrchestratorStateType } from "../state";

/**
 * Stores the draft with status "draft" and everything the rep needs to trust it. Once per
 * thread: a step re-run from its checkpoint (its process died after the insert, before the
 * checkpoint) finds the draft it already stored instead of storing a second one.
 */
export async function storeDraft(state: OrchestratorStateType, config?: LangGraphRunnableConfig): Promise<Partial<OrchestratorStateType>> {
  const { contact, company, campaign } = state.snapshot!;
  const draft = state.draft!;
  const configurable = config?.configurable ?? {};
  const str = (v: unknown) => (typeof v === "string" && v ? v : null);
  const threadId = str(configurable.thread_id);
  const stored = threadId ? await pendingDraftOfThread(db(), threadId) : null;
  if (stored !== null) return { draftId: stored, outcome: { status: "drafted", draftId: stored } };
  const verdicts = [state.qualification, state.opportunity].filter((v) => v !== undefined);
  const draftId = await insertDraft(db(), {
    contactId: contact.id,
    companyId: company.id,
    campaignId: campaign?.id ?? null,
    assignedRepId: contact.ownerId,
    action: state.action!.kind,
    // What is known of the contact (an interim rule until score_contact, issue #13), not the 3-valued qualify score.
    tier: leadTier({ seniority: contact.seniority, companySize: company.size, facts: state.snapshot!.facts, history: state.history! }).tier,
    subject: draft.subject,
    body: draft.body,
    provenance: {
      ...draft.provenance,
      evidence: [...draft.provenance.evidence, ...verdicts.map((v) => `${v.label} (${v.score}): ${v.provenance.reason}`)],
    },
    reviewFlags: state.review?.flags ?? [],
    // The compose prompt's version for a model draft; the template's for a template draft, since no prompt ran.
    promptVersion: versionOf(draft.provenance.path),
    model: draft.model,
    graphId: meta.assistantId,
    runId: str(configurable.run_id),
    threadId,
    traceId: str(configurable.trace_id),
  });
  return { draftId, outcome: { status: "drafted", draftId } };
}
