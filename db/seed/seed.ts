import { sql } from "drizzle-orm";
import { hashPassword } from "better-auth/crypto";
import type { Database } from "../client";
import { BulkWriter, withIndexesDeferred } from "./bulk";
import { rebuildEmailStats } from "../queries/email-stats";
import { emailHash } from "../queries/suppression";
import { accounts, emailCampaigns, users } from "../schema";
import { DEMO_PASSWORD, DEMO_REPS, DEMO_USERS } from "./demo-users";
import { CAMPAIGNS } from "./campaigns";
import { buildCompanies, buildContacts, buildConversation, buildFacts, campaignsFor, type ContactSeed } from "./generate";
import { Prng } from "./prng";

export type SeedOptions = {
  companies: number;
  contacts: number;
  emails: number;
  /** "Now" for the generated history; emails fall in the 90 days before it. */
  anchor: Date;
  seed?: number;
  onProgress?: (stage: string, done: number) => void;
};

export type SeedCounts = {
  users: number;
  companies: number;
  companyFacts: number;
  contacts: number;
  campaigns: number;
  enrollments: number;
  emails: number;
  outcomes: number;
  suppression: number;
};

/** The demo data set: 200 companies, 2,000 contacts, 10,000 emails. */
export const DEMO_SCALE = { companies: 200, contacts: 2_000, emails: 10_000 } as const;

/** Benchmark scale: `contacts` contacts, one company per 10 contacts, 10 emails per contact. */
export function scaledOptions(contacts: number): Pick<SeedOptions, "companies" | "contacts" | "emails"> {
  return { contacts, companies: Math.max(6, Math.round(contacts / 10)), emails: contacts * 10 };
}

/** Midnight UTC today: the default anchor, so a day's seeds are identical. */
export function todayUtc(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

async function seedUsers(database: Database): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  await database.insert(users).values(DEMO_USERS.map((u) => ({ ...u, emailVerified: true })));
  await database.insert(accounts).values(
    DEMO_USERS.map((u) => ({ id: `acc_${u.id}`, accountId: u.id, providerId: "credential", userId: u.id, password: hash })),
  );
}

/** Fills an empty database with deterministic demo data. Same options, same rows. */
export async function seedDatabase(database: Database, options: SeedOptions): Promise<SeedCounts> {
  const prng = new Prng(options.seed ?? 20261121);
  const anchor = options.anchor.getTime();
  const progress = options.onProgress ?? (() => {});
  await seedUsers(database);

  const companies = buildCompanies(prng, options.companies, anchor);
  const companyWriter = new BulkWriter(database, "companies", ["id", "name", "domain", "vertical", "size", "employee_count", "country", "hq_city", "enriched_at", "enrichment_source", "created_at"]);
  const factWriter = new BulkWriter(database, "company_facts", ["company_id", "fact", "source", "confidence", "observed_at"]);
  const topFact = new Map<number, string>();
  for (const c of companies) {
    await companyWriter.push([c.id, c.name, c.domain, c.vertical, c.size, c.employeeCount, c.country, c.hqCity, c.enrichedAt, c.enrichedAt ? "demo_enrichment" : null, anchor - 200 * 86_400_000]);
  }
  await companyWriter.flush();
  for (const c of companies) {
    const facts = buildFacts(prng, c, anchor).sort((a, b) => b.confidence - a.confidence);
    topFact.set(c.id, facts[0]?.fact ?? "");
    for (const f of facts) await factWriter.push([c.id, f.fact, f.source, f.confidence, f.observedAt]);
  }
  await factWriter.flush();
  progress("companies", companies.length);

  await database.insert(emailCampaigns).values(
    CAMPAIGNS.map((c, i) => ({
      id: i + 1,
      name: c.name,
      description: c.description,
      angle: c.angle,
      tone: c.tone,
      vertical: c.vertical,
      status: c.status,
      cadenceDays: c.cadenceDays,
      maxTouches: c.cadenceDays.length,
      ownerId: DEMO_REPS[i % DEMO_REPS.length]!.id,
      createdAt: new Date(anchor - 100 * 86_400_000),
      // Its history (the seeded emails) spans the 90 days before the anchor: launched then.
      launchedAt: new Date(anchor - 90 * 86_400_000),
    })),
  );

  const contacts = buildContacts(prng, companies, options.contacts, DEMO_REPS.length, anchor);
  const contactWriter = new BulkWriter(database, "contacts", ["id", "company_id", "first_name", "last_name", "email", "title", "seniority", "department", "linkedin_url", "do_not_contact", "owner_id", "created_at"]);
  for (const c of contacts) {
    const linkedin = `https://www.linkedin.com/in/${c.firstName}-${c.lastName}-${c.id}`.toLowerCase().replace(/[^a-z0-9:/.-]/g, "");
    await contactWriter.push([c.id, c.company.id, c.firstName, c.lastName, c.email, c.title, c.seniority, c.department, linkedin, c.doNotContact ? 1 : 0, DEMO_REPS[c.ownerIndex]!.id, c.createdAt]);
  }
  await contactWriter.flush();
  progress("contacts", contacts.length);

  // A million emails load far faster without their indexes and stats triggers; both are put back
  // (and the stats rebuilt) before anything reads them.
  const counts = await withIndexesDeferred(database, ["emails", "campaign_enrollments", "outcomes"], () => seedOutreach(database, prng, contacts, topFact, options.emails, anchor, progress), () => rebuildEmailStats(database));
  progress("indexes", counts.emails);
  await deriveContactFlags(database);
  progress("flags", contacts.length);
  const suppressed = await seedSuppression(database, prng, contacts, anchor);
  return {
    users: DEMO_USERS.length,
    companies: companies.length,
    companyFacts: factWriter.written,
    contacts: contacts.length,
    campaigns: CAMPAIGNS.length,
    ...counts,
    suppression: suppressed,
  };
}

/** Why a seeded sequence that was cut off mid-way is not continued. */
export const SEEDED_HISTORY_STOP = "Seeded history: this sequence ran before the campaign engine, so it is not continued.";

async function seedOutreach(database: Database, prng: Prng, contacts: ContactSeed[], topFact: Map<number, string>, emailBudget: number, anchor: number, progress: (stage: string, done: number) => void) {
  const emailWriter = new BulkWriter(database, "emails", ["id", "contact_id", "campaign_id", "direction", "thread_id", "message_id", "in_reply_to", "subject", "body", "step", "sent_at", "opened_at", "replied_at", "bounced_at"], { rowsPerFlush: 10_000 });
  const enrollmentWriter = new BulkWriter(database, "campaign_enrollments", ["campaign_id", "contact_id", "thread_id", "step", "status", "next_wake_at", "stop_reason", "last_event", "last_event_at", "enrolled_at", "updated_at"]);
  const outcomeWriter = new BulkWriter(database, "outcomes", ["thread_id", "contact_id", "email_id", "label", "polarity", "confidence", "at"], { after: [emailWriter] });
  const order = contacts.filter((c) => !c.doNotContact && !c.newLead);
  for (let i = order.length - 1; i > 0; i--) {
    const j = prng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  // Contacts go through the campaigns that fit their vertical in rounds (their vertical's own
  // first); a reply or bounce ends their outreach for good, as the safety gate would. New leads
  // and do-not-contact contacts are never written to.
  const done = new Set<number>();
  const fitting = new Map(order.map((c) => [c.id, campaignsFor(c)]));
  let emailId = 0;
  for (let round = 0; round < CAMPAIGNS.length && emailId < emailBudget; round++) {
    for (const contact of order) {
      if (emailId >= emailBudget) break;
      if (done.has(contact.id)) continue;
      const campaignId = fitting.get(contact.id)![round];
      if (campaignId === undefined) continue;
      const rep = DEMO_REPS[contact.ownerIndex]!.name;
      const convo = buildConversation(prng, contact, campaignId, topFact.get(contact.company.id), rep, anchor, emailBudget - emailId);
      if (convo.emails.length === 0) continue;
      if (convo.reply || convo.bounced) done.add(contact.id);
      let inboundId: number | null = null;
      for (const e of convo.emails) {
        emailId++;
        if (e.direction === "inbound") inboundId = emailId;
        await emailWriter.push([emailId, contact.id, campaignId, e.direction, e.threadId, e.messageId, e.inReplyTo, e.subject, e.body, e.step, e.sentAt, e.openedAt, e.repliedAt, e.bouncedAt]);
      }
      const threadId = convo.emails[0]!.threadId;
      // Seeded sequences are history: they have no campaign thread (no plan, no checkpoint), so
      // one cut off mid-way is ended with a reason rather than left active for the scheduler to
      // wake, which would start its thread from touch 1 again.
      const lastAt = convo.emails.at(-1)!.sentAt;
      const [status, stopReason, lastEvent] = convo.reply
        ? (["replied", null, "replied"] as const)
        : convo.bounced
          ? (["stopped", null, "bounced"] as const)
          : convo.nextWakeAt
            ? (["stopped", SEEDED_HISTORY_STOP, SEEDED_HISTORY_STOP] as const)
            : (["completed", null, "sequence complete"] as const);
      await enrollmentWriter.push([campaignId, contact.id, threadId, convo.touches, status, null, stopReason, lastEvent, lastAt, convo.emails[0]!.sentAt, lastAt]);
      if (convo.reply) {
        await outcomeWriter.push([threadId, contact.id, inboundId, convo.reply.label, convo.reply.polarity, 0.9, convo.reply.at]);
      }
      if (emailId % 100_000 < convo.emails.length) progress("emails", emailId);
    }
  }
  await emailWriter.flush();
  await enrollmentWriter.flush();
  await outcomeWriter.flush();
  return { emails: emailWriter.written, enrollments: enrollmentWriter.written, outcomes: outcomeWriter.written };
}

/** Contact flags follow from the history, so they can never disagree with it. */
async function deriveContactFlags(database: Database): Promise<void> {
  await database.run(sql`UPDATE contacts SET
    replied = EXISTS (SELECT 1 FROM emails e WHERE e.contact_id = contacts.id AND e.direction = 'inbound'),
    bounced = EXISTS (SELECT 1 FROM emails e WHERE e.contact_id = contacts.id AND e.bounced_at IS NOT NULL),
    unsubscribed = EXISTS (SELECT 1 FROM outcomes o WHERE o.contact_id = contacts.id AND o.label = 'unsubscribe'),
    last_contacted_at = (SELECT max(e.sent_at) FROM emails e WHERE e.contact_id = contacts.id AND e.direction = 'outbound')`);
}

/** Unsubscribed and bounced addresses, plus a few suppressed by hand whose flags stay clean. */
async function seedSuppression(database: Database, prng: Prng, contacts: ContactSeed[], anchor: number): Promise<number> {
  const flagged = await database.all<{ id: number; unsubscribed: number; bounced: number }>(
    sql`SELECT id, unsubscribed, bounced FROM contacts WHERE unsubscribed = 1 OR bounced = 1 ORDER BY id`,
  );
  const writer = new BulkWriter(database, "suppression", ["email_hash", "reason", "source", "added_at"]);
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const seen = new Set<number>();
  for (const row of flagged) {
    seen.add(row.id);
    await writer.push([emailHash(byId.get(row.id)!.email), row.unsubscribed ? "unsubscribe" : "bounce", "demo_seed", anchor]);
  }
  for (const c of contacts) {
    if (!seen.has(c.id) && prng.chance(0.005)) await writer.push([emailHash(c.email), "manual", "demo_seed", anchor]);
  }
  await writer.flush();
  return writer.written;
}
