import type { PlaybookEntry } from "../playbook";

/** Fintech: payments, lending and banking-software firms; buyers answer to risk and compliance. */
export const FINTECH: PlaybookEntry[] = [
  {
    objection: "price",
    response: "I understand the scrutiny on every line item. Fintech teams usually weigh our cost against the analyst hours spent researching accounts by hand, and the per-seat model lets you start with the reps covering your largest segment. We can scope a pilot to that segment so the return is measurable.",
    proofPoints: ["Pricing is per active seat, billed monthly, with no platform fee.", "A 14-day pilot with up to five seats is free of charge."],
  },
  {
    objection: "timing",
    response: "Timing around audits and quarter-end is real in financial services. A pilot runs alongside your current process and needs no change freeze exemptions, because nothing goes to a prospect without approval. If a specific window is better, I will plan around it.",
    proofPoints: ["Every email needs a person's approval before it is sent.", "Standard onboarding takes about two weeks from kickoff to the first approved drafts."],
  },
  {
    objection: "incumbent_vendor",
    response: "Many fintech teams already have a sales engagement platform approved by procurement, and we are built to sit beside it. We handle account research and drafting; sending can stay with your current vendor. That keeps the vendor review small.",
    proofPoints: ["Drafts can be exported to your existing sequencer instead of being sent by us.", "The CRM stays the system of record; we sync to it rather than replace it."],
  },
  {
    objection: "no_budget",
    response: "That is common mid-year. The free pilot needs no budget and produces the evidence your finance partner will ask for, so the decision can be made on numbers in the next cycle.",
    proofPoints: ["A 14-day pilot with up to five seats is free of charge.", "Pilot reports show drafts approved, replies and meetings per rep, ready for a budget request."],
  },
  {
    objection: "not_a_priority",
    response: "Understood, compliance and product work come first in most fintech roadmaps. The pilot needs about an hour a week from one manager, so it does not pull engineers or compliance staff away. I can check back once the current priorities settle.",
    proofPoints: ["A pilot needs one manager for about an hour a week to review results.", "Most setups need no engineering time."],
  },
  {
    objection: "security_compliance",
    response: "In financial services that question comes first, rightly. We can share our SOC 2 Type II report, our data processing agreement and the completed security questionnaire under NDA. Data is encrypted at rest and in transit, and every outbound email is approved by a person, which keeps your communication records reviewable.",
    proofPoints: ["SOC 2 Type II report available under NDA.", "A data processing agreement is available for review.", "Every email needs a person's approval before it is sent, and each approval is logged."],
  },
  {
    objection: "integration_effort",
    response: "We connect to the CRM through a standard OAuth app, and your admin chooses which fields we can read and write. Most fintech setups need no engineering time, which keeps the change inside your sales operations team.",
    proofPoints: ["Native connectors for Salesforce and HubSpot install through OAuth.", "Your admin chooses which CRM fields are read and written."],
  },
  {
    objection: "consult_others",
    response: "Of course. Compliance and IT security usually want to see the documents before a call, so I can send the security questionnaire and the data processing agreement for them now. I am also glad to join a short call with the group.",
    proofPoints: ["SOC 2 Type II report available under NDA.", "A data processing agreement is available for review."],
  },
  {
    objection: "send_more_info",
    response: "Glad to. I will send a two-page overview covering how drafts are researched, reviewed and approved, and what our security documentation includes. A 20-minute call afterwards is usually the quickest way to answer open questions.",
    proofPoints: ["A one-page summary for RevOps and security reviewers is available.", "Every email needs a person's approval before it is sent, and each approval is logged."],
  },
];
