/**
 * The fields a lead CSV can fill, and the first guess at which header means which field. One file
 * carries a contact and their company per row; the person importing confirms or edits the guess.
 */
export const IMPORT_FIELDS = [
  "email", "firstName", "lastName", "fullName", "title", "seniority", "department", "linkedinUrl",
  "status", "unsubscribed", "bounced", "doNotContact",
  "companyName", "companyDomain", "vertical", "size", "employeeCount", "hq", "country",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Field → the header it is read from. A field left out is not imported. */
export type ColumnMapping = Partial<Record<ImportField, string>>;

export const FIELD_LABELS: Record<ImportField, string> = {
  email: "Email",
  firstName: "First name",
  lastName: "Last name",
  fullName: "Full name (split when first/last are absent)",
  title: "Job title",
  seniority: "Seniority",
  department: "Department",
  linkedinUrl: "LinkedIn URL",
  status: "Status (active, unsubscribed, bounced, do not contact)",
  unsubscribed: "Unsubscribed (yes/no)",
  bounced: "Bounced (yes/no)",
  doNotContact: "Do not contact (yes/no)",
  companyName: "Company name",
  companyDomain: "Company domain or website",
  vertical: "Vertical",
  size: "Company size band",
  employeeCount: "Employee count",
  hq: "Company HQ (city, region, country)",
  country: "Company country",
};

// Headers as people write them, compared after lower-casing and dropping everything but letters and digits.
const SYNONYMS: Record<ImportField, readonly string[]> = {
  email: ["email", "emailaddress", "mail", "workemail", "businessemail", "contactemail", "e mail"],
  firstName: ["firstname", "first", "givenname", "forename", "fname"],
  lastName: ["lastname", "last", "surname", "familyname", "lname"],
  fullName: ["name", "fullname", "contactname", "contact", "person"],
  title: ["title", "jobtitle", "position", "role", "designation"],
  seniority: ["seniority", "senioritylevel", "level"],
  department: ["department", "dept", "function", "team"],
  linkedinUrl: ["linkedin", "linkedinurl", "linkedinprofile", "personlinkedinurl", "linkedinprofileurl"],
  status: ["status", "contactstatus", "emailstatus", "subscriptionstatus"],
  unsubscribed: ["unsubscribed", "optedout", "optout", "emailoptout"],
  bounced: ["bounced", "hardbounce", "bounce"],
  doNotContact: ["donotcontact", "dnc", "donotemail"],
  companyName: ["company", "companyname", "organization", "organisation", "account", "accountname", "employer"],
  companyDomain: ["domain", "companydomain", "website", "companywebsite", "url", "companyurl", "web"],
  vertical: ["vertical", "industry", "sector", "segment"],
  size: ["size", "companysize", "employeerange", "sizeband", "headcountrange"],
  employeeCount: ["employees", "employeecount", "headcount", "numberofemployees", "noofemployees", "staff"],
  hq: ["hq", "headquarters", "hqlocation", "location", "companylocation", "city", "hqcity", "companyhq", "address"],
  country: ["country", "hqcountry", "companycountry", "countrycode"],
};

export const headerKey = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");

const EMAIL_LIKE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The first guess at a mapping: each field takes the first header that is one of its synonyms
 * (each header at most once). No header reads as an email: the column whose sample values are
 * mostly addresses is taken instead, since files exported from other tools name it anything.
 */
export function guessMapping(headers: readonly string[], sample: readonly (readonly string[])[] = []): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  const keys = headers.map(headerKey);
  for (const field of IMPORT_FIELDS) {
    const synonyms = SYNONYMS[field].map(headerKey);
    const at = keys.findIndex((key, i) => !used.has(i) && key !== "" && synonyms.includes(key));
    if (at >= 0) {
      mapping[field] = headers[at]!;
      used.add(at);
    }
  }
  if (!mapping.email && sample.length) {
    const at = headers.findIndex((_, i) => !used.has(i) && sample.filter((row) => EMAIL_LIKE.test((row[i] ?? "").trim())).length * 2 > sample.length);
    if (at >= 0) mapping.email = headers[at]!;
  }
  // A "name" column is a full name only when there is no first/last pair to read.
  if (mapping.fullName && mapping.firstName && mapping.lastName) delete mapping.fullName;
  return mapping;
}
