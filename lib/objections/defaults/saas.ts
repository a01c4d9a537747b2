import type { PlaybookEntry } from "../playbook";

/** SaaS: product-led and sales-led software companies; buyers are RevOps, sales and CS leaders. */
export const SAAS: PlaybookEntry[] = [
  {
    objection: "price",
    response: "Most SaaS teams compare our price with one SDR's fully loaded cost, and the platform usually pays for itself once it covers the research and first-touch drafting for two reps. We price per active seat, so you only pay for reps who use it. If the number is the blocker, a smaller starting team is an option.",
    proofPoints: ["Pricing is per active seat, billed monthly, with no platform fee.", "A 14-day pilot with up to five seats is free of charge."],
  },
  {
    objection: "timing",
    response: "That makes sense, and planning cycles matter. Setup takes about two weeks, so starting a pilot now means reps have it before the next quarter's pipeline push rather than during it. If now is genuinely wrong, tell me the month that works and I will follow up then.",
    proofPoints: ["Standard onboarding takes about two weeks from kickoff to the first approved drafts.", "The pilot can start with one team while the others keep their current process."],
  },
  {
    objection: "incumbent_vendor",
    response: "Plenty of our SaaS customers keep their sequencing tool and add us alongside it. We do the research and drafting; your existing tool can keep sending. Nothing needs to be ripped out for a pilot.",
    proofPoints: ["Drafts can be exported to your existing sequencer instead of being sent by us.", "The CRM stays the system of record; we sync to it rather than replace it."],
  },
  {
    objection: "no_budget",
    response: "Understood, budgets are set well before a tool like this comes up. A free pilot needs no budget, and it gives you numbers to bring to the next planning round. Many teams fund the rollout from the sequencing or data budget they already have.",
    proofPoints: ["A 14-day pilot with up to five seats is free of charge.", "Pilot reports show drafts approved, replies and meetings per rep, ready for a budget request."],
  },
  {
    objection: "not_a_priority",
    response: "Fair enough, pipeline tooling rarely tops the list until coverage slips. The pilot asks about an hour a week from one manager, so it does not compete with your main projects. If pipeline coverage is healthy this quarter, I can check back when you plan the next one.",
    proofPoints: ["A pilot needs one manager for about an hour a week to review results.", "Reps approve every draft, so nothing changes in how your team sells without a person deciding."],
  },
  {
    objection: "security_compliance",
    response: "Security reviews are the right first step. We can send our SOC 2 Type II report and the completed security questionnaire under NDA, and customer data is encrypted at rest and in transit. Nothing is sent to a prospect without a rep approving it.",
    proofPoints: ["SOC 2 Type II report available under NDA.", "Data is encrypted at rest and in transit.", "Every email needs a person's approval before it is sent."],
  },
  {
    objection: "integration_effort",
    response: "The integration is lighter than most teams expect. We connect to Salesforce or HubSpot with a standard OAuth app, and most setups need no engineering time. Your admin stays in control of which fields we read and write.",
    proofPoints: ["Native connectors for Salesforce and HubSpot install through OAuth.", "Standard onboarding takes about two weeks from kickoff to the first approved drafts."],
  },
  {
    objection: "consult_others",
    response: "Of course, this usually involves RevOps and the sales leader. I can put together a one-page summary for them, or join a 20-minute call with the group to answer their questions directly. Who else should be part of the conversation?",
    proofPoints: ["A one-page summary for RevOps and security reviewers is available.", "A 14-day pilot with up to five seats is free of charge."],
  },
  {
    objection: "send_more_info",
    response: "Happy to. I will send a short overview of how reps research, draft and approve emails with us, plus a sample pilot report. If anything in it raises a question, a 20-minute call is usually the fastest way to answer it.",
    proofPoints: ["A sample pilot report shows drafts approved, replies and meetings per rep.", "Reps approve every draft before it is sent."],
  },
];
