import type { PlaybookEntry } from "../playbook";

/** Logistics: carriers, 3PLs and freight forwarders; fast-moving teams selling on lanes and capacity. */
export const LOGISTICS: PlaybookEntry[] = [
  {
    objection: "price",
    response: "I get it, margins in logistics are thin. Teams selling freight and warehousing usually compare us with the hours reps spend qualifying shippers by hand. Per-seat pricing lets you start with the reps working your priority lanes.",
    proofPoints: ["Pricing is per active seat, billed monthly, with no platform fee.", "A 14-day pilot with up to five seats is free of charge."],
  },
  {
    objection: "timing",
    response: "Understood, peak season is no time for a new tool. Setup takes about two weeks, so a pilot started now is running well before the next peak. If you would rather wait until after it, tell me when and I will follow up then.",
    proofPoints: ["Standard onboarding takes about two weeks from kickoff to the first approved drafts.", "The pilot can start with one team while the others keep their current process."],
  },
  {
    objection: "incumbent_vendor",
    response: "Most logistics teams keep their CRM and load board tools. We add shipper research and drafting, and sending can stay with your current tool, so nothing needs to be replaced for a pilot.",
    proofPoints: ["Drafts can be exported to your existing sequencer instead of being sent by us.", "The CRM stays the system of record; we sync to it rather than replace it."],
  },
  {
    objection: "no_budget",
    response: "That is common. The pilot needs no budget, and its report shows replies and meetings per rep, which gives you numbers for the next budget round.",
    proofPoints: ["A 14-day pilot with up to five seats is free of charge.", "Pilot reports show drafts approved, replies and meetings per rep, ready for a budget request."],
  },
  {
    objection: "not_a_priority",
    response: "Fair enough, operations come first. The pilot needs about an hour a week from one sales manager and nothing from dispatch or IT, so it will not get in the way.",
    proofPoints: ["A pilot needs one manager for about an hour a week to review results.", "Most setups need no engineering time."],
  },
  {
    objection: "security_compliance",
    response: "A fair question. We connect only to your sales CRM, not to your TMS or WMS, and customer data is encrypted at rest and in transit. Our SOC 2 Type II report is available under NDA.",
    proofPoints: ["We connect to the sales CRM only, not to a TMS or WMS.", "SOC 2 Type II report available under NDA.", "Data is encrypted at rest and in transit."],
  },
  {
    objection: "integration_effort",
    response: "The integration is with your sales CRM only, through a standard OAuth app, and most setups need no engineering time. Your TMS and WMS are not touched.",
    proofPoints: ["Native connectors for Salesforce and HubSpot install through OAuth.", "We connect to the sales CRM only, not to a TMS or WMS."],
  },
  {
    objection: "consult_others",
    response: "Of course. I can send a one-page summary for your sales leader and IT before a joint call, and I am happy to join that call.",
    proofPoints: ["A one-page summary for RevOps and security reviewers is available.", "A 14-day pilot with up to five seats is free of charge."],
  },
  {
    objection: "send_more_info",
    response: "Glad to. I will send a short overview of how reps research shippers and approve drafts with us, with a sample pilot report. A 20-minute call afterwards is usually the fastest way to answer what is left.",
    proofPoints: ["A sample pilot report shows drafts approved, replies and meetings per rep.", "Reps approve every draft before it is sent."],
  },
];
