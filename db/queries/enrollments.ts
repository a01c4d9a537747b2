import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../client";
import { campaignEnrollments, contacts, drafts, emailCampaigns, outcomes, type DeferredReason, type EnrollmentStatus } from "../schema";
import { isSuppressed } from "./suppression";

export type EnrollmentRow = typeof campaignEnrollments.$inferSelect;

/** The job kind that resumes one sleeping campaign thread (its handler lives in lib/jobs). */
export const CAMPAIGN_WAKE_KIND = "campaign_wake";
/** One live wake job per enrollment: two schedulers (or two ticks) queue it once. */
export const campaignWakeKey = (enrollmentId: number) => `campaign_wake:${enrollmentId}`;
/** Attempts a wake job gets (the catalogue's policy matches it). */
export const CAMPAIGN_WAKE_ATTEMPTS = 5;

/** The name of one (campaign, contact)'s thread, as people and run metadata read it. */
export const campaignThreadName = (campaignId: number, contactId: number) => `campaign-${campaignId}-${contactId}`;

/**
 * The thread id of one (campaign, contact): a UUID (version 5 layout) derived from its name, since
 * the embedded runtime and LangGraph Platform both take only UUID thread ids. Deterministic, so
 * the pair has one thread whoever starts it.
 */
export function campaignThreadId(campaignId: number, contactId: number): string {
  const hash = createHash("sha1").update(`sales-console:${campaignThreadName(campaignId, contactId)}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const idsJson = (ids: readonly number[]) => sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;

/** Rows per INSERT statement: SQLite binds at most 32,766 parameters; an enrollment row binds 7. */
const INSERT_ROWS = 1_000;

/**
 * Enrolls contacts: one row each, active, first wake-up at `wakeAt`, thread id assigned (the
 * runtime creates the thread on its first run). Written in one batch of multi-row INSERTs, so a
 * launch of 10,000 is a handful of statements; a contact already enrolled is skipped (the unique
 * key), never replaced (the stats triggers need INSERT, not REPLACE). Returns rows written.
 */
export async function insertEnrollments(database: Database, campaignId: number, contactIds: readonly number[], wakeAt: Date): Promise<number> {
  if (contactIds.length === 0) return 0;
  const statements: BatchItem<"sqlite">[] = [];
  for (let i = 0; i < contactIds.length; i += INSERT_ROWS) {
    const chunk = contactIds.slice(i, i + INSERT_ROWS);
    statements.push(
      database
        .insert(campaignEnrollments)
        .values(
          chunk.map((contactId) => ({
            campaignId,
            contactId,
            threadId: campaignThreadId(campaignId, contactId),
            status: "active" as const,
            nextWakeAt: wakeAt,
            lastEvent: "enrolled",
            lastEventAt: wakeAt,
          })),
        )
        .onConflictDoNothing(),
    );
  }
  const results = await database.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  return results.reduce((n: number, r) => n + ((r as { rowsAffected?: number }).rowsAffected ?? 0), 0);
}

/**
 * The scheduler's tick: due enrollments (`status = 'active' AND next_wake_at <= now`, one range
 * scan of enrollments_wake_idx) get a campaign_wake job, and their `next_wake_at` moves to
 * `retryAt`, in one batch (one transaction). Dated pauses whose date has come are made active first
 * (the same index, status 'paused'). Moving the wake is the claim: a second process
 * ticking at the same moment finds nothing due; if the job is lost or dies, the enrollment is
 * due again at `retryAt`. The thread itself sets the real next wake when it runs.
 */
export async function queueDueWakes(database: Database, now: Date, retryAt: Date, limit: number): Promise<number> {
  const due = sql`SELECT id FROM campaign_enrollments WHERE status = 'active' AND next_wake_at <= ${now.getTime()} ORDER BY next_wake_at, id LIMIT ${limit}`;
  const [, inserted] = await database.batch([
    // Dated pauses (out-of-office) that have run out: active again, due now.
    database.run(sql`UPDATE campaign_enrollments SET status = 'active', paused_until = NULL, deferred_reason = NULL, predicted_send_at = NULL, last_event = 'pause ended', last_event_at = ${now.getTime()} WHERE status = 'paused' AND next_wake_at <= ${now.getTime()}`),
    database.run(sql`
      INSERT INTO jobs (kind, payload, run_at, max_attempts, dedupe_key)
      SELECT ${CAMPAIGN_WAKE_KIND}, json_object('enrollmentId', e.id, 'threadId', e.thread_id, 'wakeAt', e.next_wake_at, 'claimUntil', ${retryAt.getTime()}), ${now.getTime()}, ${CAMPAIGN_WAKE_ATTEMPTS}, 'campaign_wake:' || e.id
      FROM campaign_enrollments e WHERE e.id IN (${due})
      ON CONFLICT DO NOTHING`),
    database.run(sql`UPDATE campaign_enrollments SET next_wake_at = ${retryAt.getTime()} WHERE id IN (${due})`),
  ]);
  return inserted.rowsAffected;
}

/** The due query alone, for the benchmark's EXPLAIN and for tests. */
export async function dueEnrollmentIds(database: Database, now: Date, limit: number): Promise<number[]> {
  const rows = await database
    .select({ id: campaignEnrollments.id })
    .from(campaignEnrollments)
    .where(and(eq(campaignEnrollments.status, "active"), sql`${campaignEnrollments.nextWakeAt} <= ${now.getTime()}`))
    .orderBy(campaignEnrollments.nextWakeAt, campaignEnrollments.id)
    .limit(limit);
  return rows.map((r) => r.id);
}

export async function getEnrollment(database: Database, id: number): Promise<EnrollmentRow | null> {
  const [row] = await database.select().from(campaignEnrollments).where(eq(campaignEnrollments.id, id)).limit(1);
  return row ?? null;
}

export async function enrollmentOf(database: Database, campaignId: number, contactId: number): Promise<EnrollmentRow | null> {
  const [row] = await database
    .select()
    .from(campaignEnrollments)
    .where(and(eq(campaignEnrollments.campaignId, campaignId), eq(campaignEnrollments.contactId, contactId)))
    .limit(1);
  return row ?? null;
}

/** What the campaign graph writes back as it moves: step, wake, last event, deferral. */
export type EnrollmentProgress = Partial<Pick<EnrollmentRow, "step" | "nextWakeAt" | "lastEvent" | "lastEventAt" | "deferredReason" | "predictedSendAt" | "status" | "stopReason" | "pausedUntil">>;

/**
 * Records the thread's progress, only while the enrollment is still `active` (or `paused` when
 * `fromPaused`): a stop or removal written meanwhile by a person or the inbound hook wins.
 */
export async function updateEnrollmentProgress(database: Database, id: number, progress: EnrollmentProgress, at: Date, statuses: readonly EnrollmentStatus[] = ["active"]): Promise<boolean> {
  const result = await database
    .update(campaignEnrollments)
    .set({ ...progress, updatedAt: at })
    .where(and(eq(campaignEnrollments.id, id), inArray(campaignEnrollments.status, [...statuses])));
  return result.rowsAffected === 1;
}

/** Waiting touch drafts of these enrollments, withdrawn with the reason (one statement). */
const withdrawDrafts = (database: Database, enrollmentIds: readonly number[], reason: string, at: Date) =>
  database
    .update(drafts)
    .set({ status: "withdrawn", rejectReason: reason, decidedAt: at, updatedAt: at })
    .where(and(sql`${drafts.enrollmentId} IN ${idsJson(enrollmentIds)}`, eq(drafts.status, "draft")))
    .returning({ id: drafts.id });

/**
 * Ends enrollments (a stop rule, a person's removal): the status and reason, no further wake,
 * and each one's waiting touch draft withdrawn from the queue with the reason, in one batch.
 * Only live enrollments (active, paused) change. Returns the withdrawn draft ids.
 */
export async function stopEnrollments(database: Database, ids: readonly number[], stop: { status: EnrollmentStatus; reason: string; at: Date }): Promise<{ stopped: number; withdrawn: number[] }> {
  if (ids.length === 0) return { stopped: 0, withdrawn: [] };
  const [stopped, withdrawn] = await database.batch([
    database
      .update(campaignEnrollments)
      .set({ status: stop.status, stopReason: stop.reason, nextWakeAt: null, pausedUntil: null, deferredReason: null, predictedSendAt: null, lastEvent: stop.reason, lastEventAt: stop.at, updatedAt: stop.at })
      .where(and(sql`${campaignEnrollments.id} IN ${idsJson(ids)}`, inArray(campaignEnrollments.status, ["active", "paused"]))),
    withdrawDrafts(database, ids, stop.reason, stop.at),
  ]);
  return { stopped: stopped.rowsAffected, withdrawn: withdrawn.map((d) => d.id) };
}

export type PauseScope = "campaign" | "contact";

/**
 * Pauses live enrollments. `until` null lasts until someone resumes; a dated pause (an
 * out-of-office's return date) keeps that date as its wake, and the scheduler's tick makes it
 * active again then (same wake index, status 'paused'). A waiting draft stays in the queue; the
 * send check holds it back while the enrollment is paused.
 */
export async function pauseEnrollments(database: Database, ids: readonly number[], pause: { until: Date | null; reason: string; scope: PauseScope; at: Date }): Promise<number> {
  if (ids.length === 0) return 0;
  const deferred: DeferredReason = { kind: "paused", detail: { scope: pause.scope, until: pause.until?.toISOString() ?? null, reason: pause.reason } };
  const result = await database
    .update(campaignEnrollments)
    .set({ status: "paused", pausedUntil: pause.until, deferredReason: deferred, predictedSendAt: pause.until, nextWakeAt: pause.until, lastEvent: pause.reason, lastEventAt: pause.at, updatedAt: pause.at })
    .where(and(sql`${campaignEnrollments.id} IN ${idsJson(ids)}`, inArray(campaignEnrollments.status, ["active", "paused"])));
  return result.rowsAffected;
}

/** Pauses a campaign's live enrollments (scope campaign), so resuming the campaign leaves a contact's own pause alone. */
export async function pauseCampaignEnrollments(database: Database, campaignId: number, at: Date): Promise<number> {
  const deferred: DeferredReason = { kind: "paused", detail: { scope: "campaign", until: null, reason: "Campaign paused." } };
  const result = await database
    .update(campaignEnrollments)
    .set({ status: "paused", deferredReason: deferred, predictedSendAt: null, nextWakeAt: null, lastEvent: "campaign paused", lastEventAt: at, updatedAt: at })
    .where(and(eq(campaignEnrollments.campaignId, campaignId), eq(campaignEnrollments.status, "active")));
  return result.rowsAffected;
}

/** Holds one enrollment as its paused campaign's (a thread found the campaign paused when it woke). */
export function holdForPausedCampaign(database: Database, id: number, at: Date): Promise<number> {
  return pauseEnrollments(database, [id], { until: null, reason: "Campaign paused.", scope: "campaign", at });
}

/** Resumes paused enrollments; each wakes at `at` and its thread decides what is due then. */
export async function resumeEnrollments(database: Database, ids: readonly number[], at: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await database
    .update(campaignEnrollments)
    .set(resumed(at))
    .where(and(sql`${campaignEnrollments.id} IN ${idsJson(ids)}`, eq(campaignEnrollments.status, "paused")));
  return result.rowsAffected;
}

/** Resumes the enrollments the campaign's pause paused (not those a person or an out-of-office paused). */
export async function resumeCampaignEnrollments(database: Database, campaignId: number, at: Date): Promise<number> {
  const result = await database
    .update(campaignEnrollments)
    .set(resumed(at))
    .where(and(eq(campaignEnrollments.campaignId, campaignId), eq(campaignEnrollments.status, "paused"), sql`json_extract(${campaignEnrollments.deferredReason}, '$.detail.scope') = 'campaign'`));
  return result.rowsAffected;
}

const resumed = (at: Date) => ({ status: "active" as const, pausedUntil: null, deferredReason: null, predictedSendAt: null, nextWakeAt: at, lastEvent: "resumed", lastEventAt: at, updatedAt: at });

/** Live enrollments of these contacts (optionally only in campaigns that stop company-wide). */
export async function liveEnrollmentsOfContacts(database: Database, contactIds: readonly number[], onlyCompanyWide = false): Promise<{ id: number; campaignId: number; contactId: number }[]> {
  if (contactIds.length === 0) return [];
  return database
    .select({ id: campaignEnrollments.id, campaignId: campaignEnrollments.campaignId, contactId: campaignEnrollments.contactId })
    .from(campaignEnrollments)
    .innerJoin(emailCampaigns, eq(emailCampaigns.id, campaignEnrollments.campaignId))
    .where(
      and(
        sql`${campaignEnrollments.contactId} IN ${idsJson(contactIds)}`,
        inArray(campaignEnrollments.status, ["active", "paused"]),
        onlyCompanyWide ? eq(emailCampaigns.stopOnCompanyReply, true) : undefined,
      ),
    );
}

/** The other contacts of a contact's company. */
export async function colleaguesOf(database: Database, contactId: number): Promise<number[]> {
  const rows = await database
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(sql`${contacts.companyId} = (SELECT company_id FROM contacts WHERE id = ${contactId})`, sql`${contacts.id} <> ${contactId}`));
  return rows.map((r) => r.id);
}

/** Every enrollment of these contacts in any campaign, for the enrollment guards. */
export async function enrollmentsOfContacts(database: Database, contactIds: readonly number[]) {
  if (contactIds.length === 0) return [];
  return database
    .select({ contactId: campaignEnrollments.contactId, campaignId: campaignEnrollments.campaignId, status: campaignEnrollments.status, updatedAt: campaignEnrollments.updatedAt })
    .from(campaignEnrollments)
    .where(sql`${campaignEnrollments.contactId} IN ${idsJson(contactIds)}`);
}

const REPLY_LABELS = ["interested", "not_interested", "info_request", "partnership", "meeting_scheduled"];

/**
 * Everything the stop rules read about one enrollment, in one place: its state and campaign's,
 * the contact's flags and suppression, a meeting since enrolling, a colleague's reply since
 * enrolling. Null when the enrollment is gone.
 */
export async function stopFactsOf(database: Database, enrollmentId: number) {
  const [row] = await database
    .select({
      enrollment: campaignEnrollments,
      campaignStatus: emailCampaigns.status,
      stopOnCompanyReply: emailCampaigns.stopOnCompanyReply,
      email: contacts.email,
      companyId: contacts.companyId,
      doNotContact: contacts.doNotContact,
      bounced: contacts.bounced,
      unsubscribed: contacts.unsubscribed,
      replied: contacts.replied,
    })
    .from(campaignEnrollments)
    .innerJoin(emailCampaigns, eq(emailCampaigns.id, campaignEnrollments.campaignId))
    .innerJoin(contacts, eq(contacts.id, campaignEnrollments.contactId))
    .where(eq(campaignEnrollments.id, enrollmentId))
    .limit(1);
  if (!row) return null;
  const since = row.enrollment.enrolledAt.getTime();
  const [[meeting], [colleague], suppressed] = await Promise.all([
    database
      .select({ one: sql<number>`1` })
      .from(outcomes)
      .where(and(eq(outcomes.contactId, row.enrollment.contactId), eq(outcomes.label, "meeting_scheduled"), sql`${outcomes.at} >= ${since}`))
      .limit(1),
    row.stopOnCompanyReply
      ? database
          .select({ one: sql<number>`1` })
          .from(outcomes)
          .innerJoin(contacts, eq(contacts.id, outcomes.contactId))
          .where(and(eq(contacts.companyId, row.companyId), sql`${contacts.id} <> ${row.enrollment.contactId}`, inArray(outcomes.label, REPLY_LABELS), sql`${outcomes.at} >= ${since}`))
          .limit(1)
      : Promise.resolve([]),
    isSuppressed(database, row.email),
  ]);
  return {
    enrollment: row.enrollment,
    campaignStatus: row.campaignStatus,
    stopOnCompanyReply: row.stopOnCompanyReply,
    gate: { suppressed, doNotContact: row.doNotContact, bounced: row.bounced, unsubscribed: row.unsubscribed, replied: row.replied },
    meetingBooked: meeting !== undefined,
    companyReplied: colleague !== undefined,
  };
}
export type StopFacts = NonNullable<Awaited<ReturnType<typeof stopFactsOf>>>;

/**
 * Sets the next wake of an enrollment the scheduler claimed, only if nothing moved it since the
 * claim (`claimUntil` is the value the tick wrote): a thread that ran meanwhile (an approval
 * resumed it) has written its own next wake, which wins.
 */
export async function settleWake(database: Database, id: number, claimUntil: number | null, nextWakeAt: Date | null): Promise<boolean> {
  const result = await database
    .update(campaignEnrollments)
    .set({ nextWakeAt })
    .where(and(eq(campaignEnrollments.id, id), claimUntil === null ? sql`1` : sql`${campaignEnrollments.nextWakeAt} = ${claimUntil}`));
  return result.rowsAffected === 1;
}

/** Queues a wake for enrollments a stop rule just ended, so their threads end too (a waiting touch is withdrawn, a sleep ends). */
export async function queueWakes(database: Database, enrollmentIds: readonly number[], now: Date): Promise<void> {
  if (enrollmentIds.length === 0) return;
  await database.run(sql`
    INSERT INTO jobs (kind, payload, run_at, max_attempts, dedupe_key)
    SELECT ${CAMPAIGN_WAKE_KIND}, json_object('enrollmentId', e.id, 'threadId', e.thread_id, 'wakeAt', NULL, 'claimUntil', NULL), ${now.getTime()}, ${CAMPAIGN_WAKE_ATTEMPTS}, 'campaign_wake:' || e.id
    FROM campaign_enrollments e WHERE e.id IN ${idsJson(enrollmentIds)} AND e.thread_id IS NOT NULL
    ON CONFLICT DO NOTHING`);
}
