import { and, desc, eq, lte, ne, notExists, sql } from "drizzle-orm";
import type { Database } from "../client";
import { companies, companyFacts, contacts, drafts, emailCampaigns, emails, outcomes, users } from "../schema";
import { isSuppressed } from "./suppression";

/** How many company facts a draft may draw on, most confident first. */
export const MAX_FACTS = 8;

/** Everything the orchestrator knows about a contact before any model runs. */
export async function loadOutreachContext(database: Database, contactId: number, campaignId: number | null) {
  const [row] = await database
    .select({ contact: contacts, company: companies, ownerName: users.name })
    .from(contacts)
    .innerJoin(companies, eq(companies.id, contacts.companyId))
    .leftJoin(users, eq(users.id, contacts.ownerId))
    .where(eq(contacts.id, contactId))
    .limit(1);
  if (!row) return null;
  const [facts, campaign, suppressed] = await Promise.all([
    database
      .select({ id: companyFacts.id, fact: companyFacts.fact, source: companyFacts.source, confidence: companyFacts.confidence })
      .from(companyFacts)
      .where(eq(companyFacts.companyId, row.company.id))
      .orderBy(desc(companyFacts.confidence), desc(companyFacts.observedAt))
      .limit(MAX_FACTS),
    campaignId
      ? database
          .select({ id: emailCampaigns.id, name: emailCampaigns.name, angle: emailCampaigns.angle, tone: emailCampaigns.tone })
          .from(emailCampaigns)
          .where(eq(emailCampaigns.id, campaignId))
          .limit(1)
          .then((r) => r[0] ?? null)
      : Promise.resolve(null),
    isSuppressed(database, row.contact.email),
  ]);
  return { ...row, facts, campaign, suppressed };
}

/** The contact's mail history as decide_action needs it. */
export async function loadMailHistory(database: Database, contactId: number) {
  const [counts] = await database
    .select({
      outboundCount: sql<number>`count(*) FILTER (WHERE ${emails.direction} = 'outbound')`,
      lastOutboundAt: sql<number | null>`max(CASE WHEN ${emails.direction} = 'outbound' THEN ${emails.sentAt} END)`,
    })
    .from(emails)
    .where(eq(emails.contactId, contactId));
  const [lastInbound] = await database
    .select({ id: emails.id, subject: emails.subject, body: emails.body, sentAt: emails.sentAt, messageId: emails.messageId, threadId: emails.threadId })
    .from(emails)
    .where(
      and(
        eq(emails.contactId, contactId),
        eq(emails.direction, "inbound"),
        // Machine mail (out-of-office, spam, bounces) is not a message to answer.
        notExists(
          database
            .select({ one: sql`1` })
            .from(outcomes)
            .where(and(eq(outcomes.emailId, emails.id), sql`${outcomes.label} IN ('auto_reply', 'spam', 'bounced')`)),
        ),
      ),
    )
    .orderBy(desc(emails.sentAt))
    .limit(1);
  const lastOutboundAt = counts?.lastOutboundAt ?? null;
  const unanswered = lastInbound && (lastOutboundAt === null || lastInbound.sentAt.getTime() > lastOutboundAt) ? lastInbound : null;
  const [pending] = await database
    .select({ id: drafts.id })
    .from(drafts)
    // A waiting proposal is a document, not a message: it never holds back an email.
    .where(and(eq(drafts.contactId, contactId), eq(drafts.status, "draft"), ne(drafts.kind, "proposal")))
    .limit(1);
  const [lastOutbound] = await database
    .select({ subject: emails.subject, threadId: emails.threadId, messageId: emails.messageId })
    .from(emails)
    .where(and(eq(emails.contactId, contactId), eq(emails.direction, "outbound")))
    .orderBy(desc(emails.sentAt))
    .limit(1);
  return {
    outboundCount: counts?.outboundCount ?? 0,
    lastOutboundAt,
    lastOutbound: lastOutbound ?? null,
    unansweredInbound: unanswered
      ? { id: unanswered.id, subject: unanswered.subject, body: unanswered.body, sentAt: unanswered.sentAt.getTime(), messageId: unanswered.messageId, threadId: unanswered.threadId }
      : null,
    pendingDraftId: pending?.id ?? null,
  };
}

export type OutreachContext = NonNullable<Awaited<ReturnType<typeof loadOutreachContext>>>;
export type MailHistory = Awaited<ReturnType<typeof loadMailHistory>>;

/** A contact's outbound emails sent at or before `at`, newest first (ties: higher id first). */
export async function outboundBefore(database: Database, contactId: number, at: number, limit: number) {
  const rows = await database
    .select({ emailId: emails.id, campaignId: emails.campaignId, step: emails.step, subject: emails.subject, sentAt: emails.sentAt })
    .from(emails)
    .where(and(eq(emails.contactId, contactId), eq(emails.direction, "outbound"), lte(emails.sentAt, new Date(at))))
    .orderBy(desc(emails.sentAt), desc(emails.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, sentAt: r.sentAt.getTime() }));
}

/** Every campaign, by name, for pickers. */
export async function listCampaigns(database: Database): Promise<{ id: number; name: string }[]> {
  return database.select({ id: emailCampaigns.id, name: emailCampaigns.name }).from(emailCampaigns).orderBy(emailCampaigns.name, emailCampaigns.id);
}
