import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { db } from "@/db/client";
import { coachingOfDraft, insertCoachedDraft } from "@/db/queries/objections";
import { pendingDraftOfThread } from "@/db/queries/drafts";
import { meta } from "../meta";
import { coachingRecord } from "../rules";
import type { ObjectionCoachStateType } from "../state";

const str = (v: unknown) => (typeof v === "string" && v ? v : null);

/**
 * Stores the gated rebuttal as a reply draft in the contact owner's queue, with the coach's
 * reasoning beside it. Once per thread: a step re-run after its process died finds what it stored.
 */
export async function storeDraft(state: ObjectionCoachStateType, config?: LangGraphRunnableConfig): Promise<Partial<ObjectionCoachStateType>> {
  const context = state.context!;
  const rebuttal = state.rebuttal!;
  const classification = state.classification!;
  const configurable = config?.configurable ?? {};
  const threadId = str(configurable.thread_id);
  const database = db();
  const stored = threadId ? await pendingDraftOfThread(database, threadId) : null;
  if (stored !== null) {
    const coaching = await coachingOfDraft(database, stored);
    return { draftId: stored, coachingId: coaching?.id, outcome: { status: "drafted", draftId: stored, coachingId: coaching?.id ?? 0 } };
  }
  const { draftId, coachingId } = await insertCoachedDraft(
    database,
    {
      contactId: context.contact.id,
      companyId: context.company.id,
      campaignId: context.inbound?.campaignId ?? null,
      assignedRepId: context.contact.ownerId,
      action: "reply",
      tier: null,
      subject: rebuttal.subject,
      body: rebuttal.body,
      provenance: {
        ...rebuttal.provenance,
        evidence: [`objection: ${classification.objection} (${classification.confidence}) — ${classification.reason}`, ...rebuttal.provenance.evidence],
      },
      reviewFlags: rebuttal.reviewFlags,
      promptVersion: rebuttal.promptVersion,
      model: rebuttal.model,
      graphId: meta.assistantId,
      runId: str(configurable.run_id),
      threadId,
      traceId: str(configurable.trace_id),
    },
    coachingRecord(state, { runId: str(configurable.run_id), threadId }),
  );
  return { draftId, coachingId, outcome: { status: "drafted", draftId, coachingId } };
}
