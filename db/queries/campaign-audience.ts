import { sql } from "drizzle-orm";
import type { Database } from "../client";
import type { Seniority, Vertical } from "../schema";
import { MAX_FACTS } from "./outreach";

export type AudienceContactRow = { companyId: number; vertical: Vertical; seniority: Seniority | null; country: string | null };
export type AudienceFactRow = { companyId: number; fact: string; confidence: number };

/**
 * What the campaign panel reads about an audience: each contact's company, vertical, seniority
 * and country, and each of their companies' most confident facts (at most MAX_FACTS, as a draft
 * would see them). Contacts that no longer exist are simply absent. The ids travel as one JSON
 * parameter, so 20,000 of them are one statement, not a bound-parameter limit.
 */
export async function loadAudience(database: Database, contactIds: readonly number[]): Promise<{ contacts: AudienceContactRow[]; facts: AudienceFactRow[] }> {
  const ids = JSON.stringify(contactIds);
  const contacts = await database.all<AudienceContactRow>(sql`
    SELECT c.company_id AS companyId, co.vertical AS vertical, c.seniority AS seniority, co.country AS country
    FROM contacts c JOIN companies co ON co.id = c.company_id
    WHERE c.id IN (SELECT value FROM json_each(${ids}))`);
  const facts = await database.all<AudienceFactRow>(sql`
    SELECT company_id AS companyId, fact, confidence FROM (
      SELECT f.company_id, f.fact, f.confidence,
             row_number() OVER (PARTITION BY f.company_id ORDER BY f.confidence DESC, f.observed_at DESC) AS rank
      FROM company_facts f
      WHERE f.company_id IN (SELECT DISTINCT c.company_id FROM contacts c WHERE c.id IN (SELECT value FROM json_each(${ids})))
    ) WHERE rank <= ${MAX_FACTS}`);
  return { contacts, facts };
}
