import { VERTICALS, type Vertical } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { CATALOGUE, CONVERTED_LABELS, type CatalogueReport } from "./catalogue";
import { executeQuery, rowObjects, type ExecuteOptions } from "./executor";

/**
 * Deterministic reports: fixed SQL, run through the same gate and read-only path as any query.
 *
 * The funnel is a true funnel: a contact (an enrolled contact, for a campaign) counts at a stage
 * only when it also counts at every stage before it, so each stage is a subset of the one before.
 * - discovered: the contact exists (for a campaign: is enrolled in it);
 * - enriched: and its company has `enriched_at`;
 * - contacted: and it was sent at least one email (for a campaign: one with that campaign_id);
 * - opened: and an email was opened — or it replied or converted, since a reply proves the email
 *   was read where open tracking missed it (images blocked);
 * - replied: and it replied (an inbound email under the same campaign rule, or the contact's
 *   `replied` flag / the enrollment's `replied` status), or converted;
 * - converted: and it has an outcome labelled interested or meeting_scheduled (for a campaign:
 *   one whose reply email belongs to the campaign).
 * A contact emailed from an unenriched company therefore leaves the funnel after discovered: the
 * funnel follows the pipeline, and counting it as contacted made "contacted" exceed "enriched".
 * Email counts come from the trigger-kept `contact_email_stats` / `campaign_email_stats`.
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
 * The stages past enrichment as sums over rows with `sent`, `opened`, `replied` and `converted`
 * expressions, each stage requiring the one before (see FUNNEL_STAGES).
 */
function stageSums(f: { sent: string; opened: string; replied: string; converted: string }, prefix = ""): string {
  const contacted = `(${f.sent})`;
  const replied = `${contacted} AND ((${f.replied}) OR ${f.converted})`;
  return [
    `sum(${contacted}) AS ${prefix}contacted`,
    `sum(${contacted} AND ((${f.opened}) OR (${f.replied}) OR ${f.converted})) AS ${prefix}opened`,
    `sum(${replied}) AS ${prefix}replied`,
    `sum(${contacted} AND ${f.converted}) AS ${prefix}converted`,
  ].join(", ");
}

/**
 * The funnel's SQL for a scope. Filters come from closed sets (a vertical, an integer id) only.
 *
 * Shaped for 100k contacts / 1M emails: email stages read the trigger-kept stats tables, and
 * conversions are gathered from the (few) converting outcomes first. For a campaign, stages are
 * counted over every enrollment, then the same counts over enrollments of unenriched companies
 * (walked from those companies outward) are taken away: joining every enrollment to its contact
 * and company took 0.45 s at that scale.
 */
export function funnelSql(scope: FunnelScope): string {
  if (scope.by === "vertical") {
    if (scope.vertical !== undefined && !VERTICALS.includes(scope.vertical)) throw new AppError("bad_request:analytics", { message: `Unknown vertical "${scope.vertical}".` });
    const where = scope.vertical ? `WHERE co.vertical = '${scope.vertical}'` : "";
    const enrichedOnly = (e: string) => `co.enriched_at IS NOT NULL AND ${e}`;
    // The converting contacts as a subquery in FROM (grouped, so SQLite indexes it for the join);
    // as a CTE SQLite re-read it for every contact, which took 27 s at 100,000 contacts.
    return `SELECT co.vertical AS key, count(*) AS discovered, count(co.enriched_at) AS enriched,
  ${stageSums({
    sent: enrichedOnly("coalesce(x.outbound, 0) > 0"),
    opened: "coalesce(x.opened, 0) > 0",
    replied: "c.replied = 1 OR coalesce(x.inbound, 0) > 0",
    converted: "v.contact_id IS NOT NULL",
  })}
FROM contacts c JOIN companies co ON co.id = c.company_id
LEFT JOIN contact_email_stats x ON x.contact_id = c.id
LEFT JOIN (SELECT contact_id FROM outcomes WHERE label IN (${CONVERTED}) GROUP BY contact_id) v ON v.contact_id = c.id ${where}
GROUP BY co.vertical ORDER BY co.vertical`;
  }
  if (scope.campaignId !== undefined && !Number.isSafeInteger(scope.campaignId)) throw new AppError("bad_request:analytics", { message: "The campaign id must be an integer." });
  const only = (column: string) => (scope.campaignId === undefined ? "" : `AND ${column} = ${scope.campaignId}`);
  const flags = { sent: "s.outbound > 0", opened: "s.opened > 0", replied: "s.enrollment_replied = 1 OR s.inbound > 0", converted: "v.contact_id IS NOT NULL" };
  return `WITH converted AS (
  SELECT r.campaign_id, o.contact_id FROM outcomes o JOIN emails r ON r.id = o.email_id
  WHERE o.label IN (${CONVERTED}) AND r.campaign_id IS NOT NULL ${only("r.campaign_id")}
  GROUP BY r.campaign_id, o.contact_id
), everyone AS (
  SELECT s.campaign_id, count(*) AS discovered, ${stageSums(flags)}
  FROM campaign_email_stats s LEFT JOIN converted v ON v.campaign_id = s.campaign_id AND v.contact_id = s.contact_id
  WHERE s.enrolled = 1 ${only("s.campaign_id")} GROUP BY s.campaign_id
), unenriched AS (
  SELECT s.campaign_id, count(*) AS n, ${stageSums(flags, "u_")}
  FROM companies co CROSS JOIN contacts c ON c.company_id = co.id CROSS JOIN campaign_enrollments ce ON ce.contact_id = c.id
  JOIN campaign_email_stats s ON s.campaign_id = ce.campaign_id AND s.contact_id = ce.contact_id AND s.enrolled = 1
  LEFT JOIN converted v ON v.campaign_id = s.campaign_id AND v.contact_id = s.contact_id
  WHERE co.enriched_at IS NULL ${only("ce.campaign_id")} GROUP BY s.campaign_id
)
SELECT cm.name AS key, e.campaign_id, e.discovered, e.discovered - coalesce(u.n, 0) AS enriched,
  ${FUNNEL_STAGES.slice(2).map((stage) => `e.${stage} - coalesce(u.u_${stage}, 0) AS ${stage}`).join(", ")}
FROM everyone e JOIN email_campaigns cm ON cm.id = e.campaign_id LEFT JOIN unenriched u ON u.campaign_id = e.campaign_id
ORDER BY e.campaign_id`;
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
