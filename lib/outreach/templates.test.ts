import { describe, expect, it } from "vitest";
import type { ComposeBrief } from "./brief";
import { factClause, templateConfidence, templateDraft } from "./templates";

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
    expect(factClause("Acme", "Is preparing for a SOC 2 audit")).toBe("Acme is preparing for a SOC 2 audit");
    expect(factClause("Acme", "Has 40 open roles")).toBe("Acme has 40 open roles");
  });
});

describe("the offline template", () => {
  it("writes a real email: subject, greeting, grounded facts, a call to action and a signature", () => {
    const draft = templateDraft(brief, "no model configured");
    expect(draft.subject).toBe("Pinelogic Market: be ready for peak volume without adding headcount");
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
    expect(draft.provenance.source).toBe("rule_based_fallback");
    // The documented rule: 0.4, plus 0.15 × each used fact's confidence, plus 0.1 for the campaign angle.
    expect(draft.provenance.confidence).toBe(Math.round((0.4 + 0.15 * 0.9 + 0.15 * 0.8 + 0.1) * 100) / 100);
    expect(draft.provenance.reason).toContain("no model configured");
    expect(draft.provenance.evidence).toEqual(["Opened 29 new stores in the last year (news, 90%)", "Hiring 38 store managers in Rotterdam (job_postings, 80%)"]);
  });

  it("replies in the thread and follows up on the previous subject", () => {
    expect(templateDraft({ ...brief, action: "reply", inbound: { subject: "Re: Re: Idea", body: "Tell me more" } }, "x").subject).toBe("Re: Idea");
    expect(templateDraft({ ...brief, action: "followup", previousSubject: "Idea for Pinelogic Market" }, "x").subject).toBe("Re: Idea for Pinelogic Market");
  });

  it("a prospect never reads the campaign's internal name: the subject comes from the angle and the company", () => {
    const named = { ...brief, campaign: { ...brief.campaign!, name: "QA xxxx batch 3" } };
    for (const action of ["initial", "followup"] as const) {
      const draft = templateDraft({ ...named, action }, "x");
      expect(draft.subject).not.toContain("QA xxxx");
      expect(draft.body).not.toContain("QA xxxx");
    }
    expect(templateDraft(named, "x").subject).toBe("Pinelogic Market: be ready for peak volume without adding headcount");
    // An angle too long for a subject falls back to the company, still not the campaign name.
    const long = { ...named, campaign: { ...named.campaign, angle: "Keep every store's rota, stock counts and returns in one place so managers stop chasing spreadsheets" } };
    expect(templateDraft(long, "x").subject).toBe("An idea for Pinelogic Market");
  });

  it("a prospect never reads the touch's note to the writer: the email carries the campaign angle, and the last touch closes the loop", () => {
    const first = templateDraft({ ...brief, touch: { number: 1, of: 3, angle: "open on reported growth: keeping growth from outpacing the team" } }, "x");
    expect(first.body).not.toContain("open on reported growth");
    expect(first.body).toContain("with exactly that: be ready for peak volume without adding headcount.");
    const last = templateDraft({ ...brief, action: "followup", previousSubject: "Idea", touch: { number: 3, of: 3, angle: "close the loop politely and leave the door open" } }, "x");
    expect(last.body).not.toMatch(/close the loop politely|leave the door open/);
    expect(last.body).toContain("I will not keep filling your inbox");
    const middle = templateDraft({ ...brief, action: "followup", previousSubject: "Idea", touch: { number: 2, of: 3, angle: "share a peer example" } }, "x");
    expect(middle.body).not.toContain("share a peer example");
    expect(middle.body).toContain("should I check back next quarter?");
  });

  it("a prospect reads whole sentences whatever the facts' shapes: a clause follows 'Since', never 'With'", () => {
    const facts = [
      { id: 1, fact: "Moved its ledger infrastructure to Oracle", source: "news", confidence: 0.9 },
      { id: 2, fact: "Is preparing for a SOC 2 Type II audit", source: "news", confidence: 0.8 },
    ];
    const initial = templateDraft({ ...brief, company: { ...brief.company, name: "Helixforge Pay" }, facts }, "offline").body;
    expect(initial).toContain("I noticed that Helixforge Pay moved its ledger infrastructure to Oracle. Since Helixforge Pay is preparing for a SOC 2 Type II audit as well, it seemed worth reaching out.");
    const reply = templateDraft({ ...brief, action: "reply", facts: [brief.facts[1]!], inbound: { subject: "Re: hello", body: "Tell me more" } as ComposeBrief["inbound"] }, "offline").body;
    expect(reply).toContain("Since Pinelogic Market is hiring 38 store managers in Rotterdam, I think the timing is good.");
    for (const body of [initial, reply]) expect(body).not.toMatch(/\bWith [A-Z][\w ]+ (is|are|was|were|opened|moved|hired)\b/);
  });

  it("still writes a grounded email with no facts and no campaign", () => {
    const draft = templateDraft({ ...brief, facts: [], campaign: null }, "x");
    expect(draft.subject).toBe("An idea for Pinelogic Market");
    expect(draft.body).toMatch(/^Hi Laura,/);
    expect(draft.body).toContain("Best regards,\nRiley Rep");
    expect(draft.provenance.confidence).toBe(0.4);
  });

  it("a rep reads a template draft's confidence as how much grounded material it had, not one number for every draft", () => {
    const weak = [{ confidence: 0.56 }];
    const strong = [{ confidence: 0.98 }, { confidence: 0.95 }];
    const values = [templateConfidence([], false), templateConfidence([], true), templateConfidence(weak, true), templateConfidence(strong, false), templateConfidence(strong, true)];
    expect(values).toEqual([0.4, 0.5, 0.58, 0.69, 0.79]);
    expect(new Set(values).size).toBe(values.length);
    // Only the two facts a template uses count, and never more than the rule's ceiling.
    expect(templateConfidence([...strong, { confidence: 1 }], true)).toBe(0.79);
    expect(templateConfidence([{ confidence: 1 }, { confidence: 1 }], true)).toBe(0.8);
  });

  it("a contact in IT at a SaaS company reads 'SaaS IT teams', and a fintech's operations team reads 'fintech operations teams'", () => {
    const it = templateDraft({ ...brief, contact: { ...brief.contact, department: "IT" }, company: { ...brief.company, vertical: "saas" } }, "x");
    expect(it.body).toContain("We help SaaS IT teams with exactly that: be ready for peak volume without adding headcount.");
    const ops = templateDraft({ ...brief, company: { ...brief.company, vertical: "fintech" } }, "x");
    expect(ops.body).toContain("We help fintech operations teams with exactly that");
    const revops = templateDraft({ ...brief, facts: [], contact: { ...brief.contact, department: "Revenue Operations" }, company: { ...brief.company, vertical: "saas" } }, "x");
    expect(revops.body).toContain("I have been following Pinelogic Market's work in SaaS.");
    expect(revops.body).toContain("We help SaaS revenue operations teams");
  });

  it("an angle or a fact that starts with an acronym keeps it", () => {
    const draft = templateDraft({ ...brief, campaign: { ...brief.campaign!, angle: "SOC 2 evidence collected for you" }, facts: [{ id: 1, fact: "HL7 interfaces rebuilt this year", source: "news", confidence: 0.9 }] }, "x");
    expect(draft.body).toContain("with exactly that: SOC 2 evidence collected for you.");
    expect(draft.body).toContain("Pinelogic Market's HL7 interfaces rebuilt this year");
  });
});
