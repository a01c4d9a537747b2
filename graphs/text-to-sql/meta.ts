/** This graph's identity, written only here. No imports: the registry checks its shape (GraphMeta). */
export const meta = {
  assistantId: "text_to_sql",
  description: "Answers a CRM question: SQL written (or a fixed report matched), gated, run read-only, repaired at most twice, summarised from the rows only.",
  feature: "analytics",
  budget: "default",
  resumable: false,
  /** Besides admins, whoever asked the question (the run's metadata.requested_by). */
  runAccess: "asker",
} as const;
