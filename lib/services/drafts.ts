import "server-only";
import { z } from "zod";
import { db } from "@/db/client";
import { getContactOwner, getContactSummary } from "@/db/queries/contacts";
import { countDrafts, getDraft, listDrafts, pendingDecisionOf, revisionsOfDraft, setDraftRunUrl, type DraftRow } from "@/db/queries/drafts";
import { coachingOfDraft } from "@/db/queries/objections";
import { listUsers } from "@/db/queries/users";
import { outboxForDraft, outboxForDrafts, type OutboxEntry } from "@/db/queries/outbox";
import { DRAFT_STATUSES, type RejectLabel } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { resumeDraftThread, type DraftDecisionValue } from "@/lib/campaigns/resume-draft";
import { AppError, isAppError } from "@/lib/errors";
import { graphClient } from "@/lib/langgraph/instance";
import { wakeJobs } from "@/lib/jobs/instance";
import { meta as orchestrator } from "@/graphs/email-orchestrator/meta";
import { withSpan } from "@/lib/telemetry/span";
import { paging, parseParams, visibleText, type RawParams } from "./params";
import { scheduledSend, schedulesOfDrafts } from "./send-schedule";

/** Admins see and decide every draft; everyone else only drafts assigned to them. */
function canActOn(user: SessionUser, draft: Pick<DraftRow, "assignedRepId">): boolean {
  return hasRole(user.role, "admin") || draft.assignedRepId === user.id;
}

export type { RejectLabel };

export async function loadDraftFor(user: SessionUser, draftId: number): Promise<DraftRow> {
  const draft = await getDraft(db(), draftId);
  // Someone else's draft is reported as missing, not forbidden: its existence is not theirs to know.
  if (!draft || !canActOn(user, draft)) throw new AppError("not_found:drafts", { message: "That draft does not exist or is not yours." });
  return draft;
}

export const DraftListQuery = z.object({
  status: z.enum(DRAFT_STATUSES).optional(),
  campaign: z.coerce.number().int().positive().optional(),
  tier: z.enum(["A", "B", "C", "D"]).optional(),
  /** Only drafts from the last N days. */
  age: z.coerce.number().int().min(1).max(365).optional(),
  /** Whose drafts (a user id): an admin's filter; a rep always sees only their own. */
  owner: z.string().trim().min(1).max(100).optional(),
  /** Keyset cursor from the previous page: "<createdAtMs>.<id>". */
  cursor: z
    .string()
    .regex(/^\d{1,15}\.\d{1,15}$/, "is not a valid cursor")
    .refine((c) => c.split(".").map(Number).every(Number.isSafeInteger) && !Number.isNaN(new Date(Number(c.split(".")[0])).getTime()), "is not a valid cursor")
    .optional(),
  pageSize: paging.pageSize,
});
export type DraftListQuery = z.infer<typeof DraftListQuery>;

export function parseDraftListQuery(params: RawParams): DraftListQuery {
  return parseParams(DraftListQuery, params, "drafts");
}

export async function listDraftsFor(user: SessionUser, query: DraftListQuery) {
  const filter = {
    repId: hasRole(user.role, "admin") ? query.owner : user.id,
    status: query.status,
    campaignId: query.campaign,
    tier: query.tier,
    since: query.age ? new Date(Date.now() - query.age * 86_400_000) : undefined,
  };
  const [at, id] = query.cursor?.split(".").map(Number) ?? [];
  const before = at !== undefined && id !== undefined ? { createdAt: new Date(at), id } : undefined;
  const listed = await listDrafts(db(), { ...filter, limit: query.pageSize, before });
  // Approved rows the send governor is holding back say when they go, and why.
  const schedules = await schedulesOfDrafts(listed.filter((r) => r.status === "approved").map((r) => r.id));
  const rows = listed.map((r) => ({ ...r, schedule: schedules[r.id] ?? null }));
  // The first page counts (up to 1,000); later pages keep the count the client already has.
  const counted = before ? null : await countDrafts(db(), filter);
  const last = rows.at(-1);
  return {
    rows,
    /** Matching drafts, counted up to 1,000 on the first page (null on later pages); `totalIsCapped` means "1,000 or more". */
    total: counted?.total ?? null,
    totalIsCapped: counted?.more ?? false,
    nextCursor: rows.length === query.pageSize && last ? `${last.createdAt.getTime()}.${last.id}` : null,
  };
}

/**
 * A draft for its detail pane, from an id as it arrives in a URL: the page's first paint and
 * GET /api/drafts/:id both read it here, so both refuse a malformed id the same way.
 */
export function draftView(user: SessionUser, rawId: string) {
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0) throw new AppError("not_found:drafts", { message: "That draft does not exist or is not yours." });
  return draftDetailFor(user, id);
}

/** The people whose drafts an admin may filter the queue by (reps and admins); nobody else gets a filter. */
export async function draftOwnersFor(user: SessionUser): Promise<{ id: string; name: string }[]> {
  if (!hasRole(user.role, "admin")) return [];
  return (await listUsers(db())).filter((u) => u.role !== "operator").map(({ id, name }) => ({ id, name }));
}

/**
 * A draft with its outbox entry, the contact and company it was written for, its approval
 * waiting the undo window (if any), its revision requests with the versions they replaced, and
 * (for an objection reply) the coach's reasoning.
 */
export async function draftDetailFor(user: SessionUser, draftId: number) {
  const draft = await loadDraftFor(user, draftId);
  const [outbox, recipient, pending, revisions, schedules, coaching] = await Promise.all([
    outboxForDraft(db(), draftId),
    getContactSummary(db(), draft.contactId),
    pendingDecisionOf(db(), draftId),
    revisionsOfDraft(db(), draftId),
    schedulesOfDrafts([draftId]),
    // The objection coach's reasoning, shown beside a reply it wrote (null for every other draft).
    coachingOfDraft(db(), draftId),
  ]);
  if (!recipient) throw new AppError("not_found:contacts");
  return { draft, outbox, pending, revisions, schedule: schedules[draftId] ?? null, coaching, ...recipient };
}

export const DraftEdit = z.object({
  subject: visibleText({ max: 200, empty: "Subject cannot be empty.", tooLong: "Subject is too long (200 characters at most)." }),
  body: visibleText({ max: 10_000, empty: "Body cannot be empty.", tooLong: "Body is too long." }),
});

export type DecisionResult = {
  draftId: number;
  status: "sent" | "approved" | "scheduled" | "rejected" | "blocked" | "failed";
  message: string;
  /** For "scheduled": when the approval takes effect unless undone (ISO). */
  sendAt?: string;
  /**
   * For an approved campaign touch the campaign would not send now: what happens to it instead,
   * as words that follow "Email to Ann Lee" ("held until the campaign resumes").
   */
  held?: string;
};

/** The email paths (approve with send, undo window, revise) refuse a proposal: it is decided in lib/services/proposals.ts. */
export function assertEmailDraft(draft: Pick<DraftRow, "kind">): void {
  if (draft.kind !== "email") throw new AppError("conflict:drafts", { message: "This is a proposal: decide it from its own view." });
}

export async function resumeDraft(draft: DraftRow, value: DraftDecisionValue) {
  assertEmailDraft(draft);
  if (draft.status !== "draft") throw new AppError("conflict:drafts", { message: `This draft was already ${draft.status}.` });
  if (!draft.threadId) throw new AppError("conflict:drafts", { message: "This draft has no thread to resume." });
  try {
    await resumeDraftThread(graphClient(), { graphId: draft.graphId, threadId: draft.threadId }, value);
  } catch (e) {
    // A concurrent decision holds the thread (422) or already finished it (409).
    if (isAppError(e) && (e.status === 422 || e.status === 409)) throw new AppError("conflict:drafts", { message: "Someone already decided on this draft." });
    throw e;
  }
}

/** The span of an operation that runs the orchestrator: the root of its run's trace. */
const ORCHESTRATOR_SPAN = { graph: orchestrator.assistantId, feature: orchestrator.feature };

/**
 * How long an approval waits for its own message's delivery result. Delivery is a job (any
 * console process or worker may run it); the wait only lets the rep see "sent" when it is quick.
 */
const DELIVERY_WAIT_MS = 3_000;

/** Approves a draft as written or as edited; the message is queued once and delivered by a job. */
export function approveDraft(user: SessionUser, draftId: number, edit?: z.infer<typeof DraftEdit>): Promise<DecisionResult> {
  return withSpan("drafts.approve_draft", ORCHESTRATOR_SPAN, async () => {
    await decideApproval(user, draftId, edit);
    const [result] = await deliveryResults([draftId]);
    return result!;
  });
}

/** Resumes the paused thread with the approval; the graph queues the message and its delivery job. */
async function decideApproval(user: SessionUser, draftId: number, edit?: z.infer<typeof DraftEdit>): Promise<void> {
  const draft = await loadDraftFor(user, draftId);
  const changed = edit && (edit.subject !== draft.subject || edit.body !== draft.body);
  await resumeDraft(draft, changed ? { type: "edit", args: edit, decidedBy: user.id } : { type: "accept", decidedBy: user.id });
}

/** Waits (briefly, once for all of them) for these drafts' deliveries to settle, then reports each. */
async function deliveryResults(draftIds: number[]): Promise<DecisionResult[]> {
  wakeJobs();
  const deadline = Date.now() + DELIVERY_WAIT_MS;
  let rows: OutboxEntry[] = [];
  for (;;) {
    rows = await outboxForDrafts(db(), draftIds);
    // A send the governor deferred has its answer too: when it goes, and why.
    const settled = rows.filter((r) => (r.status !== "queued" || r.deferredReason !== null) && r.status !== "sending").length === draftIds.length;
    if (settled || Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return draftIds.map((draftId) => describeDelivery(draftId, rows.find((r) => r.draftId === draftId)));
}

function describeDelivery(draftId: number, outbox: OutboxEntry | undefined): DecisionResult {
  if (outbox?.status === "sent") return { draftId, status: "sent", message: "Approved and sent." };
  if (outbox?.status === "blocked") return { draftId, status: "blocked", message: outbox.lastError ?? "Not sent: blocked by the safety gate." };
  if (outbox?.status === "failed") return { draftId, status: "failed", message: outbox.lastError ?? "Sending failed." };
  if (outbox?.status === "queued" && outbox.deferredReason && outbox.predictedSendAt) {
    return { draftId, status: "approved", message: `Approved. ${scheduledSend(outbox.deferredReason, outbox.predictedSendAt, new Date()).label}.` };
  }
  return { draftId, status: "approved", message: outbox?.lastError ? `Approved; queued for sending. ${outbox.lastError}` : "Approved; queued for sending." };
}

/**
 * Rejects a waiting draft with a preset label, a reason in words, or both. A draft whose approval
 * waits its undo window is refused: the rep undoes the approval first, so one draft never carries
 * two decisions.
 */
export async function rejectDraft(user: SessionUser, draftId: number, reason: string, label: RejectLabel | null = null): Promise<DecisionResult> {
  const draft = await loadDraftFor(user, draftId);
  if (await pendingDecisionOf(db(), draftId)) throw new AppError("conflict:drafts", { message: "This draft is approved and waiting to send. Undo the approval first." });
  await resumeDraft(draft, { type: "ignore", reason, label, decidedBy: user.id });
  return { draftId, status: "rejected", message: "Rejected." };
}

/**
 * Approves each selected draft as written; one failure never stops the others. The deliveries
 * are waited for once, together, not one after another.
 */
export async function batchApprove(user: SessionUser, draftIds: number[]) {
  const errors = new Map<number, { draftId: number; status: "error"; message: string }>();
  const approved: number[] = [];
  for (const draftId of draftIds) {
    try {
      await withSpan("drafts.approve_draft", ORCHESTRATOR_SPAN, () => decideApproval(user, draftId));
      approved.push(draftId);
    } catch (e) {
      errors.set(draftId, { draftId, status: "error", message: isAppError(e) ? e.message : "Something went wrong." });
    }
  }
  const delivered = new Map((await deliveryResults(approved)).map((r) => [r.draftId, r]));
  return draftIds.map((draftId) => errors.get(draftId) ?? delivered.get(draftId)!);
}

export type OutreachResult =
  | { contactId: number; status: "drafted"; draftId: number }
  | { contactId: number; status: "skipped"; reason: string }
  | { contactId: number; status: "failed"; message: string };

/** Runs the orchestrator for each contact; a rep may only draft for contacts they own. */
export function draftOutreach(user: SessionUser, contactIds: number[], campaignId: number | null = null): Promise<OutreachResult[]> {
  return withSpan("drafts.draft_outreach", ORCHESTRATOR_SPAN, () => draftEach(user, contactIds, campaignId));
}

async function draftEach(user: SessionUser, contactIds: number[], campaignId: number | null): Promise<OutreachResult[]> {
  const client = graphClient();
  return Promise.all(
    contactIds.map(async (contactId): Promise<OutreachResult> => {
      try {
        const ownerId = await getContactOwner(db(), contactId);
        if (ownerId === undefined) return { contactId, status: "failed", message: "That contact does not exist." };
        if (!hasRole(user.role, "admin") && ownerId !== user.id) return { contactId, status: "failed", message: "You can only draft for your own contacts." };
        const result = await client.run("email_orchestrator", { contactId, campaignId, requestedBy: user.id }, { metadata: { contact_id: contactId, requested_by: user.id } });
        const outcome = result.values.outcome;
        if (outcome?.status === "drafted") {
          await setDraftRunUrl(db(), outcome.draftId, result.runUrl ?? `/runs/${result.runId}`, result.traceId);
          return { contactId, status: "drafted", draftId: outcome.draftId };
        }
        return { contactId, status: "skipped", reason: outcome?.status === "skipped" ? outcome.reason : "no draft" };
      } catch (e) {
        return { contactId, status: "failed", message: isAppError(e) ? e.message : "Something went wrong." };
      }
    }),
  );
}
