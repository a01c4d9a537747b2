import { sql } from "drizzle-orm";
import type { Database } from "../../client";

export type FixtureContact = {
  first: string;
  title: string | null;
  seniority?: string | null;
  department?: string | null;
  linkedin?: boolean;
  bounced?: boolean;
};

/**
 * Test support: one company of the given vertical with the given contacts, written with plain
 * INSERTs so a test knows every input of their scores. Returns the company id and the contact ids
 * in the order given.
 */
export async function insertScoringFixture(database: Database, tag: string, vertical: string, people: FixtureContact[], company: { enriched?: boolean; employees?: number | null; country?: string | null } = {}): Promise<{ companyId: number; contactIds: number[] }> {
  const [row] = await database.all<{ id: number }>(sql`INSERT INTO companies (name, domain, vertical, size, employee_count, country, enriched_at)
    VALUES (${`Co ${tag}`}, ${`${tag}.example`}, ${vertical}, '51-200', ${company.employees ?? null}, ${company.country ?? null}, ${company.enriched ? Date.now() : null}) RETURNING id`);
  const companyId = row!.id;
  const contactIds: number[] = [];
  for (const [i, p] of people.entries()) {
    const [c] = await database.all<{ id: number }>(sql`INSERT INTO contacts (company_id, first_name, last_name, email, title, seniority, department, linkedin_url, bounced)
      VALUES (${companyId}, ${p.first}, ${`Tester${i}`}, ${`${p.first.toLowerCase()}.${i}@${tag}.example`}, ${p.title}, ${p.seniority ?? null}, ${p.department ?? null},
        ${p.linkedin ? `https://www.linkedin.com/in/${p.first.toLowerCase()}-${tag}` : null}, ${p.bounced ? 1 : 0}) RETURNING id`);
    contactIds.push(c!.id);
  }
  return { companyId, contactIds };
}
