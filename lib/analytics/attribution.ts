import { AppError } from "@/lib/errors";
import { CONVERTED_LABELS } from "./catalogue";
import type { ExecuteOptions } from "./executor";
import { runFixed } from "./reports";

/**
 * Touch attribution: which outbound email gets the credit for a conversion (an outcome labelled
 * interested or meeting_scheduled).
 *
 * "last-touch": the latest outbound email to the contact sent at or before the positive reply
 * (the reply email's sent_at, else the outcome's time), across all of the contact's threads;
 * ties on sent_at go to the higher email id. A conversion with no earlier outbound email gets no
 * credited touch. The model-weighted credit for the latest conversions is the touch_attribution
 * graph's (graphs/touch-attribution), which starts from this.
 */
export type AttributionModel = "last-touch" | "model-weighted";
export type AttributionScope = { contactId: number } | { campaignId: number };

export type Touch = { emailId: number; campaignId: number | null; step: number | null; subject: string; sentAt: number };
export type Conversion = { outcomeId: number; contactId: number; label: string; convertedAt: number; credited: Touch | null };

export type Attribution = {
  model: AttributionModel;
  scope: AttributionScope;
  /** Conversions in scope (for a campaign: credited to one of its emails). */
  total: number;
  /** Credited conversions per touch number (step); null step = a touch outside a sequence. A
   * conversion with no outbound email before it counts in `total` but in no step. */
  byStep: { step: number | null; conversions: number }[];
  /** The most recent conversions, at most 50. */
  conversions: Conversion[];
};

const CONVERTED = CONVERTED_LABELS.map((label) => `'${label}'`).join(", ");

function checkScope(scope: AttributionScope): { filter: string } {
  const id = "contactId" in scope ? scope.contactId : scope.campaignId;
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError("bad_request:analytics", { message: "The id must be a positive integer." });
  // The contact filter applies to outcomes (before crediting); the campaign filter to the credited email.
  return { filter: "contactId" in scope ? `o.contact_id = ${id}` : `t.campaign_id = ${id}` };
}

/** CTEs `credited` (one row per conversion) and `touches` (with the credited email's details, in scope). */
export function lastTouchCtes(scope: AttributionScope): string {
  const { filter } = checkScope(scope);
  const outcomeFilter = "contactId" in scope ? `AND ${filter}` : "";
  const touchFilter = "campaignId" in scope ? `WHERE ${filter}` : "";
  return `credited AS (
  SELECT o.id AS outcome_id, o.contact_id, o.label, coalesce(r.sent_at, o.at) AS converted_at,
    (SELECT e.id FROM emails e WHERE e.contact_id = o.contact_id AND e.direction = 'outbound' AND e.sent_at <= coalesce(r.sent_at, o.at)
      ORDER BY e.sent_at DESC, e.id DESC LIMIT 1) AS email_id
  FROM outcomes o LEFT JOIN emails r ON r.id = o.email_id
  WHERE o.label IN (${CONVERTED}) ${outcomeFilter}
), touches AS (
  SELECT c.outcome_id, c.contact_id, c.label, c.converted_at, t.id AS email_id, t.campaign_id, t.step, t.subject, t.sent_at
  FROM credited c LEFT JOIN emails t ON t.id = c.email_id ${touchFilter}
)`;
}

/** Last-touch attribution for one contact or one campaign. */
export async function attributeTouches(scope: AttributionScope, options: ExecuteOptions = {}): Promise<Attribution> {
  const ctes = lastTouchCtes(scope);
  const [summary, recent] = await Promise.all([
    runFixed(`WITH ${ctes} SELECT email_id IS NOT NULL AS credited, step, count(*) AS conversions FROM touches GROUP BY 1, 2 ORDER BY 1, 2`, options),
    runFixed(`WITH ${ctes} SELECT * FROM touches ORDER BY converted_at DESC, outcome_id DESC LIMIT 50`, options),
  ]);
  const byStep = summary
    .filter((row) => Number(row.credited) === 1)
    .map((row) => ({ step: row.step == null ? null : Number(row.step), conversions: Number(row.conversions) }));
  const conversions = recent.map((row): Conversion => ({
    outcomeId: Number(row.outcome_id),
    contactId: Number(row.contact_id),
    label: String(row.label),
    convertedAt: Number(row.converted_at),
    credited: row.email_id == null ? null : {
      emailId: Number(row.email_id),
      campaignId: row.campaign_id == null ? null : Number(row.campaign_id),
      step: row.step == null ? null : Number(row.step),
      subject: String(row.subject),
      sentAt: Number(row.sent_at),
    },
  }));
  const total = summary.reduce((sum, row) => sum + Number(row.conversions), 0);
  return { model: "last-touch", scope, total, byStep, conversions };
}
