import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import {
  campaignEnrollments, companies, companyFacts, contactScores, contacts, emailCampaigns, emails, suppression, users,
  type Seniority, type Vertical,
} from "../schema";
import { emailHash } from "./suppression";

/**
 * Status filters: `contactable` is what the safety gate would let through (no flag set and the
 * address not on the suppression list); `suppressed` is an address on the list whatever its flags.
 */
export const CONTACT_STATUSES = ["contactable", "suppressed", "do_not_contact", "bounced", "unsubscribed", "replied"] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

export type SuppressionReason = (typeof suppression.$inferSelect)["reason"];

/** No flag the safety gate honours is set. */
const NO_FLAG = sql`${contacts.doNotContact} = 0 AND ${contacts.bounced} = 0 AND ${contacts.unsubscribed} = 0 AND ${contacts.replied} = 0`;

/** SQLite's default limit on bound parameters is far above this; it keeps one IN list small. */
const IN_CHUNK = 500;

/** Why each of these addresses is on the suppression list (matched by hash); addresses not on it are absent. */
export async function suppressionOf(database: Database, addresses: string[]): Promise<Map<string, SuppressionReason>> {
  const byHash = new Map<string, string[]>();
  for (const address of addresses) {
    const hash = emailHash(address);
    byHash.set(hash, [...(byHash.get(hash) ?? []), address]);
  }
  const hashes = [...byHash.keys()];
  const found = new Map<string, SuppressionReason>();
  for (let at = 0; at < hashes.length; at += IN_CHUNK) {
    const rows = await database
      .select({ hash: suppression.emailHash, reason: suppression.reason })
      .from(suppression)
      .where(inArray(suppression.emailHash, hashes.slice(at, at + IN_CHUNK)));
    for (const row of rows) for (const address of byHash.get(row.hash)!) found.set(address, row.reason);
  }
  return found;
}

/**
 * Contacts whose address is on the suppression list. The list keeps only SHA-256 hashes and
 * SQLite has no SHA-256, so every contact's address is hashed here, once per change of either
 * table: the answer is kept per database, keyed by both tables' row counts and newest rows
 * (contacts are added and suppressed, never re-addressed, in this console). Hashing 100,000
 * addresses takes most of a second (`npm run bench:contacts`); a cached answer costs two
 * small aggregate reads. A `contacts.email_hash` column would make this a join.
 */
async function suppressedContactIds(database: Database): Promise<number[]> {
  const [state] = await database.all<{ key: string }>(sql`SELECT
    (SELECT count(*) || ':' || coalesce(max(id), 0) FROM contacts) || '/' ||
    (SELECT count(*) || ':' || coalesce(max(added_at), 0) FROM suppression) AS key`);
  const key = state?.key ?? "";
  const cached = suppressedCache.get(database);
  if (cached?.key === key) return cached.ids;
  const listed = new Set((await database.select({ hash: suppression.emailHash }).from(suppression)).map((r) => r.hash));
  const ids = listed.size === 0 ? [] : (await database.select({ id: contacts.id, email: contacts.email }).from(contacts)).filter((c) => listed.has(emailHash(c.email))).map((c) => c.id);
  suppressedCache.set(database, { key, ids });
  return ids;
}

const suppressedCache = new WeakMap<Database, { key: string; ids: number[] }>();

export type ContactListFilter = {
  /** Matches name, email or company name, case-insensitively. */
  q?: string;
  vertical?: Vertical;
  seniority?: Seniority;
  status?: ContactStatus;
  ownerId?: string;
  companyId?: number;
  /** Only contacts whose company is in this country (ISO 3166-1 alpha-2, as companies.country stores it). */
  country?: string;
  /** Only contacts whose stored score has this tier. */
  tier?: (typeof contactScores.$inferSelect)["tier"];
  /** `name` (default): by last and first name; `score`: highest score first, then unscored contacts by name. */
  sort?: "name" | "score";
  page: number;
  pageSize: number;
};

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Contact ids as one bound JSON array, so a long list is one parameter rather than thousands. */
const idsIn = (ids: number[]) => sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))`;

async function statusCondition(database: Database, status: ContactStatus): Promise<SQL> {
  switch (status) {
    case "contactable": {
      const suppressed = await suppressedContactIds(database);
      return suppressed.length ? sql`${NO_FLAG} AND ${contacts.id} NOT IN ${idsIn(suppressed)}` : NO_FLAG;
    }
    case "suppressed":
      return sql`${contacts.id} IN ${idsIn(await suppressedContactIds(database))}`;
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

async function listConditions(database: Database, filter: ContactListFilter): Promise<SQL | undefined> {
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
  if (filter.status) conditions.push(await statusCondition(database, filter.status));
  if (filter.ownerId) conditions.push(eq(contacts.ownerId, filter.ownerId));
  if (filter.companyId) conditions.push(eq(contacts.companyId, filter.companyId));
  if (filter.country) conditions.push(eq(companies.country, filter.country));
  if (filter.tier) conditions.push(eq(contactScores.tier, filter.tier));
  return conditions.length ? and(...conditions) : undefined;
}

const listColumns = {
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
  ownerId: contacts.ownerId,
  ownerName: users.name,
  score: contactScores.score,
  tier: contactScores.tier,
};

/**
 * A page sorted by score: scored contacts from the score index (highest first, equal scores by
 * ascending id), driven from contact_scores so no sort of the whole table is needed; once the page
 * runs past them, the unscored ones follow by name.
 */
async function rowsByScore(database: Database, where: SQL | undefined, filter: ContactListFilter) {
  const offset = (filter.page - 1) * filter.pageSize;
  const scored = await database
    .select(listColumns)
    .from(contactScores)
    .innerJoin(contacts, eq(contacts.id, contactScores.contactId))
    .innerJoin(companies, eq(companies.id, contacts.companyId))
    .leftJoin(users, eq(users.id, contacts.ownerId))
    .where(where)
    .orderBy(desc(contactScores.score), asc(contactScores.contactId))
    .limit(filter.pageSize)
    .offset(offset);
  if (scored.length === filter.pageSize || filter.tier) return scored;
  const [counted] = await database
    .select({ n: count() })
    .from(contactScores)
    .innerJoin(contacts, eq(contacts.id, contactScores.contactId))
    .innerJoin(companies, eq(companies.id, contacts.companyId))
    .where(where);
  const unscored = await database
    .select(listColumns)
    .from(contacts)
    .innerJoin(companies, eq(companies.id, contacts.companyId))
    .leftJoin(users, eq(users.id, contacts.ownerId))
    .leftJoin(contactScores, eq(contactScores.contactId, contacts.id))
    .where(and(where, isNull(contactScores.contactId)))
    .orderBy(asc(contacts.lastName), asc(contacts.firstName), asc(contacts.id))
    .limit(filter.pageSize - scored.length)
    .offset(Math.max(0, offset - (counted?.n ?? 0)));
  return [...scored, ...unscored];
}

export async function listContacts(database: Database, filter: ContactListFilter) {
  const where = await listConditions(database, filter);
  const [rows, [totals]] = await Promise.all([
    filter.sort === "score" ? rowsByScore(database, where, filter) : database
      .select(listColumns)
      .from(contacts)
      .innerJoin(companies, eq(companies.id, contacts.companyId))
      .leftJoin(users, eq(users.id, contacts.ownerId))
      .leftJoin(contactScores, eq(contactScores.contactId, contacts.id))
      .where(where)
      .orderBy(asc(contacts.lastName), asc(contacts.firstName), asc(contacts.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    filter.tier
      ? database.select({ total: count() }).from(contacts).innerJoin(companies, eq(companies.id, contacts.companyId)).innerJoin(contactScores, eq(contactScores.contactId, contacts.id)).where(where)
      : database.select({ total: count() }).from(contacts).innerJoin(companies, eq(companies.id, contacts.companyId)).where(where),
  ]);
  const suppressedBy = await suppressionOf(database, rows.map((r) => r.email));
  return {
    rows: rows.map((r) => ({ ...r, suppression: suppressedBy.get(r.email) ?? null })),
    total: totals?.total ?? 0,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

/** Every contact id the list's filters match (a campaign's audience), at most `cap`, in id order. */
export async function contactIdsMatching(database: Database, filter: Omit<ContactListFilter, "page" | "pageSize">, cap: number): Promise<number[]> {
  const where = await listConditions(database, { ...filter, page: 1, pageSize: cap });
  const base = database.select({ id: contacts.id }).from(contacts).innerJoin(companies, eq(companies.id, contacts.companyId));
  // The scores table only when a tier is asked for: listConditions reads its tier column.
  const rows = await (filter.tier ? base.innerJoin(contactScores, eq(contactScores.contactId, contacts.id)) : base)
    .where(where)
    .orderBy(asc(contacts.id))
    .limit(cap);
  return rows.map((r) => r.id);
}

/** The countries contacts' companies are in, each with its number of contacts, for an audience's country choice. */
export async function contactCountries(database: Database): Promise<{ country: string; contacts: number }[]> {
  return database.all<{ country: string; contacts: number }>(sql`
    SELECT co.country AS country, count(*) AS contacts
    FROM contacts c JOIN companies co ON co.id = c.company_id
    WHERE co.country IS NOT NULL GROUP BY co.country ORDER BY co.country`);
}

/** What the safety gate reads for each of these contacts (flags and suppression), for audience guards. */
export async function gateInputsOf(database: Database, contactIds: readonly number[]) {
  const rows: { id: number; email: string; doNotContact: boolean; bounced: boolean; unsubscribed: boolean; replied: boolean }[] = [];
  for (let at = 0; at < contactIds.length; at += IN_CHUNK * 10) {
    const chunk = contactIds.slice(at, at + IN_CHUNK * 10);
    rows.push(
      ...(await database
        .select({ id: contacts.id, email: contacts.email, doNotContact: contacts.doNotContact, bounced: contacts.bounced, unsubscribed: contacts.unsubscribed, replied: contacts.replied })
        .from(contacts)
        .where(sql`${contacts.id} IN (SELECT value FROM json_each(${JSON.stringify(chunk)}))`)),
    );
  }
  const suppressed = await suppressionOf(database, rows.map((r) => r.email));
  return rows.map(({ email, id, ...flags }) => ({ contactId: id, gate: { ...flags, suppressed: suppressed.has(email) } }));
}

/** The distinct verticals of these contacts' companies, at most `limit` of them (2 tells "exactly one" from "several"). */
export async function companyVerticalsOf(database: Database, contactIds: readonly number[], limit = 2): Promise<Vertical[]> {
  if (contactIds.length === 0) return [];
  const rows = await database
    .selectDistinct({ vertical: companies.vertical })
    .from(contacts)
    .innerJoin(companies, eq(companies.id, contacts.companyId))
    .where(sql`${contacts.id} IN (SELECT value FROM json_each(${JSON.stringify(contactIds)}))`)
    .limit(limit);
  return rows.map((r) => r.vertical);
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
  const [facts, timeline, enrollments, suppressedBy] = await Promise.all([
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
    suppressionOf(database, [contact.contact.email]),
  ]);
  return { ...contact, facts, timeline, enrollments, suppression: suppressedBy.get(contact.contact.email) ?? null };
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

/** "First Last" of each contact, by id (ids that do not exist are left out). */
export async function contactNamesOf(database: Database, contactIds: readonly number[]): Promise<Map<number, string>> {
  if (contactIds.length === 0) return new Map();
  const rows = await database
    .select({ id: contacts.id, firstName: contacts.firstName, lastName: contacts.lastName })
    .from(contacts)
    .where(inArray(contacts.id, [...new Set(contactIds)]));
  return new Map(rows.map((r) => [r.id, `${r.firstName} ${r.lastName}`]));
}
