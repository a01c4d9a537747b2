/** This graph's identity, written only here. No imports: the registry checks its shape (GraphMeta). */
export const meta = {
  assistantId: "email_compose",
  description: "Writes one email from a brief: a draft, then at most two review passes.",
  feature: "outreach",
  budget: "standard",
  resumable: false,
  /** Drafting runs follow their draft: besides admins, the rep a stored draft from the run is assigned to. */
  runAccess: "draft_owner",
} as const;
