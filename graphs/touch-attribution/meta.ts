/** This graph's identity, written only here. No imports: the registry checks its shape (GraphMeta). */
export const meta = {
  assistantId: "touch_attribution",
  description: "Credits a contact's or a campaign's conversions to the emails before them: model-weighted for the latest ten when a model may answer, last touch otherwise, each labelled.",
  feature: "analytics",
  budget: "default",
  resumable: false,
  /** Besides admins, whoever asked for the attribution (the run's metadata.requested_by). */
  runAccess: "asker",
} as const;
