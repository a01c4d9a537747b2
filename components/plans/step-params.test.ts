import { describe, expect, it } from "vitest";
import { stepParamRows } from "./step-params";

describe("stepParamRows", () => {
  it("a reviewer sees the contact's name for the plan's own contact, not its id", () => {
    expect(stepParamRows({ contactId: 605, campaignId: 3 }, { contactId: 605, contactName: "Ada Lovelace" })).toEqual([
      ["Contact", "Ada Lovelace"],
      ["Campaign", "#3"],
    ]);
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
