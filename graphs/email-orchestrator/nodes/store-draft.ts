import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { db } from "@/db/client";
import { insertDraft, pendingDraftOfThread } from "@/db/queries/drafts";
import { getContactScore } from "@/db/queries/scores";
import { versionOf } from "@/graphs/shared/provenance";
import { scoreContactsOffline } from "@/lib/scoring/bulk";
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
  // The tier is the contact's stored score (score_contact); a contact never scored is scored now, by the rules.
  const scored = (await getContactScore(db(), contact.id)) ?? (await scoreContactsOffline(db(), [contact.id]))[0] ?? null;
  const draftId = await insertDraft(db(), {
    contactId: contact.id,
    companyId: company.id,
    campaignId: campaign?.id ?? null,
    assignedRepId: contact.ownerId,
    action: state.action!.kind,
    tier: scored?.tier ?? null,
    subject: draft.subject,
    body: draft.body,
    provenance: {
      ...draft.provenance,
      evidence: [
        ...draft.provenance.evidence,
        ...verdicts.map((v) => `${v.label} (${v.score}): ${v.provenance.reason}`),
        ...(scored ? [`contact score ${scored.score}, tier ${scored.tier} (${scored.source})`] : []),
      ],
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
