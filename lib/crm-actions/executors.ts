import "server-only";
import { db } from "@/db/client";
import { enrollmentsOfContact, getCampaignRow } from "@/db/queries/campaigns";
import { getCompanyDetail } from "@/db/queries/companies";
import { getDraft } from "@/db/queries/drafts";
import { latestInboundEmailOf } from "@/db/queries/crm-state";
import { getContactScore } from "@/db/queries/scores";
import { getTask } from "@/db/queries/tasks";
import { meta as emailOrchestrator } from "@/graphs/email-orchestrator/meta";
import { meta as objectionCoach } from "@/graphs/objection-coach/meta";
import type { SessionUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { draftOutreach } from "@/lib/services/drafts";
import { launchCampaign } from "@/lib/services/campaigns";
import { classifyCompanyCountry } from "@/lib/services/geo";
import { handleObjection } from "@/lib/services/objections";
import { draftProposalFor } from "@/lib/services/proposals";
import { scoreSelected } from "@/lib/services/scores";
import { createTask } from "@/lib/services/tasks";
import { scoredSummary } from "./summaries";
import type { ActionParams, CrmAction } from "./vocabulary";

/**
 * Who a step acts as (the person who ran the plan, or who approved the step), where, and when it
 * started: verification only accepts an effect written at or after `startedAt`.
 */
export type ActionContext = { user: SessionUser; companyId: number; stepId: number; startedAt: Date };

/**
 * What running an action did: `ref` names the row it produced (`draft:12`, `task:3`…). Not ok:
 * the service refused or could not do it, with the reason.
 */
export type ActionRun = { ok: true; ref: string; summary: string } | { ok: false; reason: string };

/** What reading the state back found: ok only when the effect is really there. */
export type Verification = { ok: boolean; detail: string };

export type ActionExecutor<A extends CrmAction> = {
  run(ctx: ActionContext, params: ActionParams[A]): Promise<ActionRun>;
  verify(ctx: ActionContext, params: ActionParams[A], ref: string): Promise<Verification>;
};

/** One executor per vocabulary action: the type makes a missing one a compile error. */
export type ActionExecutors = { [A in CrmAction]: ActionExecutor<A> };

const refId = (ref: string) => Number(ref.split(":")[1]);
const refused = (e: unknown): ActionRun => {
  if (isAppError(e)) return { ok: false, reason: e.message };
  throw e;
};

/** Through lib/services/scores.ts (score_contact, as "Score selected" does); verified by reading the stored score back. */
const score: ActionExecutor<"score"> = {
  async run(ctx, { contactId }) {
    try {
      const [summary] = await scoreSelected(ctx.user, [contactId]);
      if (!summary) return { ok: false, reason: "The contact could not be scored." };
      return { ok: true, ref: `score:${contactId}`, summary: scoredSummary(summary.score, summary.tier, summary.source) };
    } catch (e) {
      return refused(e);
    }
  },
  async verify(ctx, { contactId }) {
    const stored = await getContactScore(db(), contactId);
    if (!stored) return { ok: false, detail: "No score is stored for the contact." };
    if (stored.scoredAt < ctx.startedAt) return { ok: false, detail: `The stored score is from ${stored.scoredAt.toISOString()}, before this step ran.` };
    return { ok: true, detail: `The contact's stored score is ${stored.score.toFixed(2)}, tier ${stored.tier}.` };
  },
};

/** Through lib/services/geo.ts, as the company page's "Classify country" does; verified by re-reading the company. */
const classifyCountry: ActionExecutor<"classify_country"> = {
  async run(ctx, { companyId }) {
    try {
      const result = await classifyCompanyCountry(ctx.user, companyId);
      return { ok: true, ref: `company:${companyId}`, summary: `Classified as ${result.country ?? "no country"} (${result.confidence.toFixed(2)}, ${result.source}).` };
    } catch (e) {
      return refused(e);
    }
  },
  async verify(_ctx, { companyId }) {
    const detail = await getCompanyDetail(db(), companyId);
    const country = detail?.company.country ?? null;
    return country ? { ok: true, detail: `The company's country is ${country}.` } : { ok: false, detail: "No country is stored for the company: the classifier could not name one." };
  },
};

/** Through lib/services/drafts.ts (the email orchestrator, as "Draft outreach" does); verified by reading the draft back. */
const draftReply: ActionExecutor<"draft_reply"> = {
  async run(ctx, { contactId }) {
    const [result] = await draftOutreach(ctx.user, [contactId]);
    if (result?.status === "drafted") return { ok: true, ref: `draft:${result.draftId}`, summary: `Draft ${result.draftId} waits in the queue for approval.` };
    return { ok: false, reason: result?.status === "skipped" ? `The orchestrator drafted nothing: ${result.reason}.` : (result?.message ?? "No draft was made.") };
  },
  async verify(_ctx, { contactId }, ref) {
    const draft = await getDraft(db(), refId(ref));
    if (!draft) return { ok: false, detail: `Draft ${refId(ref)} does not exist.` };
    if (draft.contactId !== contactId || draft.graphId !== emailOrchestrator.assistantId) return { ok: false, detail: `Draft ${draft.id} is not the contact's orchestrator draft.` };
    return draft.status === "draft" ? { ok: true, detail: `Draft ${draft.id} is in the queue, waiting for a person.` } : { ok: false, detail: `Draft ${draft.id} is ${draft.status}, not waiting in the queue.` };
  },
};

/** Through lib/services/proposals.ts (lead_to_proposal, as "Draft proposal" does); verified by reading the proposal draft back. */
const draftProposal: ActionExecutor<"draft_proposal"> = {
  async run(ctx, { contactId }) {
    try {
      const result = await draftProposalFor(ctx.user, { contactId });
      if (result.status === "drafted") {
        const flagged = result.flaggedClaims ? `; ${result.flaggedClaims} claim(s) flagged by the faithfulness check` : "";
        return { ok: true, ref: `draft:${result.draftId}`, summary: `Proposal ${result.draftId} waits in the queue for approval${flagged}.` };
      }
      return { ok: false, reason: result.status === "unqualified" ? `The lead is not qualified: ${result.reason}` : result.reason };
    } catch (e) {
      return refused(e);
    }
  },
  async verify(_ctx, { contactId }, ref) {
    const draft = await getDraft(db(), refId(ref));
    if (!draft) return { ok: false, detail: `Proposal ${refId(ref)} does not exist.` };
    if (draft.contactId !== contactId || draft.kind !== "proposal") return { ok: false, detail: `Draft ${draft.id} is not a proposal for the contact.` };
    return draft.status === "draft" ? { ok: true, detail: `Proposal ${draft.id} is in the queue, waiting for a person.` } : { ok: false, detail: `Proposal ${draft.id} is ${draft.status}, not waiting in the queue.` };
  },
};

/**
 * Through lib/services/objections.ts (objection_coach, as "Handle objection" does) on the email the
 * plan named, else the contact's latest inbound one; verified by reading the reply draft back.
 */
const handleObjectionStep: ActionExecutor<"handle_objection"> = {
  async run(ctx, { contactId, emailId }) {
    const email = emailId ?? (await latestInboundEmailOf(db(), contactId));
    if (email === null) return { ok: false, reason: "The contact has sent no email to answer." };
    try {
      const result = await handleObjection({ user: ctx.user }, { emailId: email, by: "plan" });
      if (result.status === "drafted") return { ok: true, ref: `draft:${result.draftId}`, summary: `Rebuttal ${result.draftId} to a ${result.objection.replaceAll("_", " ")} objection waits in the queue (${result.removed} sentence(s) removed, ${result.flagged} flagged).` };
      return { ok: false, reason: result.status === "no_objection" ? `No objection to answer: ${result.reason}` : result.reason };
    } catch (e) {
      return refused(e);
    }
  },
  async verify(_ctx, { contactId }, ref) {
    const draft = await getDraft(db(), refId(ref));
    if (!draft) return { ok: false, detail: `Draft ${refId(ref)} does not exist.` };
    if (draft.contactId !== contactId || draft.graphId !== objectionCoach.assistantId) return { ok: false, detail: `Draft ${draft.id} is not the coach's reply to the contact.` };
    return draft.status === "draft" ? { ok: true, detail: `Rebuttal ${draft.id} is in the queue, waiting for a person.` } : { ok: false, detail: `Rebuttal ${draft.id} is ${draft.status}, not waiting in the queue.` };
  },
};

/**
 * Through lib/services/campaigns.ts (the launch path, with its guards: suppression, overlap,
 * cooldown), one contact into a campaign that is already running — a plan never starts a
 * campaign. Verified by reading the contact's enrollment back.
 */
const enrollInCampaign: ActionExecutor<"enroll_in_campaign"> = {
  async run(ctx, { contactId, campaignId }) {
    const campaign = await getCampaignRow(db(), campaignId);
    if (campaign?.status !== "active") return { ok: false, reason: `Campaign ${campaignId} is not running; a plan only enrolls into a running campaign.` };
    try {
      const result = await launchCampaign(ctx.user, campaignId, { contactIds: [contactId] });
      if (result.enrolled === 1) return { ok: true, ref: `enrollment:${campaignId}:${contactId}`, summary: `Enrolled in "${campaign.name}"; its first touch is drafted for approval.` };
      return { ok: false, reason: `The campaign's guards left the contact out: ${result.excluded.map((e) => e.message).join(" ") || "no reason given"}` };
    } catch (e) {
      return refused(e);
    }
  },
  async verify(_ctx, { contactId, campaignId }) {
    const enrollment = (await enrollmentsOfContact(db(), contactId)).find((e) => e.campaignId === campaignId);
    if (!enrollment) return { ok: false, detail: `The contact is not enrolled in campaign ${campaignId}.` };
    return enrollment.status === "active" ? { ok: true, detail: `Enrollment ${enrollment.id} in "${enrollment.campaignName}" is active.` } : { ok: false, detail: `Enrollment ${enrollment.id} is ${enrollment.status}, not active.` };
  },
};

const taskVerifier =
  (kind: "follow_up" | "flag") =>
  async (_ctx: ActionContext, params: { contactId?: number }, ref: string): Promise<Verification> => {
    const task = await getTask(db(), refId(ref));
    if (!task) return { ok: false, detail: `Task ${refId(ref)} does not exist.` };
    if (task.kind !== kind || task.status !== "open" || task.contactId !== (params.contactId ?? null)) return { ok: false, detail: `Task ${task.id} is not the open ${kind} it should be.` };
    return { ok: true, detail: `Task ${task.id} is open${task.dueAt ? `, due ${task.dueAt.toISOString().slice(0, 10)}` : ""}.` };
  };

/** Through lib/services/tasks.ts; verified by reading the task row back. */
const createFollowUpTask: ActionExecutor<"create_follow_up_task"> = {
  async run(ctx, { contactId, title, dueInDays }) {
    try {
      const id = await createTask(ctx.user, { kind: "follow_up", contactId, companyId: ctx.companyId, title, dueInDays, planStepId: ctx.stepId });
      return { ok: true, ref: `task:${id}`, summary: `Task ${id}: "${title}", due in ${dueInDays} day(s).` };
    } catch (e) {
      return refused(e);
    }
  },
  verify: taskVerifier("follow_up"),
};

/** A flag is an open task of kind `flag` on the contact (or the account), visible to a person. */
const flagForPerson: ActionExecutor<"flag_for_person"> = {
  async run(ctx, { contactId, reason }) {
    try {
      const id = await createTask(ctx.user, { kind: "flag", contactId: contactId ?? null, companyId: ctx.companyId, title: reason, dueInDays: null, planStepId: ctx.stepId });
      return { ok: true, ref: `task:${id}`, summary: `Flag ${id} raised for a person.` };
    } catch (e) {
      return refused(e);
    }
  },
  verify: taskVerifier("flag"),
};

/** The executors the console runs plan steps with. */
export const EXECUTORS: ActionExecutors = {
  score,
  classify_country: classifyCountry,
  enroll_in_campaign: enrollInCampaign,
  draft_reply: draftReply,
  draft_proposal: draftProposal,
  handle_objection: handleObjectionStep,
  create_follow_up_task: createFollowUpTask,
  flag_for_person: flagForPerson,
};
