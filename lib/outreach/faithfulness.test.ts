import { describe, expect, it } from "vitest";
import { checkClaim, checkClaims, checkSentences, figures, splitSentences, type CitableFact } from "./faithfulness";

// Facts shaped like the seed's (db/seed/vocabulary.ts), with ids as stored rows would have them.
const FACTS: CitableFact[] = [
  { id: 11, fact: "Raised a Series B of $20M to expand its go-to-market team" },
  { id: 12, fact: "Hiring 12 account executives across North America and EMEA" },
  { id: 13, fact: "Migrated its CRM to HubSpot this year" },
  { id: 14, fact: "Reported 35% year-over-year growth in annual recurring revenue" },
  { id: 15, fact: "Growing its loyalty programme past 350,000 members" },
  { id: 16, fact: "Preparing for a SOC 2 Type II audit" },
];
const allowedTerms = ["Acme Analytics", "Dana Whitfield"];
const check = (text: string, factIds: number[], assumption?: boolean) => checkClaim({ text, factIds, assumption }, FACTS, { allowedTerms });

describe("a claim checked against the facts it cites", () => {
  it("a claim that restates its cited fact passes, with the company's name allowed", () => {
    expect(check("Acme Analytics raised a Series B of $20M to expand its go-to-market team.", [11])).toEqual({ status: "supported", factIds: [11] });
    expect(check("Acme is hiring 12 account executives across North America and EMEA.", [12]).status).toBe("supported");
    expect(check("Its annual recurring revenue grew 35% year over year.", [14]).status).toBe("supported");
  });

  it("a claim drawing on two cited facts passes when together they say it", () => {
    expect(check("After raising $20M, Acme is hiring 12 account executives.", [11, 12]).status).toBe("supported");
  });

  it("a fabricated figure is caught even when the rest of the claim is the fact's own words", () => {
    const verdict = check("Acme raised a Series B of $45M to expand its go-to-market team.", [11]);
    expect(verdict).toMatchObject({ status: "unsupported" });
    expect(verdict.status === "unsupported" && verdict.reason).toMatch(/45,000,000/);
    expect(check("Acme is hiring 40 account executives across North America.", [12]).status).toBe("unsupported");
    expect(check("Its loyalty programme has grown past 500,000 members.", [15]).status).toBe("unsupported");
    expect(check("Its loyalty programme has grown past 350,000 members.", [15]).status).toBe("supported");
  });

  it("a claim naming a vendor or round the fact does not name is caught", () => {
    expect(check("Acme migrated its CRM to Salesforce this year.", [13])).toMatchObject({ status: "unsupported", reason: expect.stringMatching(/salesforce/) });
    expect(check("Acme raised a Series C of $20M to expand its go-to-market team.", [11]).status).toBe("unsupported");
    expect(check("Acme is preparing for a SOC 2 Type II audit.", [16]).status).toBe("supported");
    expect(check("Acme is preparing for an ISO 27001 audit.", [16]).status).toBe("unsupported");
  });

  it("a claim about something the cited fact does not mention is caught", () => {
    const verdict = check("Acme is preparing for a SOC 2 Type II audit.", [13]);
    expect(verdict.status).toBe("unsupported");
    expect(check("Acme's churn has risen sharply among enterprise customers.", [14]).status).toBe("unsupported");
  });

  it("an invented clause padded onto a correctly cited one is caught", () => {
    expect(check("Acme migrated its CRM to HubSpot this year, and its sales leadership wants to cut tooling spend.", [13]).status).toBe("unsupported");
  });

  it("a claim that negates its fact is caught", () => {
    expect(check("Acme has not migrated its CRM to HubSpot this year.", [13]).status).toBe("unsupported");
  });

  it("a claim that cites nothing, or a fact id the company does not have, fails with that reason", () => {
    expect(check("Acme migrated its CRM to HubSpot this year.", [])).toEqual({ status: "unsupported", reason: expect.stringMatching(/cites no fact/) });
    expect(check("Acme migrated its CRM to HubSpot this year.", [13, 999])).toEqual({ status: "unsupported", reason: expect.stringMatching(/999/) });
  });

  it("a claim marked as an assumption, by flag or by its opening word, is an assumption whatever it says", () => {
    expect(check("Faster ramp for new reps would pay for itself within a quarter.", [], true)).toEqual({ status: "assumption" });
    expect(check("Assumption: the new account executives will need pipeline in their first 90 days.", [])).toEqual({ status: "assumption" });
  });

  it("a list of claims keeps its order", () => {
    const verdicts = checkClaims([{ text: "Acme migrated its CRM to HubSpot this year.", factIds: [13] }, { text: "Acme is profitable.", factIds: [] }], FACTS);
    expect(verdicts.map((v) => v.status)).toEqual(["supported", "unsupported"]);
  });
});

describe("figures", () => {
  it("a reader of figures scales money, keeps percentages, reads number words and ignores digits inside names", () => {
    expect(figures("$20M, 35%, 350,000 and twelve months")).toEqual([20_000_000, 35, 350_000, 12]);
    expect(figures("a 2.5 million budget; 3k seats")).toEqual([2_500_000, 3000]);
    expect(figures("HL7 FHIR and B2B sales")).toEqual([]);
  });
});

describe("sentences of free text against sources", () => {
  const sources = [
    { id: "playbook:price", text: "Offer a 30-day pilot tied to agreed success metrics before any annual commitment" },
    { id: "fact:13", text: "Migrated its CRM to HubSpot this year" },
  ];

  it("a rebuttal's sentences are judged one by one: greetings assert nothing, restated sources pass, inventions fail", () => {
    const text =
      "Hi Dana,\nWe can offer a 30-day pilot tied to agreed success metrics before any annual commitment. " +
      "Since you migrated your CRM to HubSpot this year, the pilot fits your stack. " +
      "Our customers typically cut costs by 40% in the first month. Would that be worth a look?\nBest, Sam";
    const verdicts = checkSentences(text, sources, { allowedTerms: ["Dana", "Sam"] });
    expect(verdicts.map((v) => [v.sentence, v.status])).toEqual([
      ["Hi Dana,", "no_claim"],
      ["We can offer a 30-day pilot tied to agreed success metrics before any annual commitment.", "supported"],
      ["Since you migrated your CRM to HubSpot this year, the pilot fits your stack.", "supported"],
      ["Our customers typically cut costs by 40% in the first month.", "unsupported"],
      ["Would that be worth a look?", "no_claim"],
      ["Best, Sam", "no_claim"],
    ]);
    expect(verdicts[2]).toMatchObject({ sourceIds: ["fact:13", "playbook:price"] });
  });

  it("a sentence no source mentions is unsupported, and a marked assumption is labelled", () => {
    const [invented, assumed] = checkSentences("Your board has frozen all new spending. Assumption: budgets reopen next quarter.", sources);
    expect(invented).toMatchObject({ status: "unsupported", reason: "no source mentions what it says" });
    expect(assumed).toMatchObject({ status: "assumption" });
  });

  it("a question that smuggles in a figure is still checked", () => {
    const [q] = checkSentences("Would a 90-day pilot work for you?", sources);
    expect(q).toMatchObject({ status: "unsupported", reason: expect.stringMatching(/90/) });
  });

  it("a splitter keeps decimals and abbreviations of figures inside one sentence", () => {
    expect(splitSentences("Revenue grew 3.5% last year. Next, a call.\nThanks")).toEqual(["Revenue grew 3.5% last year.", "Next, a call.", "Thanks"]);
  });
});
