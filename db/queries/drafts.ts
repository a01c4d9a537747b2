import { and, asc, count, desc, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { companies, contacts, draftRevisions, drafts, emailCampaigns, jobs, users, type DraftStatus, type Provenance, type RejectLabel } from "../schema";

/**
 * The job kind that carries a console approval through its undo window and then resumes the
 * draft's thread (its handler lives in lib/jobs). Keyed per draft: one pending decision at most.
 */
export const DRAFT_DECISION_KIND = "draft_decision";
export const draftDecisionKey = (draftId: number) => `draft:${draftId}`;

/** The pending decision of a draft, if any: a live draft_decision job (the same test as the dedupe index). */
const pendingJob = sql`${jobs.dedupeKey} = 'draft:' || ${drafts.id} AND ${jobs.status} IN ('queued', 'running', 'failed')`;

export type NewDraft = {
  contactId: number;
  companyId: number;
  campaignId: number | null;
  /** A campaign touch's enrollment and touch number (1-based). */
  enrollmentId?: number | null;
  step?: number | null;
  assignedRepId: string | null;
  action: string;
  tier: string | null;
  subject: string;
  body: string;
  provenance: Provenance;
  reviewFlags: string[];
  promptVersion: string;
  model: string;
  graphId: string;
  runId: string | null;
  threadId: string | null;
  traceId: string | null;
};

export async function insertDraft(database: Database, draft: NewDraft): Promise<number> {
  const [row] = await database.insert(drafts).values({ ...draft, status: "draft" }).returning({ id: drafts.id });
  return row!.id;
}

/** The draft a thread stored that still waits for a decision, if any. */
export async function pendingDraftOfThread(database: Database, threadId: string): Promise<number | null> {
  const [row] = await database.select({ id: drafts.id }).from(drafts).where(and(eq(drafts.threadId, threadId), eq(drafts.status, "draft"))).limit(1);
  return row?.id ?? null;
}

export type DraftDecision =
  | { status: "approved"; decidedBy: string | null; editedSubject?: string; editedBody?: string }
  | { status: "rejected"; decidedBy: string | null; rejectReason: string | null; rejectLabel?: RejectLabel | null };

/** Records a person's decision, only on a draft still waiting for one. False when it was not. */
export async function decideDraft(database: Database, draftId: number, decision: DraftDecision): Promise<boolean> {
  const now = new Date();
  const result = await database
    .update(drafts)
    .set({ ...decision, decidedAt: now, updatedAt: now })
    .where(and(eq(drafts.id, draftId), eq(drafts.status, "draft")));
  return result.rowsAffected === 1;
}

export type DraftRevision = {
  draftId: number;
  /** The draft's `revisions` + 1 as the caller last saw it: a request is recorded once, in order. */
  seq: number;
  /** The rep's instruction, or null for "regenerate". */
  instruction: string | null;
  requestedBy: string | null;
  /** The new version; null when nothing could follow the request (the draft stays as it was). */
  next: { subject: string; body: string; model: string; promptVersion: string; provenance: Provenance; reviewFlags: string[] } | null;
  note: string | null;
};

/**
 * Records a revision request on a waiting draft and, when there is one, puts the new version in
 * its place, keeping the one it replaces in `draft_revisions`. One batch, both statements gated
 * on the draft's revision count, so a step re-run after a crash records nothing twice. False when
 * the draft was no longer waiting or this request was already recorded.
 */
export async function reviseDraft(database: Database, revision: DraftRevision): Promise<boolean> {
  const { draftId, seq, next } = revision;
  const now = new Date();
  const [inserted] = await database.batch([
    database.run(sql`
      INSERT INTO draft_revisions (draft_id, seq, instruction, requested_by, outcome, note, previous_subject, previous_body, previous_model, previous_prompt_version, previous_provenance, created_at)
      SELECT id, ${seq}, ${revision.instruction}, ${revision.requestedBy}, ${next ? "revised" : "unchanged"}, ${revision.note}, subject, body, model, prompt_version, provenance, ${now.getTime()}
      FROM drafts WHERE id = ${draftId} AND status = 'draft' AND revisions = ${seq - 1}
      ON CONFLICT DO NOTHING`),
    database
      .update(drafts)
      .set({ revisions: seq, updatedAt: now, ...(next ?? {}) })
      .where(and(eq(drafts.id, draftId), eq(drafts.status, "draft"), eq(drafts.revisions, seq - 1))),
  ]);
  return inserted.rowsAffected === 1;
}

/** A draft's revision requests, oldest first, each with the version it replaced. */
export async function revisionsOfDraft(database: Database, draftId: number) {
  return database
    .select({
      seq: draftRevisions.seq,
      instruction: draftRevisions.instruction,
      requestedBy: draftRevisions.requestedBy,
      outcome: draftRevisions.outcome,
      note: draftRevisions.note,
      previousSubject: draftRevisions.previousSubject,
      previousBody: draftRevisions.previousBody,
      previousModel: draftRevisions.previousModel,
      createdAt: draftRevisions.createdAt,
    })
    .from(draftRevisions)
    .where(eq(draftRevisions.draftId, draftId))
    .orderBy(asc(draftRevisions.seq));
}

export async function setDraftStatus(database: Database, draftId: number, status: DraftStatus, extra: { sentAt?: Date } = {}) {
  await database.update(drafts).set({ status, ...extra, updatedAt: new Date() }).where(eq(drafts.id, draftId));
}

export async function setDraftRunUrl(database: Database, draftId: number, runUrl: string, traceId: string | null) {
  await database.update(drafts).set({ runUrl, ...(traceId ? { traceId } : {}) }).where(eq(drafts.id, draftId));
}

export async function getDraft(database: Database, draftId: number) {
  const [row] = await database.select().from(drafts).where(eq(drafts.id, draftId)).limit(1);
  return row ?? null;
}

export type DraftRow = NonNullable<Awaited<ReturnType<typeof getDraft>>>;

/** The campaign enrollment a draft belongs to (null outside campaigns, or no such draft): what the sender's hold needs, read by primary key. */
export async function enrollmentOfDraft(database: Database, draftId: number): Promise<number | null> {
  const [row] = await database.select({ enrollmentId: drafts.enrollmentId }).from(drafts).where(eq(drafts.id, draftId)).limit(1);
  return row?.enrollmentId ?? null;
}

export type DraftListFilter = {
  /** Only this rep's drafts (a rep's own; an admin's owner filter); undefined: everyone's. */
  repId?: string;
  status?: DraftStatus;
  campaignId?: number;
  tier?: string;
  /** Only drafts created at or after this time. */
  since?: Date;
  /** Keyset cursor: drafts created before (createdAt, id). */
  before?: { createdAt: Date; id: number };
  limit: number;
};

/** The filters the queue and its count share. */
function draftConditions(filter: Omit<DraftListFilter, "before" | "limit">): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.repId) conditions.push(eq(drafts.assignedRepId, filter.repId));
  if (filter.status) conditions.push(eq(drafts.status, filter.status));
  if (filter.campaignId) conditions.push(eq(drafts.campaignId, filter.campaignId));
  if (filter.tier) conditions.push(eq(drafts.tier, filter.tier));
  if (filter.since) conditions.push(gte(drafts.createdAt, filter.since));
  return conditions.length ? and(...conditions) : undefined;
}

/** The queue, newest first, paged by keyset so page 1,000 costs what page 1 costs. */
export async function listDrafts(database: Database, filter: DraftListFilter) {
  const where = draftConditions(filter);
  const { before } = filter;
  const page = before
    ? and(where, or(lt(drafts.createdAt, before.createdAt), and(eq(drafts.createdAt, before.createdAt), lt(drafts.id, before.id))))
    : where;
  const rows = await database
    .select({
      id: drafts.id,
      /** An email, or a proposal (approved from its own view; approving it sends nothing). */
      kind: drafts.kind,
      status: drafts.status,
      subject: drafts.subject,
      editedSubject: drafts.editedSubject,
      tier: drafts.tier,
      action: drafts.action,
      model: drafts.model,
      confidence: sql<number>`json_extract(${drafts.provenance}, '$.confidence')`,
      createdAt: drafts.createdAt,
      contactId: contacts.id,
      contactName: contacts.firstName,
      contactLastName: contacts.lastName,
      companyName: companies.name,
      campaignName: emailCampaigns.name,
      campaignId: drafts.campaignId,
      /** A campaign touch's number, for the queue's "campaign · touch N" tag. */
      step: drafts.step,
      ownerId: drafts.assignedRepId,
      ownerName: users.name,
      /** When an approval waiting its undo window may run (epoch ms), or null: one indexed lookup per row. */
      sendAt: sql<number | null>`(SELECT ${jobs.runAt} FROM ${jobs} WHERE ${pendingJob})`,
    })
    .from(drafts)
    .innerJoin(contacts, eq(contacts.id, drafts.contactId))
    .leftJoin(companies, eq(companies.id, drafts.companyId))
    .leftJoin(emailCampaigns, eq(emailCampaigns.id, drafts.campaignId))
    .leftJoin(users, eq(users.id, drafts.assignedRepId))
    .where(page)
    .orderBy(desc(drafts.createdAt), desc(drafts.id))
    .limit(filter.limit);
  return rows;
}

/**
 * How many drafts match, counted up to `cap`: the queue shows "1,000+" rather than scanning
 * 100,000 index entries on every page load.
 */
export async function countDrafts(database: Database, filter: Omit<DraftListFilter, "before" | "limit">, cap = 1_000) {
  const capped = database.select({ one: sql`1` }).from(drafts).where(draftConditions(filter)).limit(cap + 1).as("capped");
  const [row] = await database.select({ n: count() }).from(capped);
  const n = row?.n ?? 0;
  return { total: Math.min(n, cap), more: n > cap };
}

export async function getDraftsByIds(database: Database, ids: number[]) {
  if (ids.length === 0) return [];
  return database.select().from(drafts).where(inArray(drafts.id, ids)).orderBy(asc(drafts.id));
}

/** The draft a run stored, if it stored one. */
export async function draftForRun(database: Database, runId: string) {
  const [row] = await database
    .select({ id: drafts.id, subject: drafts.subject, editedSubject: drafts.editedSubject, status: drafts.status, model: drafts.model })
    .from(drafts)
    .where(eq(drafts.runId, runId))
    .limit(1);
  return row ?? null;
}

/**
 * Whether a draft assigned to this rep came from the run. A draft's thread is the run's thread
 * (the approval resumes it in a second run), so the indexed thread lookup covers both runs.
 */
export async function runHasDraftFor(database: Database, run: { id: string; threadId: string | null }, repId: string): Promise<boolean> {
  const match = run.threadId ? eq(drafts.threadId, run.threadId) : eq(drafts.runId, run.id);
  const [row] = await database.select({ id: drafts.id }).from(drafts).where(and(match, eq(drafts.assignedRepId, repId))).limit(1);
  return row !== undefined;
}

/** An approval made in the console, waiting its undo window: what the job will answer the interrupt with. */
export type PendingDecision = {
  draftId: number;
  threadId: string;
  decision: { type: "accept" } | { type: "edit"; subject: string; body: string };
  decidedBy: string | null;
};

/** The pending approval of a draft (its job's time, state and decision), if it has one. */
export async function pendingDecisionOf(database: Database, draftId: number) {
  const [row] = await database
    .select({ runAt: jobs.runAt, status: jobs.status, payload: jobs.payload })
    .from(jobs)
    .where(and(eq(jobs.dedupeKey, draftDecisionKey(draftId)), inArray(jobs.status, ["queued", "running", "failed"])))
    .limit(1);
  return row ? { sendAt: row.runAt, state: row.status, decision: (row.payload as PendingDecision).decision } : null;
}

/**
 * Undo: withdraws the pending approvals of these drafts that have not started, in one
 * conditional DELETE. A job's claim is one conditional UPDATE from queued to running; SQLite runs
 * the two one after the other, so for each draft exactly one of them wins: undone here (nothing
 * reached the graph or the outbox, the draft still waits) or claimed by a runner (too late).
 * Returns the drafts whose approval was withdrawn.
 */
export async function cancelPendingDecisions(database: Database, draftIds: number[]): Promise<number[]> {
  if (draftIds.length === 0) return [];
  const rows = await database
    .delete(jobs)
    .where(and(eq(jobs.kind, DRAFT_DECISION_KIND), eq(jobs.status, "queued"), inArray(jobs.dedupeKey, draftIds.map(draftDecisionKey))))
    .returning({ dedupeKey: jobs.dedupeKey });
  return rows.map((r) => Number(r.dedupeKey!.slice("draft:".length)));
}
