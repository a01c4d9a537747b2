/** This graph's identity, written only here. No imports: the registry checks its shape (GraphMeta). */
export const meta = {
  assistantId: "objection_coach",
  description: "Classifies the objection in a contact's reply or a rep's note against a closed set of nine, drafts a rebuttal grounded in the vertical's playbook and the company's facts, removes or flags any sentence they do not support, and pauses for a rep to approve the reply.",
  feature: "outreach",
  budget: "standard",
  resumable: true,
  /** Drafting runs follow their draft: besides admins, the rep the reply draft is assigned to. */
  runAccess: "draft_owner",
} as const;
