/** This graph's identity, written only here. No imports: the registry checks its shape (GraphMeta). */
export const meta = {
  assistantId: "email_orchestrator",
  description: "Gates, plans and drafts one email for a contact, then waits for a person to approve, edit or reject it.",
  feature: "outreach",
  budget: "thinking",
  resumable: true,
  /** Besides admins, the rep the run's draft is assigned to. */
  runAccess: "draft_owner",
} as const;
