/** This graph's identity, written only here. No imports: the registry checks its shape (GraphMeta). */
export const meta = {
  assistantId: "campaign_panel",
  description: "A strategist, a skeptic and a brand-voice lens argue a campaign's sequence for an audience and agree an angle, tone, cadence, touch budget and per-touch angles; it only seeds the coach plan, never sends.",
  feature: "campaigns",
  budget: "standard",
  resumable: false,
  /** Besides admins, the operator who convened the panel (the run's metadata.requested_by). */
  runAccess: "asker",
} as const;
