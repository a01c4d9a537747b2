import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { Database } from "../client";
import { drafts, emails } from "../schema";

/**
 * How far a launch has got: enrollments written, threads started (the runtime holds their
 * thread), enrollments whose first touch is drafted (they have a draft, whatever became of it),
 * those still waiting for one (active, nothing drafted: their wake job has not run yet), touches
 * waiting for approval and touches sent. Threads are created by the launch itself, so "started"
 * is whole at once while the drafts come from jobs seconds later; the create flow polls until
 * nothing waits. One statement, so it can poll every second while thousands of threads run.
 */
export async function launchProgress(database: Database, campaignId: number) {
  const [row] = await database.all<{ enrolled: number; started: number; drafted: number; drafting: number; awaiting: number; sent: number }>(sql`
    SELECT
      (SELECT count(*) FROM campaign_enrollments WHERE campaign_id = ${campaignId}) AS enrolled,
      (SELECT count(*) FROM campaign_enrollments e WHERE e.campaign_id = ${campaignId} AND EXISTS (SELECT 1 FROM threads t WHERE t.thread_id = e.thread_id)) AS started,
      (SELECT count(*) FROM campaign_enrollments e WHERE e.campaign_id = ${campaignId} AND EXISTS (SELECT 1 FROM drafts d WHERE d.enrollment_id = e.id)) AS drafted,
      (SELECT count(*) FROM campaign_enrollments e WHERE e.campaign_id = ${campaignId} AND e.status = 'active' AND NOT EXISTS (SELECT 1 FROM drafts d WHERE d.enrollment_id = e.id)) AS drafting,
      (SELECT count(*) FROM drafts WHERE campaign_id = ${campaignId} AND status = 'draft') AS awaiting,
      (SELECT count(*) FROM emails WHERE campaign_id = ${campaignId} AND direction = 'outbound') AS sent`);
  return {
    enrolled: Number(row?.enrolled ?? 0),
    started: Number(row?.started ?? 0),
    drafted: Number(row?.drafted ?? 0),
    drafting: Number(row?.drafting ?? 0),
    awaiting: Number(row?.awaiting ?? 0),
    sent: Number(row?.sent ?? 0),
  };
}

/** A contact's campaign mail: every email in a campaign (sent touches and replies), oldest first. */
export async function campaignEmailsOfContact(database: Database, contactId: number) {
  return database
    .select({ id: emails.id, campaignId: emails.campaignId, direction: emails.direction, step: emails.step, subject: emails.subject, sentAt: emails.sentAt, openedAt: emails.openedAt, repliedAt: emails.repliedAt, bouncedAt: emails.bouncedAt })
    .from(emails)
    .where(and(eq(emails.contactId, contactId), isNotNull(emails.campaignId)))
    .orderBy(asc(emails.sentAt));
}

/** A contact's campaign drafts that were not sent (waiting, approved, rejected, withdrawn, failed). */
export async function campaignDraftsOfContact(database: Database, contactId: number) {
  return database
    .select({ id: drafts.id, campaignId: drafts.campaignId, step: drafts.step, subject: drafts.subject, status: drafts.status, createdAt: drafts.createdAt, rejectReason: drafts.rejectReason })
    .from(drafts)
    .where(and(eq(drafts.contactId, contactId), isNotNull(drafts.campaignId), sql`${drafts.status} <> 'sent'`))
    .orderBy(asc(drafts.createdAt));
}


/** The people who own contacts, with how many each owns: the audience's owner filter. */
export async function contactOwners(database: Database) {
  return database.all<{ id: string; name: string; contacts: number }>(sql`
    SELECT u.id AS id, u.name AS name, count(*) AS contacts
    FROM contacts c JOIN users u ON u.id = c.owner_id
    GROUP BY u.id ORDER BY u.name`);
}
