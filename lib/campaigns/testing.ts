import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { emailHash } from "@/db/queries/suppression";
import type { Fleet } from "@/graphs/registry";
import type { TestClock } from "@/lib/clock";
import { JOB_SPECS, type JobSpecs } from "@/lib/jobs/catalog";
import { consoleJobs } from "@/lib/jobs/handlers";
import { createJobQueue } from "@/lib/jobs/queue";
import { createJobRunner } from "@/lib/jobs/runner";
import type { GraphClient } from "@/lib/langgraph/client";
import { openGovernance } from "@/lib/mail/testing/governance";
import { createTransport, type MailTransport } from "@/lib/mail/transport";

/**
 * Test support: a job runner over every console kind (campaign wakes, approvals, delivery) on an
 * injected clock and a given graph client, so a test moves days without sleeping and can swap the
 * runtime (a restart) under the same database. `only` limits it to some kinds (a test that holds
 * delivery back while something happens to the queued touch); `transport` sends elsewhere than
 * the local outbox (a loopback SMTP server).
 */
export function campaignRunner(database: Database, graphs: GraphClient<Fleet>, clock: TestClock, options: { only?: readonly (keyof JobSpecs)[]; transport?: MailTransport } = {}) {
  const queue = createJobQueue({ database, specs: JOB_SPECS, now: clock.now });
  const transport = options.transport ?? createTransport(undefined);
  const { kinds, periodic } = consoleJobs({ database, mail: { transport, from: "Sales <sales@test.local>" }, queue, graphs, governor: openGovernance(clock) });
  const chosen = options.only ? Object.fromEntries(Object.entries(kinds).filter(([kind]) => options.only!.includes(kind as keyof JobSpecs))) : kinds;
  return createJobRunner({ database, kinds: chosen, periodic, now: clock.now, random: () => 1, log: { warn: () => {}, error: () => {} } });
}

/** Contacts with no flags, no suppression, no mail and no drafts, with an owner: fit to enroll. */
export async function freshContacts(database: Database, count: number, offset = 0): Promise<{ id: number; email: string; ownerId: string }[]> {
  const rows = await database.all<{ id: number; email: string; ownerId: string }>(sql`
    SELECT c.id, c.email, c.owner_id AS ownerId FROM contacts c
    WHERE c.owner_id IS NOT NULL AND c.do_not_contact = 0 AND c.bounced = 0 AND c.unsubscribed = 0 AND c.replied = 0
      AND NOT EXISTS (SELECT 1 FROM emails e WHERE e.contact_id = c.id)
      AND NOT EXISTS (SELECT 1 FROM drafts d WHERE d.contact_id = c.id)
      AND NOT EXISTS (SELECT 1 FROM campaign_enrollments ce WHERE ce.contact_id = c.id)
    ORDER BY c.id`);
  const suppressed = new Set((await database.all<{ email_hash: string }>(sql`SELECT email_hash FROM suppression`)).map((r) => r.email_hash));
  return rows.filter((r) => !suppressed.has(emailHash(r.email))).slice(offset, offset + count);
}
