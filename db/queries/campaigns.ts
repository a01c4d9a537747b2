import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { loadOutreachContext } from "./outreach";
import { campaignEmailStats, campaignEnrollments, companies, contacts, emailCampaigns, emails, type EnrollmentStatus } from "../schema";

export type CampaignRow = typeof emailCampaigns.$inferSelect;
export type NewCampaign = typeof emailCampaigns.$inferInsert;

export async function insertCampaign(database: Database, campaign: NewCampaign): Promise<number> {
  const [row] = await database.insert(emailCampaigns).values(campaign).returning({ id: emailCampaigns.id });
  return row!.id;
}

export async function getCampaignRow(database: Database, id: number): Promise<CampaignRow | null> {
  const [row] = await database.select().from(emailCampaigns).where(eq(emailCampaigns.id, id)).limit(1);
  return row ?? null;
}

/** Changes a campaign, only from one of `from` statuses (a launch, a pause, a resume). False when it was in none. */
export async function updateCampaign(database: Database, id: number, set: Partial<NewCampaign>, from?: readonly CampaignRow["status"][]): Promise<boolean> {
  const result = await database
    .update(emailCampaigns)
    .set(set)
    .where(and(eq(emailCampaigns.id, id), from ? sql`${emailCampaigns.status} IN (SELECT value FROM json_each(${JSON.stringify(from)}))` : undefined));
  return result.rowsAffected === 1;
}

export type StatusCounts = Partial<Record<EnrollmentStatus, number>>;

/** Enrollments per status, per campaign: one scan of enrollments_campaign_status_idx. */
export async function enrollmentStatusCounts(database: Database, campaignId?: number): Promise<Map<number, StatusCounts>> {
  const rows = await database
    .select({ campaignId: campaignEnrollments.campaignId, status: campaignEnrollments.status, n: count() })
    .from(campaignEnrollments)
    .where(campaignId === undefined ? undefined : eq(campaignEnrollments.campaignId, campaignId))
    .groupBy(campaignEnrollments.campaignId, campaignEnrollments.status);
  const byCampaign = new Map<number, StatusCounts>();
  for (const r of rows) {
    const counts = byCampaign.get(r.campaignId) ?? {};
    counts[r.status] = r.n;
    byCampaign.set(r.campaignId, counts);
  }
  return byCampaign;
}

/** Per campaign: contacts sent to, and contacts who answered (an inbound email in the campaign). */
export async function campaignReach(database: Database, campaignId?: number): Promise<Map<number, { contacted: number; answered: number; bounced: number }>> {
  const rows = await database
    .select({
      campaignId: campaignEmailStats.campaignId,
      contacted: sql<number>`sum(${campaignEmailStats.outbound} > 0)`,
      answered: sql<number>`sum(${campaignEmailStats.inbound} > 0)`,
      bounced: sql<number>`sum(${campaignEmailStats.bounced} > 0)`,
    })
    .from(campaignEmailStats)
    .where(campaignId === undefined ? undefined : eq(campaignEmailStats.campaignId, campaignId))
    .groupBy(campaignEmailStats.campaignId);
  return new Map(rows.map((r) => [r.campaignId, { contacted: Number(r.contacted ?? 0), answered: Number(r.answered ?? 0), bounced: Number(r.bounced ?? 0) }]));
}

export async function listCampaignRows(database: Database): Promise<CampaignRow[]> {
  return database.select().from(emailCampaigns).orderBy(desc(emailCampaigns.createdAt), desc(emailCampaigns.id));
}

/** Per touch (step) of a campaign: sent, opened, replied, bounced (emails_campaign_sent_idx). */
export async function stepFunnel(database: Database, campaignId: number, ownerId?: string) {
  const rows = await database
    .select({
      step: emails.step,
      sent: count(),
      opened: sql<number>`count(${emails.openedAt})`,
      replied: sql<number>`count(${emails.repliedAt})`,
      bounced: sql<number>`count(${emails.bouncedAt})`,
    })
    .from(emails)
    .where(
      and(
        eq(emails.campaignId, campaignId),
        eq(emails.direction, "outbound"),
        ownerId ? sql`${emails.contactId} IN (SELECT id FROM contacts WHERE owner_id = ${ownerId})` : undefined,
      ),
    )
    .groupBy(emails.step)
    .orderBy(asc(emails.step));
  return rows.map((r) => ({ step: r.step ?? 0, sent: r.sent, opened: Number(r.opened), replied: Number(r.replied), bounced: Number(r.bounced) }));
}

/** Touches sent per UTC day (YYYY-MM-DD) for a campaign, or for every campaign when omitted. */
export async function touchesPerDay(database: Database, campaignId?: number, ownerId?: string) {
  const day = sql<string>`strftime('%Y-%m-%d', ${emails.sentAt} / 1000, 'unixepoch')`;
  const rows = await database
    .select({ campaignId: emails.campaignId, day, sent: count() })
    .from(emails)
    .where(
      and(
        campaignId === undefined ? sql`${emails.campaignId} IS NOT NULL` : eq(emails.campaignId, campaignId),
        eq(emails.direction, "outbound"),
        ownerId ? sql`${emails.contactId} IN (SELECT id FROM contacts WHERE owner_id = ${ownerId})` : undefined,
      ),
    )
    .groupBy(emails.campaignId, day)
    .orderBy(asc(day));
  return rows.map((r) => ({ campaignId: r.campaignId!, day: r.day, sent: r.sent }));
}

export type EnrollmentPageFilter = { status?: EnrollmentStatus; ownerId?: string; page: number; pageSize: number };

/** A page of a campaign's enrollments with the contact's name, address and company. */
export async function enrollmentPage(database: Database, campaignId: number, filter: EnrollmentPageFilter) {
  const where = and(
    eq(campaignEnrollments.campaignId, campaignId),
    filter.status ? eq(campaignEnrollments.status, filter.status) : undefined,
    filter.ownerId ? eq(contacts.ownerId, filter.ownerId) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    database
      .select({
        id: campaignEnrollments.id,
        contactId: campaignEnrollments.contactId,
        firstName: contacts.firstName,
        lastName: contacts.lastName,
        email: contacts.email,
        companyName: companies.name,
        ownerId: contacts.ownerId,
        status: campaignEnrollments.status,
        step: campaignEnrollments.step,
        threadId: campaignEnrollments.threadId,
        nextWakeAt: campaignEnrollments.nextWakeAt,
        stopReason: campaignEnrollments.stopReason,
        pausedUntil: campaignEnrollments.pausedUntil,
        lastEvent: campaignEnrollments.lastEvent,
        lastEventAt: campaignEnrollments.lastEventAt,
        deferredReason: campaignEnrollments.deferredReason,
        predictedSendAt: campaignEnrollments.predictedSendAt,
        enrolledAt: campaignEnrollments.enrolledAt,
      })
      .from(campaignEnrollments)
      .innerJoin(contacts, eq(contacts.id, campaignEnrollments.contactId))
      .innerJoin(companies, eq(companies.id, contacts.companyId))
      .where(where)
      .orderBy(asc(campaignEnrollments.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    database.select({ n: count() }).from(campaignEnrollments).innerJoin(contacts, eq(contacts.id, campaignEnrollments.contactId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0, page: filter.page, pageSize: filter.pageSize };
}
export type EnrollmentPage = Awaited<ReturnType<typeof enrollmentPage>>;

/** A contact's enrollments with their campaign's name (the contact page). */
export async function enrollmentsOfContact(database: Database, contactId: number) {
  return database
    .select({
      id: campaignEnrollments.id,
      campaignId: campaignEnrollments.campaignId,
      campaignName: emailCampaigns.name,
      status: campaignEnrollments.status,
      step: campaignEnrollments.step,
      nextWakeAt: campaignEnrollments.nextWakeAt,
      stopReason: campaignEnrollments.stopReason,
      lastEvent: campaignEnrollments.lastEvent,
      lastEventAt: campaignEnrollments.lastEventAt,
    })
    .from(campaignEnrollments)
    .innerJoin(emailCampaigns, eq(emailCampaigns.id, campaignEnrollments.campaignId))
    .where(eq(campaignEnrollments.contactId, contactId))
    .orderBy(desc(campaignEnrollments.enrolledAt));
}

/** Enrollment ids of a campaign (for bulk operations), optionally of one status. */
export async function enrollmentIdsOf(database: Database, campaignId: number, status?: EnrollmentStatus): Promise<number[]> {
  const rows = await database
    .select({ id: campaignEnrollments.id })
    .from(campaignEnrollments)
    .where(and(eq(campaignEnrollments.campaignId, campaignId), status ? eq(campaignEnrollments.status, status) : undefined));
  return rows.map((r) => r.id);
}

/**
 * What a campaign thread drafts from: its enrollment, the contact, company and facts (the
 * outreach context every drafting graph reads) and the campaign with its launched plan and panel.
 * Null when the enrollment (or the contact) no longer exists.
 */
export async function loadTouchContext(database: Database, campaignId: number, contactId: number) {
  const [context, campaign, [enrollment]] = await Promise.all([
    loadOutreachContext(database, contactId, null),
    getCampaignRow(database, campaignId),
    database
      .select({ id: campaignEnrollments.id })
      .from(campaignEnrollments)
      .where(and(eq(campaignEnrollments.campaignId, campaignId), eq(campaignEnrollments.contactId, contactId)))
      .limit(1),
  ]);
  if (!context || !campaign || !enrollment) return null;
  return { enrollmentId: enrollment.id, ...context, campaign };
}
