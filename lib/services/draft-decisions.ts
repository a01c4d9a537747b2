import "server-only";
import type { z } from "zod";
import { db } from "@/db/client";
import { cancelPendingDecisions, draftDecisionKey, DRAFT_DECISION_KIND, getDraft, pendingDecisionOf, revisionsOfDraft, type DraftRow } from "@/db/queries/drafts";
import type { SessionUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { campaignSendCheck } from "@/lib/campaigns/send-check";
import { AppError, isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { jobQueue } from "@/lib/jobs/instance";
import { withSpan } from "@/lib/telemetry/span";
import { meta as orchestrator } from "@/graphs/email-orchestrator/meta";
import { rejectProposal } from "./proposals";
import { approveDraft, assertEmailDraft, batchApprove, loadDraftFor, rejectDraft, resumeDraft, type DecisionResult, type DraftEdit, type RejectLabel } from "./drafts";
import { contactGap } from "@/db/queries/governor";
import { governance } from "@/lib/mail";
import { gapWords } from "@/lib/governor/sentence";

/*
 * The undo window. An approval made in the console is not applied at once: it is queued as a
 * draft_decision job due SEND_DELAY_SECONDS later, and only that job resumes the draft's thread
 * (after which the graph queues the message and its delivery job as before). So during the
 * window nothing of the send path exists — no graph step, no outbox row, no delivery job — and
 * undo is one conditional DELETE of a job that has not been claimed (db/queries/drafts.ts
 * cancelPendingDecisions); the draft never left the queue, so it is a draft again at once.
 * Chosen over delaying only the delivery job (deliverAt) because then undo would have to unwind
 * an approval the graph had already applied and a thread that had already ended.
 *
 * Approvals through the SDK or Agent Inbox resume the thread directly: they bypass this window
 * (those callers have their own confirmation), and are still delivered exactly once.
 */

type Edit = z.infer<typeof DraftEdit>;

/**
 * Results of a decision on several drafts: one per draft, in the order asked. `skipped`: a
 * proposal in a batch approval, which is not an email and is approved from its own view.
 */
export type BatchResult = DecisionResult | { draftId: number; status: "error" | "skipped"; message: string };

/** Why a batch approval leaves a proposal alone (approving one checks its claims and sends nothing). */
export const PROPOSAL_SKIPPED = "Not approved: it is a proposal, not an email. Approve it from its own view, where its claims are checked; nothing is sent.";

const ORCHESTRATOR_SPAN = { graph: orchestrator.assistantId, feature: orchestrator.feature };

function errorResult(draftId: number, e: unknown): BatchResult {
  if (!isAppError(e)) throw e;
  return { draftId, status: "error", message: e.message };
}

/** Puts one approval in its undo window; refused when the draft is not waiting or already approved. */
async function schedule(user: SessionUser, draftId: number, edit: Edit | undefined, sendAt: Date): Promise<DecisionResult> {
  return scheduleLoaded(user, await loadDraftFor(user, draftId), edit, sendAt);
}

async function scheduleLoaded(user: SessionUser, draft: DraftRow, edit: Edit | undefined, sendAt: Date): Promise<DecisionResult> {
  const draftId = draft.id;
  assertEmailDraft(draft);
  if (draft.status !== "draft") throw new AppError("conflict:drafts", { message: `This draft was already ${draft.status}.` });
  if (!draft.threadId) throw new AppError("conflict:drafts", { message: "This draft has no thread to resume." });
  const changed = edit && (edit.subject !== draft.subject || edit.body !== draft.body);
  const queued = await jobQueue().enqueue(
    DRAFT_DECISION_KIND,
    { draftId, threadId: draft.threadId, decision: changed ? { type: "edit", ...edit } : { type: "accept" }, decidedBy: user.id },
    { runAt: sendAt, dedupeKey: draftDecisionKey(draftId) },
  );
  if (!queued.created) throw new AppError("conflict:drafts", { message: "This draft is already approved and waiting to send." });
  const held = (await heldBecause(draft.enrollmentId)) ?? (await heldForContactGap(draft.contactId, sendAt));
  const message = held ? `Approved. The email is ${held}.` : `Approved. Sending in ${env().SEND_DELAY_SECONDS} s.`;
  return { draftId, status: "scheduled", message, sendAt: sendAt.toISOString(), ...(held ? { held } : {}) };
}

/**
 * What the sender will do with an approved campaign touch the campaign would not send now, asked
 * of the same check its hold (lib/mail/campaign-hold.ts) makes at sending, so the rep is not told
 * "sending in 20 s" about an email that waits for a paused campaign. Null: nothing holds it.
 */
async function heldBecause(enrollmentId: number | null): Promise<string | null> {
  if (enrollmentId === null) return null;
  const verdict = await campaignSendCheck(db(), { enrollmentId });
  if (verdict.allowed) return null;
  const why = verdict.message.replace(/\.$/, "");
  if (verdict.final) return `not going to be sent: ${why}`;
  if (verdict.reason === "campaign_paused") return "held until the campaign resumes";
  return verdict.retryAt ? `held until ${formatDateTime(verdict.retryAt)} (${why})` : `held until the enrollment resumes (${why})`;
}

/** An email to a contact emailed within the governor's contact gap waits out the gap (lib/governor): say so, with when. */
async function heldForContactGap(contactId: number, sendAt: Date): Promise<string | null> {
  const gapSeconds = governance().rules.contactGapSeconds;
  const last = gapSeconds > 0 ? (await contactGap(db(), contactId)).from : null;
  if (!last) return null;
  const until = new Date(last.getTime() + gapSeconds * 1_000);
  return until > sendAt ? `held until ${formatDateTime(until)} (the contact was emailed less than ${gapWords(gapSeconds)} ago)` : null;
}

const sendAtFromNow = () => new Date(Date.now() + env().SEND_DELAY_SECONDS * 1_000);

/** The console's approve: into the undo window, or (SEND_DELAY_SECONDS=0) applied and sent at once. */
export function approveWithUndo(user: SessionUser, draftId: number, edit?: Edit): Promise<DecisionResult> {
  if (env().SEND_DELAY_SECONDS === 0) return approveDraft(user, draftId, edit);
  return withSpan("drafts.schedule_approval", ORCHESTRATOR_SPAN, () => schedule(user, draftId, edit, sendAtFromNow()));
}

/**
 * The console's batch approve: every email shares one send time, so one undo covers the batch. A
 * proposal in the selection is skipped and says why: its approval is a different act (claims
 * checked, nothing sent, no undo window), taken from its own view.
 */
export async function batchApproveWithUndo(user: SessionUser, draftIds: number[]): Promise<BatchResult[]> {
  const loaded = new Map<number, DraftRow>();
  const settled = new Map<number, BatchResult>();
  for (const draftId of draftIds) {
    const draft = await loadDraftFor(user, draftId).catch((e: unknown) => errorResult(draftId, e));
    if ("kind" in draft && draft.kind !== "proposal") loaded.set(draftId, draft);
    else settled.set(draftId, "kind" in draft ? { draftId, status: "skipped", message: PROPOSAL_SKIPPED } : draft);
  }
  if (env().SEND_DELAY_SECONDS === 0) {
    for (const result of loaded.size ? await batchApprove(user, [...loaded.keys()]) : []) settled.set(result.draftId, result);
  } else {
    const sendAt = sendAtFromNow();
    for (const [draftId, draft] of loaded) settled.set(draftId, await scheduleLoaded(user, draft, undefined, sendAt).catch((e: unknown) => errorResult(draftId, e)));
  }
  return draftIds.map((draftId) => settled.get(draftId)!);
}

export type UndoResult = { draftId: number; status: "undone" | "too_late"; message: string };

/**
 * Withdraws approvals still in their undo window; each draft is a draft again, in the queue. A
 * draft whose approval was already taken up (or never existed) is reported, never changed.
 */
export async function undoApprovals(user: SessionUser, draftIds: number[]): Promise<UndoResult[]> {
  for (const draftId of draftIds) await loadDraftFor(user, draftId);
  const undone = new Set(await cancelPendingDecisions(db(), draftIds));
  return Promise.all(
    draftIds.map(async (draftId): Promise<UndoResult> => {
      if (undone.has(draftId)) return { draftId, status: "undone", message: "Undone: the draft is back in the queue." };
      const [draft, pending] = await Promise.all([getDraft(db(), draftId), pendingDecisionOf(db(), draftId)]);
      const where = pending ? "it is being sent" : draft?.status === "draft" ? "it was not approved" : `it was already ${draft?.status}`;
      return { draftId, status: "too_late", message: `Too late to undo: ${where}.` };
    }),
  );
}

/**
 * Rejects each draft with the same label and reason; one failure never stops the others. A
 * proposal is rejected through its own graph (rejecting one means the same as for an email).
 */
export async function batchReject(user: SessionUser, draftIds: number[], reason: string, label: RejectLabel | null): Promise<BatchResult[]> {
  const rejectOne = async (draftId: number): Promise<BatchResult> => {
    const draft = await loadDraftFor(user, draftId);
    return draft.kind === "proposal" ? rejectProposal(user, draftId, reason, label) : rejectDraft(user, draftId, reason, label);
  };
  const results: BatchResult[] = [];
  for (const draftId of draftIds) results.push(await rejectOne(draftId).catch((e: unknown) => errorResult(draftId, e)));
  return results;
}

export type RevisionResult = { draftId: number; status: "revised" | "unchanged"; message: string };

/**
 * Asks the orchestrator for a new version of a waiting draft (Agent Inbox's "respond"): with the
 * rep's instruction, or with none to regenerate. The thread redrafts, keeps the old version, and
 * pauses again for a decision; offline the draft stays as it was, and the answer says why.
 */
export function reviseDraftFor(user: SessionUser, draftId: number, instruction: string | null): Promise<RevisionResult> {
  return withSpan("drafts.revise_draft", ORCHESTRATOR_SPAN, async () => {
    const draft = await loadDraftFor(user, draftId);
    if (await pendingDecisionOf(db(), draftId)) throw new AppError("conflict:drafts", { message: "This draft is approved and waiting to send. Undo the approval first." });
    await resumeDraft(draft, { type: "response", args: instruction ?? "", decidedBy: user.id });
    const latest = (await revisionsOfDraft(db(), draftId)).at(-1);
    if (!latest || latest.seq !== draft.revisions + 1) throw new AppError("internal:drafts");
    return latest.outcome === "revised"
      ? { draftId, status: "revised", message: instruction ? "Redrafted as you asked. The previous version is kept." : "Regenerated. The previous version is kept." }
      : { draftId, status: "unchanged", message: latest.note ?? "The draft is unchanged." };
  });
}
