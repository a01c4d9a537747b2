import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { db } from "@/db/client";
import { updateEnrollmentProgress } from "@/db/queries/enrollments";
import { insertDraft, pendingDraftOfThread } from "@/db/queries/drafts";
import { graph as composeGraph } from "@/graphs/email-compose/graph";
import { versionOf } from "@/graphs/shared/provenance";
import { systemClock } from "@/lib/clock";
import type { ComposeBrief } from "@/lib/outreach/brief";
import { meta } from "../meta";
import { nowOf, touchAction, touchAngle, touchEvidence } from "../rules";
import type { CampaignStateType } from "../state";
import { getContactScore } from "@/db/queries/scores";
import { scoreContactsOffline } from "@/lib/scoring/bulk";

const str = (v: unknown) => (typeof v === "string" && v ? v : null);

/**
 * Drafts touch step + 1 through the email_compose subgraph with the plan's campaign angle (the
 * prospect-facing wording) and tone, and this touch's own angle as a separate note to the writer, and puts it in the contact's rep's queue tagged
 * with the campaign, the enrollment and the touch number. Once per touch: a step re-run from its
 * checkpoint finds the draft it stored instead of storing a second one.
 */
export async function composeTouch(state: CampaignStateType, config?: LangGraphRunnableConfig): Promise<Partial<CampaignStateType>> {
  const { contact, company, facts, campaign, senderName, enrollmentId } = state.context!;
  const plan = state.plan!;
  const touch = state.step + 1;
  const now = nowOf(state.at, systemClock.now);
  const brief: ComposeBrief = {
    action: touchAction(touch),
    contact: { firstName: contact.firstName, lastName: contact.lastName, title: contact.title, seniority: contact.seniority, department: contact.department },
    company: { name: company.name, vertical: company.vertical, size: company.size, hqCity: company.hqCity },
    facts,
    campaign: { name: campaign.name, angle: plan.angle || null, tone: plan.tone },
    memories: [],
    inbound: null,
    previousSubject: touch > 1 ? (state.draft?.subject ?? null) : null,
    senderName,
    roles: ["researcher", "composer"],
    touch: { number: touch, of: plan.maxTouches, angle: touchAngle(plan, touch) || null },
  };
  const result = await composeGraph.invoke({ brief }, config);
  const draft = result.draft!;
  const configurable = config?.configurable ?? {};
  const threadId = str(configurable.thread_id);
  const stored = threadId ? await pendingDraftOfThread(db(), threadId) : null;
  // The tier the queue shows and sorts by: the contact's stored score, or the rules' score now (as store_draft does).
  const scored = stored === null ? ((await getContactScore(db(), contact.id)) ?? (await scoreContactsOffline(db(), [contact.id]))[0] ?? null) : null;
  const draftId =
    stored ??
    (await insertDraft(db(), {
      contactId: contact.id,
      companyId: company.id,
      campaignId: campaign.id,
      enrollmentId,
      step: touch,
      assignedRepId: contact.ownerId,
      action: brief.action,
      tier: scored?.tier ?? null,
      subject: draft.subject,
      body: draft.body,
      provenance: { ...draft.provenance, evidence: [...draft.provenance.evidence, touchEvidence(touch, plan.maxTouches, plan.provenance.source, plan.version)] },
      reviewFlags: [],
      promptVersion: versionOf(draft.provenance.path),
      model: draft.model,
      graphId: meta.assistantId,
      runId: str(configurable.run_id),
      threadId,
      traceId: str(configurable.trace_id),
    }));
  await updateEnrollmentProgress(
    db(),
    enrollmentId,
    { lastEvent: `touch ${touch} drafted; awaiting approval`, lastEventAt: now, deferredReason: { kind: "approval_pending", detail: { draftId, step: touch } }, predictedSendAt: null, nextWakeAt: null },
    now,
  );
  return { draft, draftId, calls: result.calls, outcome: { status: "awaiting_approval", step: touch, draftId } };
}
