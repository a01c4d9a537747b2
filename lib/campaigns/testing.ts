import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { emailHash } from "@/db/queries/suppression";
import type { Fleet } from "@/graphs/registry";
import type { TestClock } from "@/lib/clock";
import { JOB_SPECS } from "@/lib/jobs/catalog";
import { consoleJobs } from "@/lib/jobs/handlers";
import { createJobQueue } from "@/lib/jobs/queue";
import { createJobRunner } from "@/lib/jobs/runner";
import type { GraphClient } from "@/lib/langgraph/client";
import { createTransport } from "@/lib/mail/transport";

/**
 * Test support: a job runner over every console kind (campaign wakes, approvals, delivery) on an
 * injected clock and a given graph client, so a test moves days without sleeping and can swap the
 * runtime (a restart) under the same database.
 */
export function campaignRunner(database: Database, graphs: GraphClient<Fleet>, clock: TestClock) {
  const queue = createJobQueue({ database, specs: JOB_SPECS, now: clock.now });
  const { kinds, periodic } = consoleJobs({ database, mail: { transport: createTransport(undefined), from: "Sales <sales@test.local>" }, queue, graphs });
  return createJobRunner({ database, kinds, periodic, now: clock.now, random: () => 1, log: { warn: () => {}, error: () => {} } });
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
