import { and, asc, count, desc, eq, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import {
  campaignEnrollments, companies, companyFacts, contacts, emailCampaigns, emails, users,
  type Seniority, type Vertical,
} from "../schema";

/** Status filters over the contact flags; `contactable` means no flag is set. */
export const CONTACT_STATUSES = ["contactable", "do_not_contact", "bounced", "unsubscribed", "replied"] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

export type ContactListFilter = {
  /** Matches name, email or company name, case-insensitively. */
  q?: string;
  vertical?: Vertical;
  seniority?: Seniority;
  status?: ContactStatus;
  ownerId?: string;
  companyId?: number;
  page: number;
  pageSize: number;
};

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function statusCondition(status: ContactStatus): SQL {
  switch (status) {
    case "contactable":
      return sql`${contacts.doNotContact} = 0 AND ${contacts.bounced} = 0 AND ${contacts.unsubscribed} = 0 AND ${contacts.replied} = 0`;
    case "do_not_contact":
      return eq(contacts.doNotContact, true);
    case "bounced":
      return eq(contacts.bounced, true);
    case "unsubscribed":
      return eq(contacts.unsubscribed, true);
    case "replied":
      return eq(contacts.replied, true);
  }
}

function listConditions(filter: ContactListFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.q) {
    const pattern = likePattern(filter.q);
    conditions.push(
      or(
        sql`lower(${contacts.firstName} || ' ' || ${contacts.lastName}) LIKE ${pattern} ESCAPE '\\'`,
        sql`${contacts.email} LIKE ${pattern} ESCAPE '\\'`,
        sql`lower(${companies.name}) LIKE ${pattern} ESCAPE '\\'`,
      )!,
    );
  }
  if (filter.vertical) conditions.push(eq(companies.vertical, filter.vertical));
  if (filter.seniority) conditions.push(eq(contacts.seniority, filter.seniority));
  if (filter.status) conditions.push(statusCondition(filter.status));
  if (filter.ownerId) conditions.push(eq(contacts.ownerId, filter.ownerId));
  if (filter.companyId) conditions.push(eq(contacts.companyId, filter.companyId));
  return conditions.length ? and(...conditions) : undefined;
}

export async function listContacts(database: Database, filter: ContactListFilter) {
  const where = listConditions(filter);
  const [rows, [totals]] = await Promise.all([
    database
      .select({
        id: contacts.id,
        firstName: contacts.firstName,
        lastName: contacts.lastName,
        email: contacts.email,
        title: contacts.title,
        seniority: contacts.seniority,
        doNotContact: contacts.doNotContact,
        bounced: contacts.bounced,
        unsubscribed: contacts.unsubscribed,
        replied: contacts.replied,
        lastContactedAt: contacts.lastContactedAt,
        companyId: companies.id,
        companyName: companies.name,
        vertical: companies.vertical,
        ownerName: users.name,
      })
      .from(contacts)
      .innerJoin(companies, eq(companies.id, contacts.companyId))
      .leftJoin(users, eq(users.id, contacts.ownerId))
      .where(where)
      .orderBy(asc(contacts.lastName), asc(contacts.firstName), asc(contacts.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    database
      .select({ total: count() })
      .from(contacts)
      .innerJoin(companies, eq(companies.id, contacts.companyId))
      .where(where),
  ]);
  return { rows, total: totals?.total ?? 0, page: filter.page, pageSize: filter.pageSize };
}

export type ContactListPage = Awaited<ReturnType<typeof listContacts>>;
export type ContactListRow = ContactListPage["rows"][number];

/** A contact with its company, the company's facts (most confident first) and its email timeline. */
export async function getContactDetail(database: Database, id: number) {
  const [contact] = await database
    .select({ contact: contacts, company: companies, ownerName: users.name })
    .from(contacts)
    .innerJoin(companies, eq(companies.id, contacts.companyId))
    .leftJoin(users, eq(users.id, contacts.ownerId))
    .where(eq(contacts.id, id))
    .limit(1);
  if (!contact) return null;
  const [facts, timeline, enrollments] = await Promise.all([
    database
      .select()
      .from(companyFacts)
      .where(eq(companyFacts.companyId, contact.company.id))
      .orderBy(desc(companyFacts.confidence), desc(companyFacts.observedAt)),
    database
      .select({
        id: emails.id,
        direction: emails.direction,
        subject: emails.subject,
        body: emails.body,
        step: emails.step,
        sentAt: emails.sentAt,
        openedAt: emails.openedAt,
        repliedAt: emails.repliedAt,
        bouncedAt: emails.bouncedAt,
        campaignName: emailCampaigns.name,
      })
      .from(emails)
      .leftJoin(emailCampaigns, eq(emailCampaigns.id, emails.campaignId))
      .where(eq(emails.contactId, id))
      .orderBy(desc(emails.sentAt), desc(emails.id))
      .limit(200),
    database
      .select({
        campaignId: campaignEnrollments.campaignId,
        campaignName: emailCampaigns.name,
        status: campaignEnrollments.status,
        step: campaignEnrollments.step,
        nextWakeAt: campaignEnrollments.nextWakeAt,
      })
      .from(campaignEnrollments)
      .innerJoin(emailCampaigns, eq(emailCampaigns.id, campaignEnrollments.campaignId))
      .where(eq(campaignEnrollments.contactId, id)),
  ]);
  return { ...contact, facts, timeline, enrollments };
}

export type ContactDetail = NonNullable<Awaited<ReturnType<typeof getContactDetail>>>;

/** The contact's owner id: undefined when the contact does not exist, null when unowned. */
export async function getContactOwner(database: Database, contactId: number): Promise<string | null | undefined> {
  const [row] = await database.select({ ownerId: contacts.ownerId }).from(contacts).where(eq(contacts.id, contactId)).limit(1);
  return row ? row.ownerId : undefined;
}

/** A contact with its company's name and vertical: what a draft's pane shows, nothing more. */
export async function getContactSummary(database: Database, contactId: number) {
  const [row] = await database
    .select({
      contact: { id: contacts.id, firstName: contacts.firstName, lastName: contacts.lastName, email: contacts.email, title: contacts.title },
      company: { id: companies.id, name: companies.name, vertical: companies.vertical },
    })
    .from(contacts)
    .innerJoin(companies, eq(companies.id, contacts.companyId))
    .where(eq(contacts.id, contactId))
    .limit(1);
  return row ?? null;
}
