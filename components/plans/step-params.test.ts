import { describe, expect, it } from "vitest";
import { stepParamRows } from "./step-params";

describe("stepParamRows", () => {
  it("a reviewer sees the contact's name for the plan's own contact, not its id", () => {
    expect(stepParamRows({ contactId: 605, campaignId: 3 }, { contactId: 605, contactName: "Ada Lovelace" })).toEqual([
      ["Contact", "Ada Lovelace"],
      ["Campaign", "#3"],
    ]);
  });

  it("on an account's plan each step names the contact it acts on; an id the page cannot name stays an id", () => {
    const names = { companyId: 9, companyName: "Acme", contacts: { 11: "Harper Simpson", 13: "Lee Chen" } };
    expect(stepParamRows({ contactId: 13 }, names)).toEqual([["Contact", "Lee Chen"]]);
    expect(stepParamRows({ contactId: 12, companyId: 9 }, names)).toEqual([["Contact", "#12"], ["Company", "Acme"]]);
  });

  it("a reviewer reads other keys and token values as words", () => {
    expect(stepParamRows({ dueInDays: 3, seniority: "c_level", note: "Call back Tuesday" })).toEqual([
      ["Due in days", "3"],
      ["Seniority", "C-level"],
      ["Note", "Call back Tuesday"],
    ]);
  });

  it("a step without params shows no rows", () => {
    expect(stepParamRows(null)).toEqual([]);
  });
});
