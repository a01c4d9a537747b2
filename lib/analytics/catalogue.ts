/**
 * Fixed reports operators ask for again and again. Each is one SELECT that passes the same gate
 * as any other query (tested) and returns at most 50 rows. Times are stored as epoch
 * milliseconds, hence the `/ 1000, 'unixepoch'` conversions. Per-contact and per-campaign email
 * counts come from `contact_email_stats` / `campaign_email_stats`, which triggers keep equal to
 * counts over `emails` (tested against the raw table), so no report scans a million emails.
 */
export type ChartKind = "bar" | "line" | "table";
export type CatalogueReport = {
  id: string;
  title: string;
  description: string;
  sql: string;
  chart: ChartKind;
  /** Words a question about this report is likely to use; scoreReports ranks the closest reports on them. */
  keywords: string[];
};

// The positive outcome labels that count as a conversion (inbound_classify's vocabulary).
export const CONVERTED_LABELS = ["interested", "meeting_scheduled"] as const;

export const CATALOGUE: CatalogueReport[] = [
  {
    id: "replies_by_campaign",
    title: "Replies by campaign",
    description: "Outbound emails sent, replies received and replies per 100 emails sent, per campaign.",
    chart: "bar",
    keywords: ["reply", "replies", "replied", "response", "campaign", "campaigns", "by campaign"],
    sql: `SELECT c.name AS campaign, sum(s.outbound) AS sent, sum(s.inbound) AS replies,
  round(100.0 * sum(s.inbound) / max(sum(s.outbound), 1), 2) AS replies_per_100_sent
FROM campaign_email_stats s JOIN email_campaigns c ON c.id = s.campaign_id
GROUP BY c.id, c.name ORDER BY replies DESC, c.name`,
  },
  {
    id: "open_rate_by_vertical",
    title: "Open rate by vertical",
    description: "Share of outbound emails opened, per company vertical.",
    chart: "bar",
    keywords: ["open", "opens", "opened", "open rate", "vertical", "industry", "sector"],
    sql: `SELECT co.vertical, sum(x.outbound) AS sent, sum(x.opened) AS opened, round(100.0 * sum(x.opened) / max(sum(x.outbound), 1), 2) AS open_rate_pct
FROM contact_email_stats x JOIN contacts c ON c.id = x.contact_id JOIN companies co ON co.id = c.company_id
WHERE x.outbound > 0
GROUP BY co.vertical ORDER BY co.vertical`,
  },
  {
    id: "bounces_by_week",
    title: "Bounces by week",
    description: "Emails that bounced, per week of the bounce (year-week, weeks starting Monday), latest first.",
    chart: "line",
    keywords: ["bounce", "bounces", "bounced", "week", "weekly", "deliverability"],
    sql: `SELECT strftime('%Y-%W', bounced_at / 1000, 'unixepoch') AS week, count(*) AS bounces
FROM emails WHERE bounced_at IS NOT NULL
GROUP BY week ORDER BY week DESC LIMIT 50`,
  },
  {
    id: "top_companies_by_engagement",
    title: "Top companies by engagement",
    description: "The 20 companies whose contacts engaged most: opened emails plus five points per replying contact.",
    chart: "table",
    keywords: ["top", "companies", "company", "accounts", "engagement", "engaged", "most", "best"],
    sql: `SELECT co.name AS company, co.vertical, sum(x.opened) AS opened_emails, sum(c.replied) AS replying_contacts,
  sum(x.opened) + 5 * sum(c.replied) AS engagement
FROM contact_email_stats x JOIN contacts c ON c.id = x.contact_id JOIN companies co ON co.id = c.company_id
WHERE x.outbound > 0
GROUP BY co.id, co.name, co.vertical ORDER BY engagement DESC, co.name LIMIT 20`,
  },
  {
    id: "reply_rate_by_seniority",
    title: "Reply rate by seniority",
    description: "Of the contacts emailed at least once, the share who replied, per seniority band.",
    chart: "bar",
    keywords: ["reply", "reply rate", "replied", "seniority", "level", "title", "role", "executives", "c-level", "vp"],
    sql: `SELECT coalesce(c.seniority, 'unknown') AS seniority, count(*) AS contacted, sum(c.replied) AS replied,
  round(100.0 * sum(c.replied) / count(*), 2) AS reply_rate_pct
FROM contact_email_stats x JOIN contacts c ON c.id = x.contact_id
WHERE x.outbound > 0
GROUP BY 1 ORDER BY reply_rate_pct DESC, 1`,
  },
  {
    id: "emails_per_day_30d",
    title: "Emails per day, last 30 days",
    description: "Outbound emails sent and inbound emails received per day (UTC), over the last 30 days including today; days without email show 0.",
    chart: "line",
    keywords: ["emails", "per day", "daily", "day", "volume", "sent", "last 30 days", "month", "recent", "activity"],
    // One index range count per day and direction: grouping 30 days of rows by a computed day
    // would sort a third of a million index entries at demo scale.
    sql: `WITH RECURSIVE days(d) AS (
  SELECT unixepoch('now', 'start of day', '-29 days') * 1000
  UNION ALL SELECT d + 86400000 FROM days WHERE d < unixepoch('now', 'start of day') * 1000
)
SELECT date(d / 1000, 'unixepoch') AS day,
  (SELECT count(*) FROM emails WHERE sent_at >= d AND sent_at < d + 86400000 AND direction = 'outbound') AS sent,
  (SELECT count(*) FROM emails WHERE sent_at >= d AND sent_at < d + 86400000 AND direction = 'inbound') AS received
FROM days ORDER BY day`,
  },
  {
    id: "unsubscribes_by_campaign",
    title: "Unsubscribes by campaign",
    description: "Inbound replies classified as unsubscribe, per campaign of the reply.",
    chart: "bar",
    keywords: ["unsubscribe", "unsubscribes", "unsubscribed", "opt out", "opt-out", "campaign", "by campaign"],
    sql: `SELECT c.name AS campaign, count(*) AS unsubscribes
FROM outcomes o JOIN emails e ON e.id = o.email_id JOIN email_campaigns c ON c.id = e.campaign_id
WHERE o.label = 'unsubscribe'
GROUP BY c.id, c.name ORDER BY unsubscribes DESC, c.name`,
  },
  {
    id: "meeting_rate_by_vertical",
    title: "Meeting rate by vertical",
    description: "Of the contacts emailed at least once, the share with a meeting_scheduled outcome, per company vertical.",
    chart: "bar",
    keywords: ["meeting", "meetings", "booked", "scheduled", "meeting rate", "vertical", "industry", "sector"],
    sql: `SELECT vertical, count(*) AS contacted, sum(met) AS meetings, round(100.0 * sum(met) / count(*), 2) AS meeting_rate_pct
FROM (
  SELECT co.vertical, EXISTS (SELECT 1 FROM outcomes o WHERE o.contact_id = c.id AND o.label = 'meeting_scheduled') AS met
  FROM contact_email_stats x JOIN contacts c ON c.id = x.contact_id JOIN companies co ON co.id = c.company_id
  WHERE x.outbound > 0
) t
GROUP BY vertical ORDER BY vertical`,
  },
  {
    id: "contacts_by_country",
    title: "Contacts by country",
    description: "Contacts per country of their company's headquarters (ISO 3166-1 alpha-2).",
    chart: "bar",
    keywords: ["contacts", "country", "countries", "geography", "region", "location", "where"],
    sql: `SELECT coalesce(co.country, 'unknown') AS country, count(*) AS contacts
FROM contacts c JOIN companies co ON co.id = c.company_id
GROUP BY 1 ORDER BY contacts DESC, country LIMIT 50`,
  },
  {
    id: "facts_coverage_by_vertical",
    title: "Company facts coverage by vertical",
    description: "Companies with at least one fact, facts per company and their mean confidence, per vertical.",
    chart: "bar",
    keywords: ["facts", "fact", "coverage", "research", "enrichment", "data quality", "vertical", "confidence"],
    sql: `SELECT co.vertical, count(*) AS companies, sum(coalesce(f.n, 0) > 0) AS with_facts,
  round(avg(coalesce(f.n, 0)), 2) AS facts_per_company, round(sum(f.confidence_sum) / max(sum(f.n), 1), 3) AS mean_confidence
FROM companies co
LEFT JOIN (SELECT company_id, count(*) AS n, sum(confidence) AS confidence_sum FROM company_facts GROUP BY company_id) f ON f.company_id = co.id
GROUP BY co.vertical ORDER BY co.vertical`,
  },
  {
    id: "outcomes_by_label",
    title: "Reply outcomes by label",
    description: "Classified replies per label and polarity (interested, not_interested, auto_reply, unsubscribe…).",
    chart: "bar",
    keywords: ["outcomes", "outcome", "labels", "classification", "classified", "interested", "sentiment", "polarity"],
    sql: `SELECT label, polarity, count(*) AS outcomes FROM outcomes GROUP BY label, polarity ORDER BY outcomes DESC, label`,
  },
  {
    id: "enrollments_by_campaign",
    title: "Enrollments by campaign and status",
    description: "Contacts enrolled per campaign, split by enrollment status (active, completed, replied, stopped, paused).",
    chart: "table",
    keywords: ["enrollment", "enrollments", "enrolled", "status", "pipeline", "sequence", "campaign"],
    sql: `SELECT c.name AS campaign, ce.status, count(*) AS enrollments
FROM campaign_enrollments ce JOIN email_campaigns c ON c.id = ce.campaign_id
GROUP BY c.id, c.name, ce.status ORDER BY c.name, ce.status`,
  },
];
