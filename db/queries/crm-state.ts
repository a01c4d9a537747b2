import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import { campaignEnrollments, companies, contactEmailStats, contactScores, contacts, drafts, emailCampaigns, emails, outcomes, tasks, type EnrollmentStatus, type Seniority } from "../schema";
import { suppressionOf } from "./contacts";

/** Most contacts of an account the planner is shown (most senior first). */
export const MOST_CONTACTS = 25;
const MOST_CAMPAIGNS = 5;

/** One contact as the CRM orchestrator reasons over it. */
export type ContactState = {
  id: number;
  name: string;
  title: string | null;
  seniority: Seniority | null;
  ownerId: string | null;
  /** Why nobody may write to them (do-not-contact, bounced, unsubscribed, suppressed), or null. */
  blocked: string | null;
  replied: boolean;
  stats: { outbound: number; opened: number; inbound: number; bounced: number };
  /** The latest email's direction and id (an inbound one may need an answer). */
  lastEmail: { id: number; direction: "outbound" | "inbound"; sentAt: number } | null;
  outcomes: { positive: number; negative: number };
  openDrafts: number;
  /** Every enrollment of the contact; `updatedAt` (ms) is when a finished one ended (the cooldown's start). */
  enrollments: { campaignId: number; status: EnrollmentStatus; updatedAt: number }[];
  openTasks: number;
  /** The stored score (lib/scoring), or null when never scored. */
  score: { score: number; tier: string } | null;
};

/** What crm_orchestrator reads: the account, its contacts in scope, and the campaigns it could use. */
export type CrmState = {
  company: { id: number; name: string; vertical: string; country: string | null; hqCity: string | null };
  contacts: ContactState[];
  /** Active campaigns of the account's vertical, with the settings the enrollment guard reads. */
  campaigns: { id: number; name: string; allowOverlap: boolean; cooldownDays: number }[];
  /** When the state was read (ms): the "now" the enrollment guard's cooldown is judged at. */
  readAt: number;
};

const SENIORITY_RANK = sql`CASE ${contacts.seniority} WHEN 'c_level' THEN 0 WHEN 'vp' THEN 1 WHEN 'director' THEN 2 WHEN 'manager' THEN 3 WHEN 'senior' THEN 4 WHEN 'entry' THEN 5 ELSE 6 END`;

/**
 * The CRM state of one contact (with its company) or one account (its most senior contacts):
 * the facts a plan is reasoned from. Null when the subject does not exist (or the contact is not
 * at that company).
 */
export async function readCrmState(database: Database, subject: { companyId: number; contactId: number | null }, now: Date): Promise<CrmState | null> {
  const [company] = await database
    .select({ id: companies.id, name: companies.name, vertical: companies.vertical, country: companies.country, hqCity: companies.hqCity })
    .from(companies)
    .where(eq(companies.id, subject.companyId))
    .limit(1);
  if (!company) return null;
  const people = await database
    .select({ contact: contacts, stats: contactEmailStats, score: { score: contactScores.score, tier: contactScores.tier } })
    .from(contacts)
    .leftJoin(contactEmailStats, eq(contactEmailStats.contactId, contacts.id))
    .leftJoin(contactScores, eq(contactScores.contactId, contacts.id))
    .where(and(eq(contacts.companyId, subject.companyId), subject.contactId === null ? undefined : eq(contacts.id, subject.contactId)))
    .orderBy(SENIORITY_RANK, contacts.id)
    .limit(MOST_CONTACTS);
  if (subject.contactId !== null && people.length === 0) return null;
  const ids = people.map((p) => p.contact.id);
  const [suppressed, lastEmails, outcomeRows, draftRows, enrollmentRows, taskRows, campaigns] = await Promise.all([
    suppressionOf(database, people.map((p) => p.contact.email)),
    ids.length
      ? database
          .select({ contactId: emails.contactId, id: emails.id, direction: emails.direction, sentAt: emails.sentAt })
          .from(emails)
          .where(and(inArray(emails.contactId, ids), sql`${emails.id} = (SELECT e2.id FROM emails e2 WHERE e2.contact_id = ${emails.contactId} ORDER BY e2.sent_at DESC, e2.id DESC LIMIT 1)`))
      : [],
    ids.length
      ? database
          .select({ contactId: outcomes.contactId, polarity: outcomes.polarity, n: sql<number>`count(*)` })
          .from(outcomes)
          .where(inArray(outcomes.contactId, ids))
          .groupBy(outcomes.contactId, outcomes.polarity)
      : [],
    ids.length ? database.select({ contactId: drafts.contactId, n: sql<number>`count(*)` }).from(drafts).where(and(inArray(drafts.contactId, ids), eq(drafts.status, "draft"))).groupBy(drafts.contactId) : [],
    ids.length ? database.select({ contactId: campaignEnrollments.contactId, campaignId: campaignEnrollments.campaignId, status: campaignEnrollments.status, updatedAt: campaignEnrollments.updatedAt }).from(campaignEnrollments).where(inArray(campaignEnrollments.contactId, ids)) : [],
    ids.length ? database.select({ contactId: tasks.contactId, n: sql<number>`count(*)` }).from(tasks).where(and(inArray(tasks.contactId, ids), eq(tasks.status, "open"))).groupBy(tasks.contactId) : [],
    database
      .select({ id: emailCampaigns.id, name: emailCampaigns.name, allowOverlap: emailCampaigns.allowOverlap, cooldownDays: emailCampaigns.cooldownDays })
      .from(emailCampaigns)
      // Only campaigns of the account's own vertical: one with no vertical stored may be aimed at
      // any audience (a retail pitch would reach a fintech CFO), so it is never proposed.
      .where(and(eq(emailCampaigns.status, "active"), eq(emailCampaigns.vertical, company.vertical)))
      .orderBy(desc(emailCampaigns.id))
      .limit(MOST_CAMPAIGNS),
  ]);
  const countOf = (rows: { contactId: number | null; n: number }[], id: number) => Number(rows.find((r) => r.contactId === id)?.n ?? 0);
  return {
    company,
    campaigns,
    readAt: now.getTime(),
    contacts: people.map(({ contact: c, stats, score }) => {
      const last = lastEmails.find((e) => e.contactId === c.id);
      const listed = suppressed.get(c.email);
      const blocked = c.doNotContact ? "do_not_contact" : c.bounced ? "bounced" : c.unsubscribed ? "unsubscribed" : listed ? `suppressed (${listed})` : null;
      return {
        id: c.id,
        name: `${c.firstName} ${c.lastName}`,
        title: c.title,
        seniority: c.seniority,
        ownerId: c.ownerId,
        blocked,
        replied: c.replied,
        stats: { outbound: stats?.outbound ?? 0, opened: stats?.opened ?? 0, inbound: stats?.inbound ?? 0, bounced: stats?.bounced ?? 0 },
        lastEmail: last ? { id: last.id, direction: last.direction, sentAt: last.sentAt.getTime() } : null,
        outcomes: { positive: countOf(outcomeRows.filter((o) => o.polarity === "positive"), c.id), negative: countOf(outcomeRows.filter((o) => o.polarity === "negative"), c.id) },
        openDrafts: countOf(draftRows, c.id),
        enrollments: enrollmentRows.filter((e) => e.contactId === c.id).map(({ campaignId, status, updatedAt }) => ({ campaignId, status, updatedAt: updatedAt.getTime() })),
        openTasks: countOf(taskRows, c.id),
        score: score ? { score: score.score, tier: score.tier } : null,
      };
    }),
  };
}

/** The contact's latest inbound email's id (the message an objection would be in), or null. */
export async function latestInboundEmailOf(database: Database, contactId: number): Promise<number | null> {
  const [row] = await database
    .select({ id: emails.id })
    .from(emails)
    .where(and(eq(emails.contactId, contactId), eq(emails.direction, "inbound")))
    .orderBy(desc(emails.sentAt), desc(emails.id))
    .limit(1);
  return row?.id ?? null;
}
