import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { companies, companyFacts, contacts, type Vertical } from "../schema";
import { likePattern } from "./contacts";

export type CompanyListFilter = { q?: string; vertical?: Vertical; page: number; pageSize: number };

export async function listCompanies(database: Database, filter: CompanyListFilter) {
  const conditions: SQL[] = [];
  if (filter.q) {
    const pattern = likePattern(filter.q);
    conditions.push(sql`(lower(${companies.name}) LIKE ${pattern} ESCAPE '\\' OR ${companies.domain} LIKE ${pattern} ESCAPE '\\')`);
  }
  if (filter.vertical) conditions.push(eq(companies.vertical, filter.vertical));
  const where = conditions.length ? and(...conditions) : undefined;
  const contactCount = database
    .select({ n: count() })
    .from(contacts)
    .where(eq(contacts.companyId, companies.id));
  const [rows, [totals]] = await Promise.all([
    database
      .select({
        id: companies.id,
        name: companies.name,
        domain: companies.domain,
        vertical: companies.vertical,
        size: companies.size,
        country: companies.country,
        hqCity: companies.hqCity,
        enrichedAt: companies.enrichedAt,
        contactCount: sql<number>`(${contactCount})`,
      })
      .from(companies)
      .where(where)
      .orderBy(asc(companies.name), asc(companies.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    database.select({ total: count() }).from(companies).where(where),
  ]);
  return { rows, total: totals?.total ?? 0, page: filter.page, pageSize: filter.pageSize };
}

export type CompanyListPage = Awaited<ReturnType<typeof listCompanies>>;

export async function getCompanyDetail(database: Database, id: number) {
  const [company] = await database.select().from(companies).where(eq(companies.id, id)).limit(1);
  if (!company) return null;
  const facts = await database
    .select()
    .from(companyFacts)
    .where(eq(companyFacts.companyId, id))
    .orderBy(desc(companyFacts.confidence), desc(companyFacts.observedAt));
  return { company, facts };
}

export type CompanyDetail = NonNullable<Awaited<ReturnType<typeof getCompanyDetail>>>;
