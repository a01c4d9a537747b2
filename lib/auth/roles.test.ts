import { describe, expect, it } from "vitest";
import { hasRole, navFor } from "./roles";

describe("roles", () => {
  it("a rep sees drafts, campaigns and contacts only", () => {
    expect(navFor("rep").map((i) => i.label)).toEqual(["Drafts", "Campaigns", "Contacts", "Plans"]);
  });

  it("an operator also sees analytics, but not admin", () => {
    expect(navFor("operator").map((i) => i.label)).toEqual(["Drafts", "Campaigns", "Analytics", "Contacts", "Plans"]);
  });

  it("an admin sees every section", () => {
    expect(navFor("admin").map((i) => i.label)).toEqual(["Drafts", "Campaigns", "Analytics", "Contacts", "Plans", "Admin"]);
  });

  it("roles nest upwards and never downwards", () => {
    expect(hasRole("admin", "rep")).toBe(true);
    expect(hasRole("operator", "operator")).toBe(true);
    expect(hasRole("rep", "operator")).toBe(false);
    expect(hasRole("operator", "admin")).toBe(false);
  });
});
