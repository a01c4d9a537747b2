import type { PlaybookEntry } from "../playbook";

/** Retail: brands, chains and retail-tech vendors; seasonal calendars and merchandising-led buyers. */
export const RETAIL: PlaybookEntry[] = [
  {
    objection: "price",
    response: "I understand, retail budgets are under pressure. Teams selling into retailers compare us with the hours reps spend researching store openings and category changes by hand. Per-seat pricing lets you start with the reps on your key accounts.",
    proofPoints: ["Pricing is per active seat, billed monthly, with no platform fee.", "A 14-day pilot with up to five seats is free of charge."],
  },
  {
    objection: "timing",
    response: "Understood, nobody wants a new tool in the middle of peak trading. Setup takes about two weeks, so a pilot started now is settled long before the next peak. If after the season is better, tell me the month and I will follow up then.",
    proofPoints: ["Standard onboarding takes about two weeks from kickoff to the first approved drafts.", "The pilot can start with one team while the others keep their current process."],
  },
  {
    objection: "incumbent_vendor",
    response: "Most retail teams keep their CRM and engagement tools. We add account research and drafting on top, and sending can stay where it is, so the pilot replaces nothing.",
    proofPoints: ["Drafts can be exported to your existing sequencer instead of being sent by us.", "The CRM stays the system of record; we sync to it rather than replace it."],
  },
  {
    objection: "no_budget",
    response: "That is common between planning cycles. The pilot needs no budget, and its report gives you replies and meetings per rep to bring to the next one.",
    proofPoints: ["A 14-day pilot with up to five seats is free of charge.", "Pilot reports show drafts approved, replies and meetings per rep, ready for a budget request."],
  },
  {
    objection: "not_a_priority",
    response: "Fair enough, store and e-commerce work comes first. The pilot needs about an hour a week from one sales manager and nothing from IT, so it will not compete with that.",
    proofPoints: ["A pilot needs one manager for about an hour a week to review results.", "Most setups need no engineering time."],
  },
  {
    objection: "security_compliance",
    response: "A sensible question. We connect only to your sales CRM, never to point-of-sale or shopper data, and data is encrypted at rest and in transit. Our SOC 2 Type II report is available under NDA.",
    proofPoints: ["We connect to the sales CRM only, never to point-of-sale or shopper data.", "SOC 2 Type II report available under NDA.", "Data is encrypted at rest and in transit."],
  },
  {
    objection: "integration_effort",
    response: "The only integration is with your sales CRM, through a standard OAuth app, and most setups need no engineering time. Store and e-commerce systems are not touched.",
    proofPoints: ["Native connectors for Salesforce and HubSpot install through OAuth.", "We connect to the sales CRM only, never to point-of-sale or shopper data."],
  },
  {
    objection: "consult_others",
    response: "Of course. I can send a one-page summary for your commercial director and IT ahead of a joint call, and I am glad to join it.",
    proofPoints: ["A one-page summary for RevOps and security reviewers is available.", "A 14-day pilot with up to five seats is free of charge."],
  },
  {
    objection: "send_more_info",
    response: "Happy to. I will send a short overview of how reps research retail accounts and approve drafts with us, with a sample pilot report. A 20-minute call afterwards can cover anything it leaves open.",
    proofPoints: ["A sample pilot report shows drafts approved, replies and meetings per rep.", "Reps approve every draft before it is sent."],
  },
];
