import type { CompanyPatch, CompanyValues, ContactPatch, ExistingCompany, LeadBatchWrite, Lookups } from "@/db/queries/lead-imports";
import type { ConflictSample } from "@/db/schema";
import { resolveCountry, type CountryResolution } from "@/lib/geo/resolve";
import { companyProblems, describeProblem, type RowProblem, type RowResult } from "./validate";
import { seniorityOfTitle } from "@/lib/scoring/verticals";

/** A country the offline resolver read from a company's HQ, stored with its evidence. */
export type CountryDecisionPlan = { domain: string; hq: string; previous: string | null; resolution: CountryResolution };

export type PlannedRow = { line: number; cells: string[]; result: RowResult };

export type RowOutcome = {
  line: number;
  email: string | null;
  action: "create" | "merge" | "unchanged" | "refuse";
  company: "create" | "merge" | "unchanged" | null;
  /** The contact is written never contactable (suppression list or a flag). */
  suppressed: boolean;
  problems: string[];
  conflicts: Omit<ConflictSample, "line" | "email">[];
};

export type BatchPlan = LeadBatchWrite & { countryDecisions: CountryDecisionPlan[]; outcomes: RowOutcome[] };

const empty = (value: unknown) => value === null || value === undefined || value === "";
const shown = (value: unknown) => String(value);

/**
 * Fills the fields of `current` that are empty with the offered values, never overwriting a
 * non-empty one: a different offered value is returned as a conflict so the report can say the
 * stored value was kept.
 */
export function fillEmpty<T extends Record<string, unknown>>(current: T, offered: Partial<T>, fields: readonly (keyof T & string)[]) {
  const set: Partial<T> = {};
  const conflicts: { field: string; kept: string; offered: string }[] = [];
  for (const field of fields) {
    const value = offered[field];
    if (empty(value)) continue;
    if (empty(current[field])) set[field] = value;
    else if (String(current[field]).toLowerCase() !== String(value).toLowerCase()) conflicts.push({ field, kept: shown(current[field]), offered: shown(value) });
  }
  return { set, conflicts };
}

const COMPANY_FIELDS = ["name", "vertical", "size", "employeeCount", "hqCity", "country"] as const;
const CONTACT_FIELDS = ["firstName", "lastName", "title", "seniority", "department", "linkedinUrl"] as const;
const FLAGS = ["doNotContact", "bounced", "unsubscribed"] as const;

type CompanyState = { values: CompanyValues; existing: ExistingCompany | null; patch: CompanyPatch };

/**
 * Decides what one batch of validated rows does to the database, without touching it: which
 * companies and contacts are created, which are merged (empty fields filled, flags only ever
 * raised — an import never makes anyone contactable again), which rows are refused and why,
 * which addresses join the suppression list, and which companies get a country from their HQ
 * by the offline resolver.
 */
export function planBatch(rows: readonly PlannedRow[], lookups: Lookups): BatchPlan {
  const plan: BatchPlan = { newCompanies: [], companyPatches: [], countryDecisions: [], newContacts: [], contactPatches: [], suppressions: [], refusals: [], outcomes: [] };
  const companiesByDomain = new Map<string, CompanyState>();
  const refuse = (row: PlannedRow, email: string | null, problems: RowProblem[]) => {
    const reasons = problems.map(describeProblem);
    plan.refusals.push({ line: row.line, reasons, cells: row.cells });
    plan.outcomes.push({ line: row.line, email, action: "refuse", company: null, suppressed: false, problems: reasons, conflicts: [] });
  };

  for (const row of rows) {
    if (!row.result.ok) {
      refuse(row, row.result.email, row.result.problems);
      continue;
    }
    const { contact, company } = row.result.lead;
    const offered: Record<string, unknown> = { name: company.name, vertical: company.vertical, size: company.size, employeeCount: company.employeeCount, hqCity: company.hq, country: company.country };
    let state = companiesByDomain.get(company.domain);
    let companyAction: RowOutcome["company"] = "unchanged";
    const conflicts: RowOutcome["conflicts"] = [];
    if (!state) {
      const existing = lookups.companies.get(company.domain) ?? null;
      if (!existing) {
        const problems = companyProblems(company);
        if (problems.length) {
          refuse(row, contact.email, problems);
          continue;
        }
        companyAction = "create";
        state = { existing: null, patch: {}, values: { domain: company.domain, name: company.name!, vertical: company.vertical!, size: company.size ?? "unknown", employeeCount: company.employeeCount, hqCity: company.hq, country: company.country } };
      } else state = { existing, patch: {}, values: { ...existing } };
      companiesByDomain.set(company.domain, state);
    }
    if (companyAction !== "create") {
      const merged = fillEmpty(state.values as Record<string, unknown>, offered, COMPANY_FIELDS);
      Object.assign(state.values, merged.set);
      if (state.existing) Object.assign(state.patch, merged.set);
      if (Object.keys(merged.set).length) companyAction = state.existing ? "merge" : "unchanged";
      conflicts.push(...merged.conflicts.map((c) => ({ ...c, field: `company.${c.field}` })));
    }

    const listed = lookups.suppressed.get(contact.email);
    for (const [flag, reason] of [["unsubscribed", "unsubscribe"], ["bounced", "bounce"]] as const) {
      if (contact[flag] && !listed && !plan.suppressions.some((s) => s.email === contact.email)) plan.suppressions.push({ email: contact.email, reason });
    }
    const existing = lookups.contacts.get(contact.email);
    let action: RowOutcome["action"];
    let flags: Record<(typeof FLAGS)[number], boolean>;
    if (existing) {
      const merged = fillEmpty(existing as unknown as Record<string, unknown>, contact, CONTACT_FIELDS);
      const set: ContactPatch = merged.set as ContactPatch;
      for (const flag of FLAGS) if (contact[flag] && !existing[flag]) set[flag] = true;
      conflicts.push(...merged.conflicts);
      if (!state.existing || state.existing.id !== existing.companyId) conflicts.push({ field: "company", kept: `company #${existing.companyId}`, offered: company.domain });
      if (Object.keys(set).length) plan.contactPatches.push({ id: existing.id, set });
      action = Object.keys(set).length ? "merge" : "unchanged";
      flags = { doNotContact: existing.doNotContact || contact.doNotContact, bounced: existing.bounced || contact.bounced, unsubscribed: existing.unsubscribed || contact.unsubscribed };
    } else {
      // A new contact with no seniority given takes the band its title implies, as the scorer reads
      // titles, so "VP Sales" and "CTO" are found by the seniority filters and campaign audiences.
      // (A known contact keeps what it has: the file's title may not be the one on record.)
      plan.newContacts.push({ ...contact, seniority: contact.seniority ?? (seniorityOfTitle(contact.title) as typeof contact.seniority), companyDomain: company.domain });
      action = "create";
      flags = contact;
    }
    const suppressed = listed !== undefined || FLAGS.some((f) => flags[f]);
    plan.outcomes.push({ line: row.line, email: contact.email, action, company: companyAction, suppressed, problems: [], conflicts });
  }

  for (const state of companiesByDomain.values()) {
    const { values } = state;
    if (!values.country && values.hqCity) {
      const resolution = resolveCountry(values.hqCity);
      if (resolution.country) {
        plan.countryDecisions.push({ domain: values.domain, hq: values.hqCity, previous: values.country, resolution });
        values.country = resolution.country;
        if (state.existing) state.patch.country = resolution.country;
      }
    }
    if (!state.existing) plan.newCompanies.push(values);
    else if (Object.keys(state.patch).length) plan.companyPatches.push({ id: state.existing.id, set: state.patch });
  }
  return plan;
}
