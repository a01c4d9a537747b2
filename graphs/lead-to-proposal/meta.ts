/** This graph's identity, written only here. No imports: the registry checks its shape (GraphMeta). */
export const meta = {
  assistantId: "lead_to_proposal",
  description: "Qualifies a lead, researches it from the company's facts, drafts a proposal whose every claim cites a fact or is an assumption, checks each claim's faithfulness, then waits for a person to approve, edit or reject it. Never sends.",
  feature: "proposals",
  budget: "thinking",
  resumable: true,
  /** Besides admins, the rep the run's proposal is assigned to. */
  runAccess: "draft_owner",
} as const;
