import { MEASURES, OUTCOME_LABELS, type Dimension, type Measure } from "./vocabulary";
import type { MetricsPlan } from "./parse";

/**
 * A metrics plan as one SELECT over the CRM tables (it passes the same SQL gate as any query).
 * Values in the SQL come only from the closed vocabulary and integers, never from the question's text.
 *
 * Emails are read from the trigger-kept per-contact or per-campaign stats when the question
 * covers all time and no calendar breakdown, and from `emails` by its sent_at index otherwise.
 * A breakdown by campaign counts only emails (or replies) that belong to a campaign.
 */
export function planSql(plan: MetricsPlan): string {
  const source = plan.measures[0]!.source;
  if (source === "emails") return emailsSql(plan);
  if (source === "outcomes") return outcomesSql(plan);
  return contactsSql(plan);
}

const byId = (id: string) => MEASURES.find((m) => m.id === id)!;

/** The measures as output columns: a rate also shows its numerator and denominator. */
function columnsOf(measures: Measure[], expr: (m: Measure) => string): string[] {
  const ids: string[] = [];
  for (const m of measures) {
    if (m.ratio) ids.push(m.ratio.denominator, m.ratio.numerator, m.id);
    else ids.push(m.id);
  }
  const unique = [...new Set(ids)];
  return unique.map((id) => {
    const m = byId(id);
    if (!m.ratio) return `${expr(m)} AS ${m.id}`;
    const [n, d] = [expr(byId(m.ratio.numerator)), expr(byId(m.ratio.denominator))];
    return `round(100.0 * ${n} / nullif(${d}, 0), 1) AS ${m.id}_pct`;
  });
}

/** The column the answer is ordered by: the first measure (a rate's percentage). */
const orderColumn = (plan: MetricsPlan) => (plan.measures[0]!.ratio ? `${plan.measures[0]!.id}_pct` : plan.measures[0]!.id);

function dimensionSql(dimension: Dimension, time: string): { select: string; group: string } {
  switch (dimension.id) {
    case "vertical": return { select: "co.vertical AS vertical", group: "co.vertical" };
    case "seniority": return { select: "coalesce(c.seniority, 'unknown') AS seniority", group: "coalesce(c.seniority, 'unknown')" };
    case "company": return { select: "co.name AS company", group: "co.id, co.name" };
    case "country": return { select: "coalesce(co.country, 'unknown') AS country", group: "coalesce(co.country, 'unknown')" };
    case "campaign": return { select: "cm.name AS campaign", group: "cm.id, cm.name" };
    case "day": return { select: `date(${time} / 1000, 'unixepoch') AS day`, group: "1" };
    case "week": return { select: `strftime('%Y-W%W', ${time} / 1000, 'unixepoch') AS week`, group: "1" };
    default: return { select: `strftime('%Y-%m', ${time} / 1000, 'unixepoch') AS month`, group: "1" };
  }
}

const needsContact = (plan: MetricsPlan) => plan.filters.length > 0 || ["vertical", "seniority", "company", "country"].includes(plan.dimension?.id ?? "");

function filterSql(plan: MetricsPlan): string[] {
  return plan.filters.map((f) => (f.dimension === "vertical" ? `co.vertical = '${f.value}'` : `c.seniority = '${f.value}'`));
}

function windowSql(plan: MetricsPlan, time: string): string[] {
  if (plan.window.kind === "all") return [];
  return [`${time} >= ${plan.window.from}`, ...(plan.window.to !== null ? [`${time} < ${plan.window.to}`] : [])];
}

function assemble(plan: MetricsPlan, select: string[], from: string, where: string[], group: string | null): string {
  const dimensionColumn = plan.dimension?.id ?? null;
  let orderBy: string | null = null;
  if (plan.order) orderBy = `${orderColumn(plan)} ${plan.order === "asc" ? "ASC" : "DESC"}${dimensionColumn ? `, ${dimensionColumn}` : ""}`;
  else if (plan.dimension?.time) orderBy = `${dimensionColumn} ASC`;
  else if (dimensionColumn) orderBy = `${orderColumn(plan)} DESC, ${dimensionColumn}`;
  // A calendar breakdown keeps its latest periods when there are more than fit, shown oldest first.
  if (plan.dimension?.time && !plan.order) {
    const inner = [`SELECT ${select.join(", ")}`, `FROM ${from}`, ...(where.length ? [`WHERE ${where.join(" AND ")}`] : []), `GROUP BY ${group}`, `ORDER BY ${dimensionColumn} DESC`, `LIMIT ${plan.limit ?? 50}`].join("\n");
    return `SELECT * FROM (\n${inner}\n) ORDER BY ${dimensionColumn} ASC`;
  }
  return [
    `SELECT ${select.join(", ")}`,
    `FROM ${from}`,
    ...(where.length ? [`WHERE ${where.join(" AND ")}`] : []),
    ...(group ? [`GROUP BY ${group}`] : []),
    ...(orderBy ? [`ORDER BY ${orderBy}`] : []),
    ...(plan.dimension ? [`LIMIT ${plan.limit ?? 50}`] : []),
  ].join("\n");
}

function emailsSql(plan: MetricsPlan): string {
  const fromStats = plan.window.kind === "all" && !plan.dimension?.time;
  const contact = needsContact(plan) ? " JOIN contacts c ON c.id = x.contact_id JOIN companies co ON co.id = c.company_id" : "";
  if (fromStats) {
    const table = plan.dimension?.id === "campaign" ? "campaign_email_stats x JOIN email_campaigns cm ON cm.id = x.campaign_id" : "contact_email_stats x";
    const dim = plan.dimension ? dimensionSql(plan.dimension, "") : null;
    const select = [...(dim ? [dim.select] : []), ...columnsOf(plan.measures, (m) => m.statsSql!)];
    return assemble(plan, select, `${table}${contact}`, filterSql(plan), dim?.group ?? null);
  }
  const joins = [
    needsContact(plan) ? " JOIN contacts c ON c.id = e.contact_id JOIN companies co ON co.id = c.company_id" : "",
    plan.dimension?.id === "campaign" ? " JOIN email_campaigns cm ON cm.id = e.campaign_id" : "",
  ].join("");
  const dim = plan.dimension ? dimensionSql(plan.dimension, "e.sent_at") : null;
  const select = [...(dim ? [dim.select] : []), ...columnsOf(plan.measures, (m) => m.emailSql!)];
  return assemble(plan, select, `emails e${joins}`, [...windowSql(plan, "e.sent_at"), ...filterSql(plan)], dim?.group ?? null);
}

function outcomesSql(plan: MetricsPlan): string {
  const labels = plan.measures.map((m) => OUTCOME_LABELS[m.id]!);
  const joins = [
    needsContact(plan) ? " JOIN contacts c ON c.id = o.contact_id JOIN companies co ON co.id = c.company_id" : "",
    plan.dimension?.id === "campaign" ? " JOIN emails r ON r.id = o.email_id JOIN email_campaigns cm ON cm.id = r.campaign_id" : "",
  ].join("");
  const dim = plan.dimension ? dimensionSql(plan.dimension, "o.at") : null;
  const select = [...(dim ? [dim.select] : []), ...columnsOf(plan.measures, (m) => `sum(o.label = '${OUTCOME_LABELS[m.id]}')`)];
  const where = [`o.label IN (${labels.map((l) => `'${l}'`).join(", ")})`, ...windowSql(plan, "o.at"), ...filterSql(plan)];
  return assemble(plan, select, `outcomes o${joins}`, where, dim?.group ?? null);
}

function contactsSql(plan: MetricsPlan): string {
  const joins = [
    " JOIN companies co ON co.id = c.company_id",
    plan.dimension?.id === "campaign" ? " JOIN campaign_enrollments ce ON ce.contact_id = c.id JOIN email_campaigns cm ON cm.id = ce.campaign_id" : "",
  ].join("");
  const dim = plan.dimension ? dimensionSql(plan.dimension, "c.created_at") : null;
  const select = [...(dim ? [dim.select] : []), "count(*) AS contacts"];
  return assemble(plan, select, `contacts c${joins}`, [...windowSql(plan, "c.created_at"), ...filterSql(plan)], dim?.group ?? null);
}
