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
  const out: { id: number; email: string; country: string | null; city: string | null; ownerName: string | null; ownerEmail: string | null }[] = [];
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < contactIds.length; i += 500) {
    const chunk = contactIds.slice(i, i + 500);
    out.push(
      ...(await database
        .select({ id: contacts.id, email: contacts.email, country: companies.country, city: companies.hqCity, ownerName: users.name, ownerEmail: users.email })
        .from(contacts)
        .innerJoin(companies, eq(companies.id, contacts.companyId))
        .leftJoin(users, eq(users.id, contacts.ownerId))
        .where(inArray(contacts.id, chunk))),
    );
  }
  return out.sort((a, b) => a.id - b.id);
}

export type CountQuery = { mailboxId: string; mailboxDay: Interval; domain: string; domainDay: Interval };

/** The governor's state (lib/governor GovernorState) as three indexed reads in one statement. */
export async function governorCounts(database: Database, q: CountQuery): Promise<{ mailboxSentToday: number; mailboxLastSentAt: Date | null; domainSentToday: number }> {
  const [row] = await database.all<{ m: number; last: number | null; d: number }>(sql`
    SELECT
      (SELECT count(*) FROM outbox WHERE mailbox_id = ${q.mailboxId} AND claimed_at >= ${q.mailboxDay.start.getTime()} AND claimed_at < ${q.mailboxDay.end.getTime()} AND status IN ${COUNTED}) AS m,
      (SELECT max(claimed_at) FROM outbox WHERE mailbox_id = ${q.mailboxId} AND status IN ${COUNTED}) AS last,
      (SELECT count(*) FROM outbox WHERE recipient_domain = ${q.domain} AND claimed_at >= ${q.domainDay.start.getTime()} AND claimed_at < ${q.domainDay.end.getTime()} AND status IN ${COUNTED}) AS d`);
  return { mailboxSentToday: Number(row?.m ?? 0), mailboxLastSentAt: row?.last == null ? null : new Date(Number(row.last)), domainSentToday: Number(row?.d ?? 0) };
}

/** The limits a claim re-checks inside its own UPDATE, so counting and taking a slot are one write. */
export type ClaimLimits = CountQuery & { at: Date; mailboxDailyCap: number; domainDailyCap: number; minGapSeconds: number };

/** The WHERE terms of a governed claim: each cap and the gap still allow one more send at `at`. */
export function withinLimits(l: ClaimLimits): SQL {
  const gapFrom = l.at.getTime() - l.minGapSeconds * 1000;
  return sql`(SELECT count(*) FROM outbox o WHERE o.mailbox_id = ${l.mailboxId} AND o.claimed_at >= ${l.mailboxDay.start.getTime()} AND o.claimed_at < ${l.mailboxDay.end.getTime()} AND o.status IN ${COUNTED}) < ${l.mailboxDailyCap}
    AND (SELECT count(*) FROM outbox o WHERE o.recipient_domain = ${l.domain} AND o.claimed_at >= ${l.domainDay.start.getTime()} AND o.claimed_at < ${l.domainDay.end.getTime()} AND o.status IN ${COUNTED}) < ${l.domainDailyCap}
    AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.mailbox_id = ${l.mailboxId} AND o.claimed_at > ${gapFrom} AND o.status IN ${COUNTED})`;
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
