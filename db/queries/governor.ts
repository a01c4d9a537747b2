import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../client";
import { companies, contacts, drafts, outbox, users, type StoredDeferReason } from "../schema";

/**
 * What the send governor reads and writes on the outbox. A row counts against its mailbox's and
 * its recipient domain's caps from the moment it is claimed for sending (`claimed_at`) while it is
 * being sent or once sent; a refused, blocked or released row stops counting.
 */
const COUNTED = sql`('sending', 'sent')`;

export type Interval = { start: Date; end: Date };

/** Where the recipient is (the contact's company HQ) and who sends (the draft's assigned rep). */
export type SendContext = {
  rep: { name: string; email: string } | null;
  place: { country: string | null; city: string | null };
};

export async function sendContextFor(database: Database, entry: { draftId: number; contactId: number }): Promise<SendContext> {
  const [row] = await database
    .select({ repName: users.name, repEmail: users.email, country: companies.country, city: companies.hqCity })
    .from(contacts)
    .innerJoin(companies, eq(companies.id, contacts.companyId))
    .leftJoin(drafts, eq(drafts.id, entry.draftId))
    .leftJoin(users, eq(users.id, drafts.assignedRepId))
    .where(eq(contacts.id, entry.contactId))
    .limit(1);
  return {
    rep: row?.repEmail ? { name: row.repName ?? row.repEmail, email: row.repEmail } : null,
    place: { country: row?.country ?? null, city: row?.city ?? null },
  };
}

/** The places and owners of many contacts at once (the forecast), in id order; unknown ids are left out. */
export async function placesOfContacts(database: Database, contactIds: readonly number[]) {
  if (contactIds.length === 0) return [];
  // The ids travel as one JSON array (one bound parameter), so 10,000 contacts are one statement.
  return database
    .select({ id: contacts.id, email: contacts.email, country: companies.country, city: companies.hqCity, ownerName: users.name, ownerEmail: users.email })
    .from(contacts)
    .innerJoin(companies, eq(companies.id, contacts.companyId))
    .leftJoin(users, eq(users.id, contacts.ownerId))
    .where(sql`${contacts.id} IN (SELECT value FROM json_each(${JSON.stringify(contactIds)}))`)
    .orderBy(contacts.id);
}

export type CountQuery = {
  mailboxId: string;
  mailboxDay: Interval;
  domain: string;
  domainDay: Interval;
  /** The row being decided and its contact: the contact's other emails count against its gap (none for a forecast). */
  contact?: { outboxId: number; contactId: number };
};
export type Caps = { mailboxDailyCap: number; domainDailyCap: number };

/**
 * Sends counted by an index range, stopping at `cap`: the governor only asks "is the cap reached",
 * so a claim's cost stays bounded by the cap, not by how much a mailbox or domain ever sent.
 */
function countUpTo(column: "mailbox_id" | "recipient_domain", value: string, day: Interval, cap: number, alias: "o" | "x") {
  const col = sql.raw(`${alias}.${column}`);
  const at = sql.raw(`${alias}.claimed_at`);
  const status = sql.raw(`${alias}.status`);
  return sql`(SELECT count(*) FROM (SELECT 1 FROM outbox ${sql.raw(alias)} WHERE ${col} = ${value} AND ${at} >= ${day.start.getTime()} AND ${at} < ${day.end.getTime()} AND ${status} IN ${COUNTED} LIMIT ${cap}))`;
}

type ContactGap = { from: Date | null; answered: boolean };

const contactLast = (contactId: number, exceptOutboxId?: number) =>
  sql`(SELECT max(claimed_at) FROM outbox WHERE contact_id = ${contactId}${exceptOutboxId === undefined ? sql`` : sql` AND id <> ${exceptOutboxId}`} AND status IN ${COUNTED})`;
const inboundLast = (contactId: number) => sql`(SELECT max(sent_at) FROM emails WHERE contact_id = ${contactId} AND direction = 'inbound')`;

function gapOf(last: number | null, inbound: number | null): ContactGap {
  if (last === null) return { from: null, answered: false };
  const answered = inbound !== null && Number(inbound) > Number(last);
  return { from: answered ? null : new Date(Number(last)), answered };
}

/**
 * The governor's state (lib/governor GovernorState) as indexed reads in one statement; counts stop
 * at the caps. The contact's last email counts only while no message of theirs came after it:
 * answering them is not a second email in a row.
 */
export async function governorCounts(
  database: Database,
  q: CountQuery,
  caps: Caps,
): Promise<{ mailboxSentToday: number; mailboxLastSentAt: Date | null; domainSentToday: number; contactLastSentAt: Date | null; answersContact: boolean }> {
  const c = q.contact;
  const [row] = await database.all<{ m: number; last: number | null; d: number; contactLast: number | null; inboundLast: number | null }>(sql`
    SELECT
      ${countUpTo("mailbox_id", q.mailboxId, q.mailboxDay, caps.mailboxDailyCap, "x")} AS m,
      (SELECT max(claimed_at) FROM outbox WHERE mailbox_id = ${q.mailboxId} AND status IN ${COUNTED}) AS last,
      ${countUpTo("recipient_domain", q.domain, q.domainDay, caps.domainDailyCap, "x")} AS d,
      ${c ? contactLast(c.contactId, c.outboxId) : sql`NULL`} AS contactLast,
      ${c ? inboundLast(c.contactId) : sql`NULL`} AS inboundLast`);
  const gap = gapOf(row?.contactLast ?? null, row?.inboundLast ?? null);
  return {
    mailboxSentToday: Number(row?.m ?? 0),
    mailboxLastSentAt: row?.last == null ? null : new Date(Number(row.last)),
    domainSentToday: Number(row?.d ?? 0),
    contactLastSentAt: gap.from,
    answersContact: gap.answered,
  };
}

/** The limits a claim re-checks inside its own UPDATE, so counting and taking a slot are one write. */
export type ClaimLimits = CountQuery & {
  at: Date;
  mailboxDailyCap: number;
  domainDailyCap: number;
  minGapSeconds: number;
  /** 0 when the contact's gap does not apply (off, or this email answers a newer message of theirs). */
  contactGapSeconds: number;
};

/** The WHERE terms of a governed claim: each cap and the gap still allow one more send at `at`. */
export function withinLimits(l: ClaimLimits): SQL {
  const gapFrom = l.at.getTime() - l.minGapSeconds * 1000;
  return sql`${countUpTo("mailbox_id", l.mailboxId, l.mailboxDay, l.mailboxDailyCap, "o")} < ${l.mailboxDailyCap}
    AND ${countUpTo("recipient_domain", l.domain, l.domainDay, l.domainDailyCap, "o")} < ${l.domainDailyCap}
    ${l.minGapSeconds > 0 ? sql`AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.mailbox_id = ${l.mailboxId} AND o.claimed_at > ${gapFrom} AND o.status IN ${COUNTED})` : sql``}
    ${l.contactGapSeconds > 0 && l.contact ? sql`AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.contact_id = ${l.contact.contactId} AND o.id <> ${l.contact.outboxId} AND o.claimed_at > ${l.at.getTime() - l.contactGapSeconds * 1000} AND o.status IN ${COUNTED})` : sql``}`;
}

/**
 * Records why a queued row waits and when it should go, with the caller's statements (its job's
 * reschedule) in the same batch. Only a row still queued is touched.
 */
export async function recordDeferral(
  database: Database,
  outboxId: number,
  deferral: { mailboxId: string; domain: string; reason: StoredDeferReason; notBefore: Date },
  also: BatchItem<"sqlite">[] = [],
): Promise<boolean> {
  const [updated] = await database.batch([
    database
      .update(outbox)
      .set({ mailboxId: deferral.mailboxId, recipientDomain: deferral.domain, deferredReason: deferral.reason, notBefore: deferral.notBefore, predictedSendAt: deferral.notBefore })
      .where(and(eq(outbox.id, outboxId), eq(outbox.status, "queued")))
      .returning({ id: outbox.id }),
    ...also,
  ]);
  return updated.length === 1;
}

/** The latest deferral of each draft's outbox row (drafts queue, contact timeline), by draft id. */
export async function deferralsForDrafts(database: Database, draftIds: readonly number[]): Promise<Map<number, { reason: StoredDeferReason; predictedSendAt: Date }>> {
  const out = new Map<number, { reason: StoredDeferReason; predictedSendAt: Date }>();
  if (draftIds.length === 0) return out;
  const rows = await database
    .select({ draftId: outbox.draftId, reason: outbox.deferredReason, at: outbox.predictedSendAt })
    .from(outbox)
    .where(and(inArray(outbox.draftId, [...draftIds]), eq(outbox.status, "queued"), sql`${outbox.deferredReason} IS NOT NULL`));
  for (const r of rows) if (r.reason && r.at) out.set(r.draftId, { reason: r.reason, predictedSendAt: r.at });
  return out;
}

/** A contact's sends the governor is holding back, soonest first (the contact's timeline). */
export async function deferredSendsForContact(database: Database, contactId: number) {
  return database
    .select({ draftId: outbox.draftId, subject: outbox.subject, reason: outbox.deferredReason, at: outbox.predictedSendAt })
    .from(outbox)
    .where(and(eq(outbox.contactId, contactId), eq(outbox.status, "queued"), sql`${outbox.deferredReason} IS NOT NULL`))
    .orderBy(outbox.predictedSendAt);
}

/**
 * The contact's gap, as one read: their latest email being sent or sent (`from`, null when there is
 * none or a message of theirs came after it) and whether one did (`answered`: answering them is then
 * not a second email in a row).
 */
export async function contactGap(database: Database, contactId: number): Promise<ContactGap> {
  const [row] = await database.all<{ last: number | null; inbound: number | null }>(sql`SELECT ${contactLast(contactId)} AS last, ${inboundLast(contactId)} AS inbound`);
  return gapOf(row?.last ?? null, row?.inbound ?? null);
}
