/** This graph's identity, written only here. No imports: the registry checks its shape (GraphMeta). */
export const meta = {
  assistantId: "email_reply",
  description: "Drafts an answer to a contact's inbound message with the compose subgraph; returns the draft without storing or sending it.",
  feature: "outreach",
  budget: "standard",
  resumable: false,
  /** Drafting runs follow their draft: besides admins, the rep a stored draft from the run is assigned to. */
  runAccess: "draft_owner",
} as const;
