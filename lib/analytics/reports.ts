import { VERTICALS, type Vertical } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { CATALOGUE, CONVERTED_LABELS, type CatalogueReport } from "./catalogue";
import { executeQuery, rowObjects, type ExecuteOptions } from "./executor";

/**
 * Deterministic reports: fixed SQL, run through the same gate and read-only path as any query.
 *
 * The funnel, per contact (per enrolled contact for a campaign), each stage counted on its own:
 * - discovered: the contact exists (for a campaign: is enrolled in it);
 * - enriched: the contact's company has `enriched_at`;
 * - contacted: at least one outbound email (for a campaign: with that campaign_id);
 * - opened: an outbound email with `opened_at` (same campaign rule);
 * - replied: an inbound email (same campaign rule), or the contact's `replied` flag (for a
 *   campaign: the enrollment's `replied` status);
 * - converted: an outcome labelled interested or meeting_scheduled (for a campaign: one whose
 *   reply email belongs to the campaign).
 * Email counts come from the trigger-kept `contact_email_stats` / `campaign_email_stats`.
 * Stages are counted independently, as the seeds' funnel does, not intersected: a contact from an
 * unenriched company who was emailed still counts as contacted. A stage can therefore exceed the
 * one before it (a reply whose open was never tracked); its rate is then above 1 and is reported
 * as is, since clamping would hide a tracking gap.
 */
export const FUNNEL_STAGES = ["discovered", "enriched", "contacted", "opened", "replied", "converted"] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export type FunnelRow = {
  /** The vertical, or the campaign's name. */
  key: string;
  campaignId?: number;
  counts: Record<FunnelStage, number>;
  /** count(stage) / count(previous stage); null for the first stage or an empty previous one. */
  rates: Record<Exclude<FunnelStage, "discovered">, number | null>;
  /** converted / discovered. */
  overall: number | null;
};
export type FunnelScope = { by: "vertical"; vertical?: Vertical } | { by: "campaign"; campaignId?: number };

/** Fixed reports scan whole tables at scale; they get more time than an ad-hoc query. */
export const REPORT_TIMEOUT_MS = 15_000;
const CONVERTED = CONVERTED_LABELS.map((label) => `'${label}'`).join(", ");

/**
 * The funnel's SQL for a scope. Filters come from closed sets (a vertical, an integer id) only.
 *
 * Shaped for 100k contacts / 1M emails: email stages read the trigger-kept stats tables, and
 * conversions are counted from the (few) converting outcomes outward rather than probed once per
 * contact or enrollment. Per-contact and per-enrollment subqueries made the campaign funnel 1.5 s;
 * joining each enrollment to its stats, contact and company still took 0.45 s.
 */
export function funnelSql(scope: FunnelScope): string {
  if (scope.by === "vertical") {
    if (scope.vertical !== undefined && !VERTICALS.includes(scope.vertical)) throw new AppError("bad_request:analytics", { message: `Unknown vertical "${scope.vertical}".` });
    const where = scope.vertical ? `WHERE co.vertical = '${scope.vertical}'` : "";
    return `WITH stages AS (
  SELECT co.vertical AS key, count(*) AS discovered, count(co.enriched_at) AS enriched,
    sum(coalesce(x.outbound, 0) > 0) AS contacted, sum(coalesce(x.opened, 0) > 0) AS opened,
    sum(c.replied = 1 OR coalesce(x.inbound, 0) > 0) AS replied
  FROM contacts c JOIN companies co ON co.id = c.company_id LEFT JOIN contact_email_stats x ON x.contact_id = c.id ${where}
  GROUP BY co.vertical
), converted AS (
  SELECT co.vertical AS key, count(*) AS converted
  FROM (SELECT DISTINCT contact_id FROM outcomes WHERE label IN (${CONVERTED})) o
  JOIN contacts c ON c.id = o.contact_id JOIN companies co ON co.id = c.company_id ${where}
  GROUP BY co.vertical
)
SELECT s.key, s.discovered, s.enriched, s.contacted, s.opened, s.replied, coalesce(v.converted, 0) AS converted
FROM stages s LEFT JOIN converted v ON v.key = s.key ORDER BY s.key`;
  }
  if (scope.campaignId !== undefined && !Number.isSafeInteger(scope.campaignId)) throw new AppError("bad_request:analytics", { message: "The campaign id must be an integer." });
  const only = (column: string) => (scope.campaignId === undefined ? "" : `AND ${column} = ${scope.campaignId}`);
  // Every enrollment has a campaign_email_stats row (kept by triggers with its email counts), so
  // the email stages are one scan of that table. Enriched is counted as its complement, walking
  // from the unenriched companies (CROSS JOIN fixes that join order), and conversions from the
  // converting outcomes outward.
  return `WITH stages AS (
  SELECT campaign_id, count(*) AS discovered, sum(outbound > 0) AS contacted, sum(opened > 0) AS opened,
    sum(enrollment_replied = 1 OR inbound > 0) AS replied
  FROM campaign_email_stats WHERE enrolled = 1 ${only("campaign_id")} GROUP BY campaign_id
), unenriched AS (
  SELECT ce.campaign_id, count(*) AS n
  FROM companies co CROSS JOIN contacts c ON c.company_id = co.id CROSS JOIN campaign_enrollments ce ON ce.contact_id = c.id
  WHERE co.enriched_at IS NULL ${only("ce.campaign_id")} GROUP BY ce.campaign_id
), converted AS (
  SELECT r.campaign_id, count(DISTINCT o.contact_id) AS converted
  FROM outcomes o JOIN emails r ON r.id = o.email_id
  WHERE o.label IN (${CONVERTED}) ${only("r.campaign_id")}
    AND EXISTS (SELECT 1 FROM campaign_email_stats s WHERE s.campaign_id = r.campaign_id AND s.contact_id = o.contact_id AND s.enrolled = 1)
  GROUP BY r.campaign_id
)
SELECT cm.name AS key, s.campaign_id, s.discovered, s.discovered - coalesce(u.n, 0) AS enriched, s.contacted, s.opened, s.replied,
  coalesce(v.converted, 0) AS converted
FROM stages s JOIN email_campaigns cm ON cm.id = s.campaign_id
LEFT JOIN unenriched u ON u.campaign_id = s.campaign_id LEFT JOIN converted v ON v.campaign_id = s.campaign_id
ORDER BY s.campaign_id`;
}

const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : null);

/** Adds stage-to-stage rates to raw stage counts. */
export function withRates(key: string, counts: Record<FunnelStage, number>, campaignId?: number): FunnelRow {
  const rates = Object.fromEntries(FUNNEL_STAGES.slice(1).map((stage, i) => [stage, ratio(counts[stage], counts[FUNNEL_STAGES[i]!])])) as FunnelRow["rates"];
  return { key, ...(campaignId === undefined ? {} : { campaignId }), counts, rates, overall: ratio(counts.converted, counts.discovered) };
}

/** Runs a fixed report's SQL; a fixed report that fails is a fault, not something to repair. */
export async function runFixed(sql: string, options: ExecuteOptions = {}): Promise<Record<string, unknown>[]> {
  const result = await executeQuery(sql, { timeoutMs: REPORT_TIMEOUT_MS, ...options });
  if (result.ok) return rowObjects(result);
  if (result.kind === "timeout") throw new AppError("timeout:analytics", { message: result.error });
  throw new AppError("internal:analytics", { message: `A fixed report failed (${result.kind}): ${result.error}` });
}

/** The funnel per vertical or per campaign, optionally for one vertical or campaign. */
export async function funnel(scope: FunnelScope, options: ExecuteOptions = {}): Promise<FunnelRow[]> {
  const rows = await runFixed(funnelSql(scope), options);
  return rows.map((row) => {
    const counts = Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, Number(row[stage] ?? 0)])) as Record<FunnelStage, number>;
    return withRates(String(row.key), counts, row.campaign_id == null ? undefined : Number(row.campaign_id));
  });
}

/** Runs a catalogue report by id. */
export async function runReport(id: string, options: ExecuteOptions = {}): Promise<{ report: CatalogueReport; rows: Record<string, unknown>[] }> {
  const report = CATALOGUE.find((r) => r.id === id);
  if (!report) throw new AppError("not_found:analytics", { message: `There is no report "${id}".` });
  return { report, rows: await runFixed(report.sql, options) };
}

export type ReportMatch = { report: CatalogueReport; score: number };

const normalise = (text: string) => ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim()} `;

/**
 * Scores every catalogue report against a question: a keyword phrase of several words found in
 * the question counts 2, a single word 1. Highest first. Only ever used to offer the closest
 * reports to a question the metrics layer could not read, never to answer it.
 */
export function scoreReports(question: string): ReportMatch[] {
  const text = normalise(question);
  return CATALOGUE.map((report) => ({
    report,
    score: report.keywords.reduce((sum, keyword) => {
      const phrase = normalise(keyword);
      return text.includes(phrase) ? sum + (phrase.trim().includes(" ") ? 2 : 1) : sum;
    }, 0),
  })).sort((a, b) => b.score - a.score || a.report.id.localeCompare(b.report.id));
}
