import { describe, expect, it } from "vitest";
import type { ComposeBrief } from "./brief";
import { factClause, templateDraft } from "./templates";

const brief: ComposeBrief = {
  action: "initial",
  contact: { firstName: "Laura", lastName: "Costa", title: "Head of Operations", seniority: "director", department: "Operations" },
  company: { name: "Pinelogic Market", vertical: "retail", size: "51-200", hqCity: "Dublin" },
  facts: [
    { id: 1, fact: "Opened 29 new stores in the last year", source: "news", confidence: 0.9 },
    { id: 2, fact: "Hiring 38 store managers in Rotterdam", source: "job_postings", confidence: 0.8 },
  ],
  campaign: { name: "Peak-season readiness", angle: "Be ready for peak volume without adding headcount", tone: "warm" },
  memories: [],
  inbound: null,
  previousSubject: null,
  senderName: "Riley Rep",
  roles: ["researcher", "composer"],
};

describe("factClause", () => {
  it("turns facts into clauses about the company", () => {
    expect(factClause("Acme", "Opened 3 stores.")).toBe("Acme opened 3 stores");
    expect(factClause("Acme", "Hiring 12 engineers")).toBe("Acme is hiring 12 engineers");
    expect(factClause("Acme", "Fleet grew to 52 trucks")).toBe("Acme's fleet grew to 52 trucks");
    expect(factClause("Acme", "Uses SAP for its ERP")).toBe("Acme uses SAP for its ERP");
  });
});

describe("the offline template", () => {
  it("writes a real email: subject, greeting, grounded facts, a call to action and a signature", () => {
    const draft = templateDraft(brief, "no model configured");
    expect(draft.subject).toBe("Peak-season readiness for Pinelogic Market");
    expect(draft.body).toMatch(/^Hi Laura,\n\n/);
    expect(draft.body).toContain("Pinelogic Market opened 29 new stores in the last year");
    expect(draft.body).toContain("Pinelogic Market is hiring 38 store managers in Rotterdam");
    expect(draft.body).toMatch(/\?\n\nWarm regards,\nRiley Rep$/);
    expect(draft.body).not.toMatch(/\{\{|\}\}|\[[A-Z]/);
    const words = draft.body.split(/\s+/).length;
    expect(words).toBeGreaterThan(40);
    expect(words).toBeLessThan(140);
  });

  it("labels itself as the template, never as a model", () => {
    const draft = templateDraft(brief, "no model configured");
    expect(draft.model).toBe("offline template");
    expect(draft.provenance).toMatchObject({ source: "rule_based_fallback", confidence: 0.6 });
    expect(draft.provenance.reason).toContain("no model configured");
    expect(draft.provenance.evidence).toEqual(["Opened 29 new stores in the last year (news, 90%)", "Hiring 38 store managers in Rotterdam (job_postings, 80%)"]);
  });

  it("replies in the thread and follows up on the previous subject", () => {
    expect(templateDraft({ ...brief, action: "reply", inbound: { subject: "Re: Re: Idea", body: "Tell me more" } }, "x").subject).toBe("Re: Idea");
    expect(templateDraft({ ...brief, action: "followup", previousSubject: "Idea for Pinelogic Market" }, "x").subject).toBe("Re: Idea for Pinelogic Market");
  });

  it("still writes a grounded email with no facts and no campaign", () => {
    const draft = templateDraft({ ...brief, facts: [], campaign: null }, "x");
    expect(draft.subject).toBe("An idea for Pinelogic Market");
    expect(draft.body).toMatch(/^Hi Laura,/);
    expect(draft.body).toContain("Best regards,\nRiley Rep");
    expect(draft.provenance.confidence).toBe(0.45);
  });
});
