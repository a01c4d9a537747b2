/** This graph's identity, written only here. No imports: the registry checks its shape (GraphMeta). */
export const meta = {
  assistantId: "score_contact",
  description: "Scores one contact 0–1 from four terms — seniority, role fit (the model judges the title against the vertical), reachability and propensity — with per-vertical weights renormalised over the known terms, tiers A–D, and stores the score with each term's why; offline the role fit comes from keyword rules, labelled.",
  feature: "scoring",
  budget: "background",
  resumable: false,
  /** Besides admins, whoever asked for the score (the run's metadata.requested_by). */
  runAccess: "asker",
} as const;
