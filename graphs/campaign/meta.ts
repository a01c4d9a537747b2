/** This graph's identity, written only here. No imports: the registry checks its shape (GraphMeta). */
export const meta = {
  assistantId: "campaign",
  description: "Runs one contact's campaign sequence: plans once, then per touch checks stop rules, drafts, waits for a person's approval, sends through the outbox and sleeps until the next touch is due.",
  feature: "outreach",
  budget: "thinking",
  resumable: true,
  /** Besides admins, the rep the thread's touch drafts are assigned to. */
  runAccess: "draft_owner",
} as const;
