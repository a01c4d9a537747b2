import type { InStatement, InValue } from "@libsql/client";
import { and, asc, desc, eq, gt, inArray, lt } from "drizzle-orm";
import type { Database } from "../client";
import { companies, contacts, leadImportRefusals, leadImports, type ConflictSample, type LeadImportStatus, type Seniority, type Vertical } from "../schema";
import { insertStatements } from "../seed/bulk";
import { COUNTRY_DECISION_ACTION } from "./companies";
import { suppressionOf, type SuppressionReason } from "./contacts";
import { emailHash } from "./suppression";

export type LeadImport = typeof leadImports.$inferSelect;

export type ExistingContact = {
  id: number;
  email: string;
  companyId: number;
  firstName: string;
  lastName: string;
  title: string | null;
  seniority: Seniority | null;
  department: string | null;
  linkedinUrl: string | null;
  doNotContact: boolean;
  bounced: boolean;
  unsubscribed: boolean;
};

export type ExistingCompany = { id: number; domain: string; name: string; vertical: Vertical; size: string; employeeCount: number | null; hqCity: string | null; country: string | null };

/** What the database already holds about a batch's addresses and domains. */
export type Lookups = {
  contacts: ReadonlyMap<string, ExistingContact>;
  companies: ReadonlyMap<string, ExistingCompany>;
  /** Addresses of the batch on the suppression list, with the list's reason. */
  suppressed: ReadonlyMap<string, SuppressionReason>;
};

export type CompanyValues = { domain: string; name: string; vertical: Vertical; size: string; employeeCount: number | null; hqCity: string | null; country: string | null };
export type CompanyPatch = Partial<Omit<CompanyValues, "domain">>;
export type ContactValues = {
  companyDomain: string; email: string; firstName: string; lastName: string; title: string | null; seniority: Seniority | null; department: string | null; linkedinUrl: string | null;
  unsubscribed: boolean; bounced: boolean; doNotContact: boolean;
};
export type ContactPatch = Partial<Pick<ExistingContact, "title" | "seniority" | "department" | "linkedinUrl" | "doNotContact" | "bounced" | "unsubscribed">>;

/** What one batch of an import writes (lib/leads/plan.ts decides it). */
export type LeadBatchWrite = {
  newCompanies: CompanyValues[];
  companyPatches: { id: number; set: CompanyPatch }[];
  /** A country read from a company's HQ by the offline resolver, stored as the company's country decision. */
  countryDecisions: { domain: string; hq: string; previous: string | null; resolution: { country: string | null; confidence: number; reasons: string[]; evidence: string[] } }[];
  newContacts: ContactValues[];
  contactPatches: { id: number; set: ContactPatch }[];
  /** Addresses the file marks unsubscribed or bounced that are not on the suppression list yet. */
  suppressions: { email: string; reason: "unsubscribe" | "bounce" }[];
  refusals: { line: number; reasons: string[]; cells: string[] }[];
};

export async function createLeadImport(database: Database, values: { filename: string; path: string; headers: string[]; bytes: number; createdBy: string | null; ownerId: string | null }): Promise<LeadImport> {
  const [row] = await database.insert(leadImports).values(values).returning();
  return row!;
}

export async function getLeadImport(database: Database, id: number): Promise<LeadImport | null> {
  const [row] = await database.select().from(leadImports).where(eq(leadImports.id, id)).limit(1);
  return row ?? null;
}

/** The latest imports, newest first; `createdBy` narrows to one person's. */
export async function listLeadImports(database: Database, options: { createdBy?: string; limit: number }) {
  return database
    .select({ id: leadImports.id, filename: leadImports.filename, status: leadImports.status, createdAt: leadImports.createdAt, contactsCreated: leadImports.contactsCreated, refused: leadImports.refused })
    .from(leadImports)
    .where(options.createdBy ? eq(leadImports.createdBy, options.createdBy) : undefined)
    .orderBy(desc(leadImports.id))
    .limit(options.limit);
}

/** Moves an import from `from` to `to` (with the fields given); false when it was not in `from`. */
export async function moveLeadImport(database: Database, id: number, from: readonly LeadImportStatus[], to: LeadImportStatus, set: Partial<Pick<LeadImport, "mapping" | "startedAt" | "finishedAt" | "error" | "path">> = {}): Promise<boolean> {
  const rows = await database.update(leadImports).set({ status: to, ...set }).where(and(eq(leadImports.id, id), inArray(leadImports.status, [...from]))).returning({ id: leadImports.id });
  return rows.length > 0;
}

/** What the database holds about these addresses and domains (both already normalised). */
export async function lookupLeads(database: Database, emails: readonly string[], domains: readonly string[]): Promise<Lookups> {
  const [contactRows, companyRows, suppressed] = await Promise.all([
    emails.length
      ? database
          .select({
            id: contacts.id, email: contacts.email, companyId: contacts.companyId, firstName: contacts.firstName, lastName: contacts.lastName, title: contacts.title,
            seniority: contacts.seniority, department: contacts.department, linkedinUrl: contacts.linkedinUrl,
            doNotContact: contacts.doNotContact, bounced: contacts.bounced, unsubscribed: contacts.unsubscribed,
          })
          .from(contacts)
          .where(inArray(contacts.email, [...emails]))
      : [],
    domains.length
      ? database
          .select({ id: companies.id, domain: companies.domain, name: companies.name, vertical: companies.vertical, size: companies.size, employeeCount: companies.employeeCount, hqCity: companies.hqCity, country: companies.country })
          .from(companies)
          .where(inArray(companies.domain, [...domains]))
      : [],
    suppressionOf(database, [...emails]),
  ]);
  return {
    contacts: new Map(contactRows.map((c: ExistingContact) => [c.email, c])),
    companies: new Map(companyRows.map((c: ExistingCompany) => [c.domain, c])),
    suppressed,
  };
}

const COMPANY_COLUMNS: Record<string, string> = { name: "name", vertical: "vertical", size: "size", employeeCount: "employee_count", hqCity: "hq_city", country: "country" };
const CONTACT_COLUMNS: Record<string, string> = { title: "title", seniority: "seniority", department: "department", linkedinUrl: "linkedin_url", doNotContact: "do_not_contact", bounced: "bounced", unsubscribed: "unsubscribed" };
const FLAG_COLUMNS = new Set(["do_not_contact", "bounced", "unsubscribed"]);

/**
 * A fill-empty UPDATE: each column keeps a value someone stored since the batch was planned
 * (`coalesce(nullif(col, ''), ?)`); a flag is only ever raised.
 */
function fillStatement(table: string, columns: Record<string, string>, id: number, set: Record<string, unknown>): InStatement {
  const parts: string[] = [];
  const args: InValue[] = [];
  for (const [field, value] of Object.entries(set)) {
    const column = columns[field]!;
    if (FLAG_COLUMNS.has(column)) parts.push(`"${column}" = 1`);
    else {
      parts.push(`"${column}" = coalesce(nullif("${column}", ''), ?)`);
      args.push(value as InValue);
    }
  }
  return { sql: `UPDATE "${table}" SET ${parts.join(", ")} WHERE id = ?`, args: [...args, id] };
}

export type BatchProgress = {
  importId: number;
  rowsDone: number;
  bytesDone: number;
  counts: { contactsCreated: number; contactsMerged: number; contactsUnchanged: number; companiesCreated: number; companiesMerged: number; refused: number; suppressed: number; countriesResolved: number; conflicts: number };
  conflictSamples: ConflictSample[];
};

/**
 * Writes one planned batch and the import's progress in one transaction, so the counters always
 * describe exactly the rows written (a resumed job starts after `rowsDone`). Contacts find their
 * company by domain inside the statement, so a company created in the same batch needs no
 * round trip for its id.
 */
export async function writeLeadBatch(database: Database, plan: LeadBatchWrite, progress: BatchProgress, context: { ownerId: string | null; actorId: string | null; resolverVersion: string }): Promise<void> {
  const byDomain = `(SELECT id FROM companies WHERE domain = ?)`;
  const statements: InStatement[] = [
    ...insertStatements(
      "companies",
      ["name", "domain", "vertical", "size", "employee_count", "country", "hq_city"],
      plan.newCompanies.map((c) => [c.name, c.domain, c.vertical, c.size, c.employeeCount, c.country, c.hqCity]),
      { suffix: "ON CONFLICT(domain) DO NOTHING" },
    ),
    ...plan.companyPatches.map((p) => fillStatement("companies", COMPANY_COLUMNS, p.id, p.set)),
    ...insertStatements(
      "contacts",
      ["company_id", "first_name", "last_name", "email", "title", "seniority", "department", "linkedin_url", "do_not_contact", "bounced", "unsubscribed", "owner_id"],
      plan.newContacts.map((c) => [c.companyDomain, c.firstName, c.lastName, c.email, c.title, c.seniority, c.department, c.linkedinUrl, c.doNotContact ? 1 : 0, c.bounced ? 1 : 0, c.unsubscribed ? 1 : 0, context.ownerId]),
      { tuple: `(${byDomain}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, suffix: "ON CONFLICT(email) DO NOTHING" },
    ),
    ...plan.contactPatches.map((p) => fillStatement("contacts", CONTACT_COLUMNS, p.id, p.set)),
    ...insertStatements(
      "suppression",
      ["email_hash", "reason", "source", "added_by"],
      plan.suppressions.map((s) => [emailHash(s.email), s.reason, `lead_import:${progress.importId}`, context.actorId]),
      { suffix: "ON CONFLICT DO NOTHING" },
    ),
    ...insertStatements(
      "audit_log",
      ["actor_id", "action", "target_type", "target_id", "detail"],
      plan.countryDecisions.map((d) => [
        context.actorId, COUNTRY_DECISION_ACTION, "company", d.domain,
        JSON.stringify({ hq: d.hq, country: d.resolution.country, confidence: d.resolution.confidence, reasons: d.resolution.reasons, source: "rules", promptVersion: context.resolverVersion, previous: d.previous, runId: null, evidence: d.resolution.evidence, via: `lead_import:${progress.importId}` }),
      ]),
      { tuple: `(?, ?, ?, (SELECT CAST(id AS TEXT) FROM companies WHERE domain = ?), ?)` },
    ),
    ...insertStatements(
      "lead_import_refusals",
      ["import_id", "line", "reasons", "cells"],
      plan.refusals.map((r) => [progress.importId, r.line, JSON.stringify(r.reasons), JSON.stringify(r.cells)]),
    ),
  ];
  const c = progress.counts;
  statements.push({
    sql: `UPDATE lead_imports SET rows_done = ?, bytes_done = ?, contacts_created = contacts_created + ?, contacts_merged = contacts_merged + ?,
          contacts_unchanged = contacts_unchanged + ?, companies_created = companies_created + ?, companies_merged = companies_merged + ?,
          refused = refused + ?, suppressed = suppressed + ?, countries_resolved = countries_resolved + ?, conflicts = conflicts + ?, conflict_samples = ?
          WHERE id = ?`,
    args: [progress.rowsDone, progress.bytesDone, c.contactsCreated, c.contactsMerged, c.contactsUnchanged, c.companiesCreated, c.companiesMerged, c.refused, c.suppressed, c.countriesResolved, c.conflicts, JSON.stringify(progress.conflictSamples), progress.importId],
  });
  await database.$client.batch(statements, "write");
}

/** The ids of the contacts with these addresses (unknown addresses are skipped). */
export async function contactIdsByEmail(database: Database, emails: readonly string[]): Promise<number[]> {
  if (!emails.length) return [];
  const rows = await database.select({ id: contacts.id }).from(contacts).where(inArray(contacts.email, [...emails]));
  return rows.map((r) => r.id);
}

/** One page of an import's refused rows, in file order. */
export async function refusalsAfter(database: Database, importId: number, afterId: number, limit: number) {
  return database
    .select({ id: leadImportRefusals.id, line: leadImportRefusals.line, reasons: leadImportRefusals.reasons, cells: leadImportRefusals.cells })
    .from(leadImportRefusals)
    .where(and(eq(leadImportRefusals.importId, importId), gt(leadImportRefusals.id, afterId)))
    .orderBy(asc(leadImportRefusals.id))
    .limit(limit);
}

/** Uploads never started, older than `before` (their files wait on disk for nothing). */
export async function staleUploads(database: Database, before: Date, limit = 100): Promise<number[]> {
  const rows = await database.select({ id: leadImports.id }).from(leadImports).where(and(eq(leadImports.status, "uploaded"), lt(leadImports.createdAt, before))).limit(limit);
  return rows.map((r) => r.id);
}
