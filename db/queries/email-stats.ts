import type { Database } from "../client";

/**
 * Recomputes `contact_email_stats` and `campaign_email_stats` from `emails` and
 * `campaign_enrollments`: what their triggers keep row by row, in one pass, for a bulk load that
 * ran without them. One batch, so
 * readers see the old counts or the new ones.
 */
export async function rebuildEmailStats(database: Database): Promise<void> {
  await database.$client.batch(
    [
      "DELETE FROM contact_email_stats",
      "DELETE FROM campaign_email_stats",
      `INSERT INTO contact_email_stats (contact_id, outbound, opened, inbound, bounced)
       SELECT contact_id, sum(direction = 'outbound'), sum(direction = 'outbound' AND opened_at IS NOT NULL), sum(direction = 'inbound'), sum(bounced_at IS NOT NULL)
       FROM emails WHERE true GROUP BY contact_id`,
      `INSERT INTO campaign_email_stats (campaign_id, contact_id, outbound, opened, inbound, bounced)
       SELECT campaign_id, contact_id, sum(direction = 'outbound'), sum(direction = 'outbound' AND opened_at IS NOT NULL), sum(direction = 'inbound'), sum(bounced_at IS NOT NULL)
       FROM emails WHERE campaign_id IS NOT NULL GROUP BY campaign_id, contact_id`,
      `INSERT INTO campaign_email_stats (campaign_id, contact_id, enrolled, enrollment_replied)
       SELECT campaign_id, contact_id, 1, status = 'replied' FROM campaign_enrollments WHERE true
       ON CONFLICT DO UPDATE SET enrolled = 1, enrollment_replied = excluded.enrollment_replied`,
    ],
    "write",
  );
}
