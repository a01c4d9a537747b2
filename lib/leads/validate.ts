import { z } from "zod";
import { SENIORITIES, VERTICALS, type Seniority, type Vertical } from "@/db/schema/crm";
import { isCountryCode } from "@/lib/geo/gazetteer";
import { resolveCountry } from "@/lib/geo/resolve";
import { FIELD_LABELS, type ColumnMapping, type ImportField } from "./columns";

/** What can be wrong with one row. `duplicate` is decided by the importer (it sees the whole file). */
export const PROBLEM_KINDS = ["bad_email", "unknown_vertical", "missing_field", "duplicate", "bad_value"] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];
export type RowProblem = { field: ImportField; kind: ProblemKind; message: string };

export type LeadContact = {
  email: string;
  firstName: string;
  lastName: string;
  title: string | null;
  seniority: Seniority | null;
  department: string | null;
  linkedinUrl: string | null;
  unsubscribed: boolean;
  bounced: boolean;
  doNotContact: boolean;
};

/** Company fields are optional here: a company already known (by domain) needs none of them. */
export type LeadCompany = {
  domain: string;
  name: string | null;
  vertical: Vertical | null;
  size: string | null;
  employeeCount: number | null;
  hq: string | null;
  /** ISO 3166-1 alpha-2, from the file's country column. */
  country: string | null;
};

export type Lead = { contact: LeadContact; company: LeadCompany };
export type RowResult = { ok: true; lead: Lead } | { ok: false; problems: RowProblem[]; email: string | null };

const MAX_TEXT = 300;
const Email = z.email();

/** Mailbox providers whose domain says nothing about the person's company. */
const FREE_MAIL = new Set([
  "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "hotmail.com", "hotmail.co.uk", "outlook.com", "live.com", "msn.com",
  "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de", "yandex.ru", "mail.ru", "qq.com", "163.com",
]);

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const VERTICAL_WORDS: Record<string, Vertical> = {
  ...Object.fromEntries(VERTICALS.map((v) => [v, v])),
  "software as a service": "saas", "financial technology": "fintech", "health care": "healthcare", "logistics and supply chain": "logistics",
};

const SENIORITY_WORDS: Record<string, Seniority> = {
  ...Object.fromEntries(SENIORITIES.map((s) => [s, s])),
  "c level": "c_level", "c-level": "c_level", "c-suite": "c_level", "c suite": "c_level", executive: "c_level", cxo: "c_level",
  "vice president": "vp", "vp": "vp", head: "director", senior: "senior", junior: "entry", "entry level": "entry", mid: "senior",
};

const YES = new Set(["yes", "y", "true", "1", "x"]);
const NO = new Set(["no", "n", "false", "0", ""]);
const STATUS_WORDS: Record<string, "active" | "unsubscribed" | "bounced" | "doNotContact"> = {
  "": "active", active: "active", contactable: "active", subscribed: "active", valid: "active", ok: "active",
  unsubscribed: "unsubscribed", unsubscribe: "unsubscribed", "opted out": "unsubscribed", optout: "unsubscribed", "opted-out": "unsubscribed",
  bounced: "bounced", bounce: "bounced", invalid: "bounced", "hard bounce": "bounced",
  "do not contact": "doNotContact", "do-not-contact": "doNotContact", dnc: "doNotContact", do_not_contact: "doNotContact",
};

/** A domain from a domain, a website URL or an address's host: lower case, no scheme, `www.`, port or path. */
export function normalizeDomain(value: string): string {
  return value.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, "").replace(/^www\./, "").replace(/[/?#:].*$/, "").replace(/\.$/, "");
}

/** Employee band of a head count, in the console's bands (db/seed/vocabulary.ts SIZES, widened both ways). */
export function sizeBand(count: number): string {
  const bands: [number, string][] = [[10, "1-10"], [50, "11-50"], [200, "51-200"], [500, "201-500"], [1000, "501-1000"], [5000, "1001-5000"], [10_000, "5001-10000"]];
  return bands.find(([max]) => count <= max)?.[1] ?? "10001+";
}

/** Reads one row's cells by a mapping. `headerIndex` maps a header to its column. */
export function cellReader(headerIndex: ReadonlyMap<string, number>, mapping: ColumnMapping) {
  const at = new Map<ImportField, number>();
  for (const [field, header] of Object.entries(mapping) as [ImportField, string][]) {
    const index = headerIndex.get(header);
    if (index !== undefined) at.set(field, index);
  }
  return (cells: readonly string[], field: ImportField): string => {
    const index = at.get(field);
    return index === undefined ? "" : (cells[index] ?? "").trim();
  };
}

/**
 * Validates one row against the fields it maps to and turns it into a lead, or lists every
 * problem with it (a person fixing the file sees them all at once). Pure: whether the email was
 * seen earlier in the file, and whether the company is new (then it needs a name and a vertical),
 * are the importer's questions (`companyProblems`).
 */
export function validateRow(read: (field: ImportField) => string): RowResult {
  const problems: RowProblem[] = [];
  const problem = (field: ImportField, kind: ProblemKind, message: string) => problems.push({ field, kind, message });
  const text = (field: ImportField): string | null => {
    const value = read(field);
    if (!value) return null;
    if (value.length > MAX_TEXT) {
      problem(field, "bad_value", `is longer than ${MAX_TEXT} characters`);
      return null;
    }
    return value;
  };

  const rawEmail = read("email");
  const email = rawEmail.toLowerCase();
  if (!rawEmail) problem("email", "missing_field", "is empty");
  else if (email.length > 254 || !Email.safeParse(email).success) problem("email", "bad_email", `"${rawEmail.slice(0, 80)}" is not a valid email address`);

  let firstName = text("firstName");
  let lastName = text("lastName");
  const fullName = text("fullName");
  if ((!firstName || !lastName) && fullName) {
    const parts = fullName.split(/\s+/);
    if (parts.length > 1) {
      lastName ??= parts.at(-1)!;
      firstName ??= parts.slice(0, -1).join(" ");
    } else firstName ??= fullName;
  }
  if (!firstName) problem("firstName", "missing_field", "is empty");
  if (!lastName) problem("lastName", "missing_field", "is empty");

  const flags = { unsubscribed: false, bounced: false, doNotContact: false };
  const status = read("status").toLowerCase();
  const statusWord = STATUS_WORDS[status];
  if (statusWord === undefined) problem("status", "bad_value", `"${status.slice(0, 40)}" is not a status (active, unsubscribed, bounced, do not contact)`);
  else if (statusWord !== "active") flags[statusWord] = true;
  for (const field of ["unsubscribed", "bounced", "doNotContact"] as const) {
    const value = read(field).toLowerCase();
    if (YES.has(value)) flags[field] = true;
    else if (!NO.has(value)) problem(field, "bad_value", `"${value.slice(0, 40)}" is not yes or no`);
  }

  const seniorityText = read("seniority").toLowerCase();
  const seniority = seniorityText ? (SENIORITY_WORDS[seniorityText] ?? null) : null;
  if (seniorityText && !seniority) problem("seniority", "bad_value", `"${seniorityText.slice(0, 40)}" is not a seniority (${SENIORITIES.join(", ")})`);

  const linkedinUrl = text("linkedinUrl");
  if (linkedinUrl && !/^(https?:\/\/)?([a-z]{2,3}\.)?linkedin\.com\//i.test(linkedinUrl)) problem("linkedinUrl", "bad_value", "is not a linkedin.com address");

  const domainText = read("companyDomain");
  const emailDomain = email.includes("@") ? email.slice(email.lastIndexOf("@") + 1) : "";
  const domain = domainText ? normalizeDomain(domainText) : FREE_MAIL.has(emailDomain) ? "" : emailDomain;
  // Say which of three cases it is: a value that reads as no domain, an address at a free
  // mailbox provider, or simply nothing to take one from (no column value, no usable address).
  if (!domain && domainText) problem("companyDomain", "bad_value", `"${domainText.slice(0, 80)}" is not a domain`);
  else if (!domain) problem("companyDomain", "missing_field", FREE_MAIL.has(emailDomain) ? "is empty, and the email is at a free mailbox provider, so it names no company" : "is empty");
  else if (!HOSTNAME.test(domain)) problem("companyDomain", "bad_value", `"${domainText.slice(0, 80)}" is not a domain`);

  const verticalText = read("vertical").toLowerCase();
  const vertical = verticalText ? (VERTICAL_WORDS[verticalText] ?? null) : null;
  if (verticalText && !vertical) problem("vertical", "unknown_vertical", `"${read("vertical").slice(0, 40)}" is not a vertical (${VERTICALS.join(", ")})`);

  const countText = read("employeeCount").replace(/[,_\s]/g, "");
  const employeeCount = countText ? Number(countText) : null;
  if (employeeCount !== null && !(Number.isInteger(employeeCount) && employeeCount >= 0 && employeeCount < 10_000_000)) problem("employeeCount", "bad_value", `"${countText.slice(0, 20)}" is not a whole number of employees`);

  const countryText = read("country");
  const country = countryText ? countryCode(countryText) : null;
  if (countryText && !country) problem("country", "bad_value", `"${countryText.slice(0, 40)}" is not a country the resolver recognises`);

  const companyName = text("companyName");
  const size = text("size");
  const hq = text("hq");
  const title = text("title");
  const department = text("department");
  if (problems.length) return { ok: false, problems, email: problems.some((p) => p.field === "email") ? null : email };
  return {
    ok: true,
    lead: {
      contact: { email, firstName: firstName!, lastName: lastName!, title, seniority, department, linkedinUrl, ...flags },
      company: {
        domain,
        name: companyName,
        vertical,
        size: size ?? (employeeCount !== null ? sizeBand(employeeCount) : null),
        employeeCount: Number.isInteger(employeeCount) ? employeeCount : null,
        hq,
        country,
      },
    },
  };
}

/** An ISO code as written, or a country's name in any language the offline resolver knows. */
function countryCode(text: string): string | null {
  const upper = text.toUpperCase();
  if (upper === "UK") return "GB";
  if (/^[A-Z]{2}$/.test(upper)) return isCountryCode(upper) ? upper : null;
  const resolution = resolveCountry(text);
  return resolution.basis === "country" || resolution.basis === "code" ? resolution.country : null;
}

/** A company the database does not know yet must bring a name and a vertical. */
export function companyProblems(company: LeadCompany): RowProblem[] {
  const problems: RowProblem[] = [];
  if (!company.name) problems.push({ field: "companyName", kind: "missing_field", message: `is empty, and ${company.domain} is a new company` });
  if (!company.vertical) problems.push({ field: "vertical", kind: "missing_field", message: `is empty, and ${company.domain} is a new company` });
  return problems;
}

export const duplicateProblem = (firstLine: number): RowProblem => ({ field: "email", kind: "duplicate", message: `repeats the address on line ${firstLine}` });

/** How a problem reads in the report and the refused-rows file: `email: is not a valid email address`. */
/** A problem as a sentence a person reads: "Last name is empty", "Email "x" is not a valid email address". */
export const describeProblem = (p: RowProblem) => `${FIELD_LABELS[p.field].replace(/ \(.*\)$/, "")} ${p.message}`;
