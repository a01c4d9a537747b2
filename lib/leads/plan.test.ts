import { describe, expect, it } from "vitest";
import type { ExistingCompany, ExistingContact, Lookups } from "@/db/queries/lead-imports";
import type { ImportField } from "./columns";
import { fillEmpty, planBatch, type PlannedRow } from "./plan";
import { validateRow } from "./validate";

let line = 1;
const rowOf = (values: Partial<Record<ImportField, string>>): PlannedRow => ({ line: ++line, cells: Object.values(values) as string[], result: validateRow((f) => values[f] ?? "") });
const lookups = (parts: Partial<{ contacts: ExistingContact[]; companies: ExistingCompany[]; suppressed: [string, "bounce" | "manual"][] }> = {}): Lookups => ({
  contacts: new Map((parts.contacts ?? []).map((c) => [c.email, c])),
  companies: new Map((parts.companies ?? []).map((c) => [c.domain, c])),
  suppressed: new Map(parts.suppressed ?? []),
});
const acme: ExistingCompany = { id: 7, domain: "acme.io", name: "Acme", vertical: "saas", size: "51-200", employeeCount: null, hqCity: null, country: null };
const ada: ExistingContact = { id: 3, email: "ada@acme.io", companyId: 7, firstName: "Ada", lastName: "Lovelace", title: "CTO", seniority: null, department: null, linkedinUrl: null, doNotContact: false, bounced: false, unsubscribed: false };
const base = { firstName: "Ada", lastName: "Lovelace", companyName: "Acme", vertical: "saas" };

describe("fillEmpty", () => {
  it("fills only empty fields and reports a different non-empty value as a conflict it kept", () => {
    const result = fillEmpty({ title: "CTO", department: null, seniority: "" } as Record<string, unknown>, { title: "CEO", department: "R&D", seniority: "vp" }, ["title", "department", "seniority"]);
    expect(result.set).toEqual({ department: "R&D", seniority: "vp" });
    expect(result.conflicts).toEqual([{ field: "title", kept: "CTO", offered: "CEO" }]);
  });
  it("sees a value that differs only in case as the same", () => {
    expect(fillEmpty({ name: "ACME" } as Record<string, unknown>, { name: "Acme" }, ["name"]).conflicts).toEqual([]);
  });
});

describe("planBatch", () => {
  it("creates a company once for several new contacts at its domain, and the contacts with it", () => {
    const plan = planBatch([rowOf({ ...base, email: "ada@new.io", hq: "Berlin, Germany" }), rowOf({ ...base, email: "bob@new.io", firstName: "Bob" })], lookups());
    expect(plan.newCompanies).toEqual([expect.objectContaining({ domain: "new.io", name: "Acme", vertical: "saas", hqCity: "Berlin, Germany", country: "DE" })]);
    expect(plan.newContacts.map((c) => c.email)).toEqual(["ada@new.io", "bob@new.io"]);
    expect(plan.outcomes.map((o) => o.action)).toEqual(["create", "create"]);
    expect(plan.countryDecisions).toEqual([expect.objectContaining({ domain: "new.io", hq: "Berlin, Germany", resolution: expect.objectContaining({ country: "DE" }) })]);
  });

  it("a new contact with no seniority given takes the band its title implies; a known one is left as it is", () => {
    const plan = planBatch(
      [rowOf({ ...base, email: "vp@new.io", title: "VP Sales" }), rowOf({ ...base, email: "cto@new.io", title: "CTO" }), rowOf({ ...base, email: "x@new.io", title: "Accounts" }), rowOf({ ...base, email: "m@new.io", title: "CTO", seniority: "manager" })],
      lookups(),
    );
    expect(plan.newContacts.map((c) => [c.email, c.seniority])).toEqual([["vp@new.io", "vp"], ["cto@new.io", "c_level"], ["x@new.io", null], ["m@new.io", "manager"]]);
    // Ada (CTO on record, no band) imported again without a seniority: nothing is set from a title.
    expect(planBatch([rowOf({ ...base, email: "ada@acme.io", title: "CTO" })], lookups({ contacts: [ada], companies: [acme] })).contactPatches).toEqual([]);
  });

  it("merges into a contact known by email: fills its empty fields, keeps a different title and says so", () => {
    const plan = planBatch([rowOf({ ...base, email: "ada@acme.io", title: "CEO", department: "Engineering" })], lookups({ contacts: [ada], companies: [acme] }));
    expect(plan.newContacts).toEqual([]);
    expect(plan.contactPatches).toEqual([{ id: 3, set: { department: "Engineering" } }]);
    expect(plan.outcomes[0]).toMatchObject({ action: "merge", conflicts: [{ field: "title", kept: "CTO", offered: "CEO" }] });
  });

  it("leaves a contact unchanged when the file has nothing new about it", () => {
    const plan = planBatch([rowOf({ ...base, email: "ada@acme.io", title: "CTO" })], lookups({ contacts: [ada], companies: [acme] }));
    expect(plan.contactPatches).toEqual([]);
    expect(plan.outcomes[0]).toMatchObject({ action: "unchanged", conflicts: [] });
  });

  it("merges into a company known by domain and gives it a country from the HQ the file brings", () => {
    const plan = planBatch([rowOf({ ...base, email: "new@acme.io", hq: "Austin, TX" })], lookups({ companies: [acme] }));
    expect(plan.newCompanies).toEqual([]);
    expect(plan.companyPatches).toEqual([{ id: 7, set: { hqCity: "Austin, TX", country: "US" } }]);
    expect(plan.newContacts).toEqual([expect.objectContaining({ email: "new@acme.io", companyDomain: "acme.io" })]);
  });

  it("refuses a contact of a new company that has no vertical", () => {
    const plan = planBatch([rowOf({ email: "x@unknown.io", firstName: "X", lastName: "Y", companyName: "Unknown" })], lookups());
    expect(plan.outcomes[0]).toMatchObject({ action: "refuse", problems: ["Vertical is empty, and unknown.io is a new company"] });
    expect(plan.refusals).toHaveLength(1);
    expect(plan.newCompanies).toEqual([]);
  });

  it("never clears a suppression flag and only ever raises one", () => {
    const bounced = { ...ada, bounced: true };
    const plan = planBatch([rowOf({ ...base, email: "ada@acme.io", title: "CTO", status: "active", unsubscribed: "yes" })], lookups({ contacts: [bounced], companies: [acme] }));
    expect(plan.contactPatches).toEqual([{ id: 3, set: { unsubscribed: true } }]);
    expect(plan.outcomes[0]).toMatchObject({ suppressed: true });
  });

  it("counts an address on the suppression list as suppressed, and puts newly unsubscribed or bounced addresses on it", () => {
    const plan = planBatch(
      [rowOf({ ...base, email: "listed@acme.io" }), rowOf({ ...base, email: "gone@acme.io", status: "bounced" }), rowOf({ ...base, email: "fine@acme.io" })],
      lookups({ companies: [acme], suppressed: [["listed@acme.io", "manual"]] }),
    );
    expect(plan.outcomes.map((o) => o.suppressed)).toEqual([true, true, false]);
    expect(plan.suppressions).toEqual([{ email: "gone@acme.io", reason: "bounce" }]);
  });
});
