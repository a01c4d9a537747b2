import { describe, expect, it } from "vitest";
import { guessMapping, type ImportField } from "./columns";
import { normalizeDomain, sizeBand, validateRow } from "./validate";

const row = (values: Partial<Record<ImportField, string>>) => validateRow((field) => values[field]?.trim() ?? "");
const good = { email: "Ada@Acme.io", firstName: "Ada", lastName: "Lovelace", companyName: "Acme", vertical: "SaaS" };
const problemsOf = (values: Partial<Record<ImportField, string>>) => {
  const result = row(values);
  return result.ok ? [] : result.problems.map((p) => `${p.field}:${p.kind}`);
};

describe("validateRow", () => {
  it("turns a complete row into a lead with the address lower-cased and the company domain taken from the address", () => {
    const result = row(good);
    expect(result).toMatchObject({ ok: true, lead: { contact: { email: "ada@acme.io", firstName: "Ada" }, company: { domain: "acme.io", name: "Acme", vertical: "saas" } } });
  });

  it("refuses an address that is not one, naming it as a bad email", () => {
    for (const email of ["ada", "ada@", "ada@acme", "a da@acme.io", "ada@@acme.io"]) expect(problemsOf({ ...good, email }), email).toContain("email:bad_email");
  });

  it("refuses a vertical the console does not have, and accepts one written in another case or spelled out", () => {
    expect(problemsOf({ ...good, vertical: "Crypto" })).toEqual(["vertical:unknown_vertical"]);
    expect(row({ ...good, vertical: "Health care" })).toMatchObject({ ok: true, lead: { company: { vertical: "healthcare" } } });
  });

  it("names every missing required field at once", () => {
    expect(problemsOf({ vertical: "saas" }).sort()).toEqual(["companyDomain:missing_field", "email:missing_field", "firstName:missing_field", "lastName:missing_field"]);
  });

  it("needs a company domain when the address is at a free mailbox provider", () => {
    expect(problemsOf({ ...good, email: "ada@gmail.com" })).toEqual(["companyDomain:missing_field"]);
    expect(row({ ...good, email: "ada@gmail.com", companyDomain: "https://www.Acme.io/about" })).toMatchObject({ ok: true, lead: { company: { domain: "acme.io" } } });
  });

  it("tells an importer why a row has no company domain, blaming a free mailbox only when the address is at one", () => {
    const domainMessage = (values: Partial<Record<ImportField, string>>) => {
      const result = row(values);
      return result.ok ? null : result.problems.find((p) => p.field === "companyDomain")?.message;
    };
    expect(domainMessage({ ...good, email: "ada@gmail.com" })).toMatch(/free mailbox provider/);
    expect(domainMessage({ ...good, email: "" })).toBe("is empty");
    expect(domainMessage({ ...good, email: "not-an-email" })).toBe("is empty");
    expect(problemsOf({ ...good, companyDomain: "https://" })).toEqual(["companyDomain:bad_value"]);
    expect(domainMessage({ ...good, companyDomain: "https://" })).toBe('"https://" is not a domain');
  });

  it("splits a full name when first and last are absent", () => {
    expect(row({ email: "m@acme.io", fullName: "Mary Ann Smith" })).toMatchObject({ ok: true, lead: { contact: { firstName: "Mary Ann", lastName: "Smith" } } });
    expect(problemsOf({ email: "m@acme.io", fullName: "Cher" })).toEqual(["lastName:missing_field"]);
  });

  it("reads a status or yes/no columns as suppression flags, and refuses a value it cannot read", () => {
    expect(row({ ...good, status: "Unsubscribed" })).toMatchObject({ ok: true, lead: { contact: { unsubscribed: true, bounced: false } } });
    expect(row({ ...good, bounced: "yes", doNotContact: "1" })).toMatchObject({ ok: true, lead: { contact: { bounced: true, doNotContact: true } } });
    expect(problemsOf({ ...good, status: "maybe" })).toEqual(["status:bad_value"]);
    expect(problemsOf({ ...good, bounced: "perhaps" })).toEqual(["bounced:bad_value"]);
  });

  it("reads a country by code or name and refuses one it cannot place", () => {
    expect(row({ ...good, country: "Deutschland" })).toMatchObject({ ok: true, lead: { company: { country: "DE" } } });
    expect(row({ ...good, country: "uk" })).toMatchObject({ ok: true, lead: { company: { country: "GB" } } });
    expect(problemsOf({ ...good, country: "Narnia" })).toEqual(["country:bad_value"]);
  });

  it("refuses a head count that is not a whole number and derives the size band from one that is", () => {
    expect(problemsOf({ ...good, employeeCount: "lots" })).toEqual(["employeeCount:bad_value"]);
    expect(row({ ...good, employeeCount: "1,200" })).toMatchObject({ ok: true, lead: { company: { employeeCount: 1200, size: "1001-5000" } } });
  });

  it("refuses an unknown seniority and a LinkedIn column that is not a LinkedIn address", () => {
    expect(problemsOf({ ...good, seniority: "wizard", linkedinUrl: "https://example.com/ada" }).sort()).toEqual(["linkedinUrl:bad_value", "seniority:bad_value"]);
    expect(row({ ...good, seniority: "VP" })).toMatchObject({ ok: true, lead: { contact: { seniority: "vp" } } });

  });
});

describe("normalizeDomain and sizeBand", () => {
  it("reduces a website to its domain", () => {
    expect(normalizeDomain("HTTPS://www.Example.co.uk:443/path?q=1")).toBe("example.co.uk");
  });
  it("puts head counts in bands", () => {
    expect([5, 11, 200, 201, 20_000].map(sizeBand)).toEqual(["1-10", "11-50", "51-200", "201-500", "10001+"]);
  });
});

describe("guessMapping", () => {
  it("maps headers as CRMs export them, each header to one field", () => {
    const mapping = guessMapping(["E-mail Address", "First Name", "Last Name", "Job Title", "Company", "Website", "Industry", "HQ Location", "# Employees"]);
    expect(mapping).toEqual({ email: "E-mail Address", firstName: "First Name", lastName: "Last Name", title: "Job Title", companyName: "Company", companyDomain: "Website", vertical: "Industry", hq: "HQ Location", employeeCount: "# Employees" });
  });

  it("takes a name column as a full name only when there is no first/last pair", () => {
    expect(guessMapping(["Name", "Email"])).toEqual({ fullName: "Name", email: "Email" });
    expect(guessMapping(["Name", "First", "Last", "Email"]).fullName).toBeUndefined();
  });

  it("finds the email column by its values when no header says so", () => {
    const sample = [["Ada", "ada@acme.io"], ["Bob", "bob@acme.io"], ["Cy", ""]];
    expect(guessMapping(["Who", "Reach"], sample)).toEqual({ email: "Reach" });
    expect(guessMapping(["Who", "Reach"], [["Ada", "n/a"]])).toEqual({});
  });
});
