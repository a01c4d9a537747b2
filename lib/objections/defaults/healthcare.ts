import type { PlaybookEntry } from "../playbook";

/** Healthcare: providers, health-tech and medical suppliers; long cycles and many stakeholders. */
export const HEALTHCARE: PlaybookEntry[] = [
  {
    objection: "price",
    response: "I hear you, healthcare budgets are tightly controlled. Teams selling into hospital systems usually measure us against the hours reps spend mapping stakeholders and researching facilities. Per-seat pricing lets you start with the reps on your longest cycles, where research time is highest.",
    proofPoints: ["Pricing is per active seat, billed monthly, with no platform fee.", "A 14-day pilot with up to five seats is free of charge."],
  },
  {
    objection: "timing",
    response: "Healthcare calendars are full, especially around budget season and regulatory deadlines. A pilot runs beside your current process and needs little of your team's time, so it can start now without competing with those. If a later month suits you better, name it and I will follow up then.",
    proofPoints: ["A pilot needs one manager for about an hour a week to review results.", "Standard onboarding takes about two weeks from kickoff to the first approved drafts."],
  },
  {
    objection: "incumbent_vendor",
    response: "Most healthcare teams we speak with keep their current CRM and engagement tools. We add research and drafting on top, and sending can stay where it is today, so nothing you rely on is replaced.",
    proofPoints: ["Drafts can be exported to your existing sequencer instead of being sent by us.", "The CRM stays the system of record; we sync to it rather than replace it."],
  },
  {
    objection: "no_budget",
    response: "Understood. The pilot needs no budget, and its report gives you concrete figures for the next planning cycle. That tends to make the internal case much easier.",
    proofPoints: ["A 14-day pilot with up to five seats is free of charge.", "Pilot reports show drafts approved, replies and meetings per rep, ready for a budget request."],
  },
  {
    objection: "not_a_priority",
    response: "That is fair, patient-facing work rightly comes first. The pilot needs about an hour a week from one sales manager and no clinical or IT staff. I can check back next quarter if the timing is better then.",
    proofPoints: ["A pilot needs one manager for about an hour a week to review results.", "Most setups need no engineering time."],
  },
  {
    objection: "security_compliance",
    response: "Good question to ask first. We work with your sales team's CRM data about organisations and contacts, not patient records, and we do not need access to clinical systems. Our SOC 2 Type II report and security questionnaire are available under NDA, and data is encrypted at rest and in transit.",
    proofPoints: ["We use CRM data about organisations and contacts only, never patient health information.", "SOC 2 Type II report available under NDA.", "Data is encrypted at rest and in transit."],
  },
  {
    objection: "integration_effort",
    response: "There is no connection to clinical or EHR systems, only to your sales CRM through a standard OAuth app. Most setups need no engineering time, and your admin controls which fields we read and write.",
    proofPoints: ["Native connectors for Salesforce and HubSpot install through OAuth.", "We use CRM data about organisations and contacts only, never patient health information."],
  },
  {
    objection: "consult_others",
    response: "Of course, decisions in healthcare involve several people. I can prepare a short summary for compliance and IT, and join a call with the group whenever suits them. Who should I include?",
    proofPoints: ["A one-page summary for RevOps and security reviewers is available.", "SOC 2 Type II report available under NDA."],
  },
  {
    objection: "send_more_info",
    response: "Happy to. I will send an overview of how reps research accounts and approve drafts with us, and a note on the data we use and do not use. If it helps, a 20-minute call afterwards can cover anything it leaves open.",
    proofPoints: ["We use CRM data about organisations and contacts only, never patient health information.", "A sample pilot report shows drafts approved, replies and meetings per rep."],
  },
];
