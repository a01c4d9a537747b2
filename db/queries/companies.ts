import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { auditLog, companies, companyFacts, contacts, type Vertical } from "../schema";
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

/** The audit action of a country_classify decision about a company; its detail holds the full provenance. */
export const COUNTRY_DECISION_ACTION = "company.country_classified";

/**
 * Records a country decision about a company: its audit entry (the provenance, since no company
 * column holds one) and, when a country was named, the company's country — one batch, so neither
 * is written without the other.
 */
export async function recordCompanyCountry(
  database: Database,
  input: { companyId: number; country: string | null; actorId: string | null; detail: Record<string, unknown> },
): Promise<void> {
  const audit = database.insert(auditLog).values({ actorId: input.actorId, action: COUNTRY_DECISION_ACTION, targetType: "company", targetId: String(input.companyId), detail: input.detail });
  if (input.country === null) {
    await audit;
    return;
  }
  await database.batch([database.update(companies).set({ country: input.country }).where(eq(companies.id, input.companyId)), audit]);
}

/** The latest country decision recorded about a company, or null. */
export async function latestCountryDecision(database: Database, companyId: number) {
  const [row] = await database
    .select({ at: auditLog.at, actorId: auditLog.actorId, detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.targetType, "company"), eq(auditLog.targetId, String(companyId)), eq(auditLog.action, COUNTRY_DECISION_ACTION)))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row ?? null;
}
