import type { PlaybookEntry } from "../playbook";

/** Manufacturing: industrial and component makers selling to plants, distributors and OEMs. */
export const MANUFACTURING: PlaybookEntry[] = [
  {
    objection: "price",
    response: "I understand, every cost line gets checked in manufacturing. Teams selling to plants and distributors compare us with the time reps spend researching accounts before a first call. Per-seat pricing means you can start with the territory reps who cover the most accounts.",
    proofPoints: ["Pricing is per active seat, billed monthly, with no platform fee.", "A 14-day pilot with up to five seats is free of charge."],
  },
  {
    objection: "timing",
    response: "That makes sense around trade shows and year-end planning. A pilot takes about two weeks to set up, so starting now means your reps have it ready for the next show season. If another month is better, tell me and I will follow up then.",
    proofPoints: ["Standard onboarding takes about two weeks from kickoff to the first approved drafts.", "The pilot can start with one team while the others keep their current process."],
  },
  {
    objection: "incumbent_vendor",
    response: "Most manufacturers we work with keep their CRM and any tools their distributors use. We add account research and drafting on top, and sending can stay with your current tool, so the pilot replaces nothing.",
    proofPoints: ["Drafts can be exported to your existing sequencer instead of being sent by us.", "The CRM stays the system of record; we sync to it rather than replace it."],
  },
  {
    objection: "no_budget",
    response: "Understood. The pilot costs nothing and gives you figures on replies and meetings per rep, which makes a case for next year's budget straightforward.",
    proofPoints: ["A 14-day pilot with up to five seats is free of charge.", "Pilot reports show drafts approved, replies and meetings per rep, ready for a budget request."],
  },
  {
    objection: "not_a_priority",
    response: "Fair enough, operations and supply issues come first. The pilot needs about an hour a week from one sales manager and nothing from plant or IT staff, so it will not compete with that work.",
    proofPoints: ["A pilot needs one manager for about an hour a week to review results.", "Most setups need no engineering time."],
  },
  {
    objection: "security_compliance",
    response: "Reasonable to ask. We only connect to your sales CRM, never to plant, ERP or production systems. Our SOC 2 Type II report is available under NDA, and data is encrypted at rest and in transit.",
    proofPoints: ["We connect to the sales CRM only, not to ERP or production systems.", "SOC 2 Type II report available under NDA.", "Data is encrypted at rest and in transit."],
  },
  {
    objection: "integration_effort",
    response: "The only integration is with your sales CRM, through a standard OAuth app, and most setups need no engineering time. There is nothing to install on the plant side.",
    proofPoints: ["Native connectors for Salesforce and HubSpot install through OAuth.", "We connect to the sales CRM only, not to ERP or production systems."],
  },
  {
    objection: "consult_others",
    response: "Of course. If it helps, I can send a one-page summary your sales director and IT can read before a joint call, and I am glad to join that call.",
    proofPoints: ["A one-page summary for RevOps and security reviewers is available.", "A 14-day pilot with up to five seats is free of charge."],
  },
  {
    objection: "send_more_info",
    response: "Happy to. I will send a short overview of how territory reps research accounts and approve drafts with us, with a sample pilot report. A 20-minute call afterwards can answer whatever it leaves open.",
    proofPoints: ["A sample pilot report shows drafts approved, replies and meetings per rep.", "Reps approve every draft before it is sent."],
  },
];
