/** This graph's identity, written only here. No imports: the registry checks its shape (GraphMeta). */
export const meta = {
  assistantId: "country_classify",
  description: "Names the country (ISO 3166-1 alpha-2, or null) of a company HQ string as strict JSON {country, confidence, reasons}; an offline resolver over shipped tables answers, and checks the model, when it may not.",
  feature: "enrichment",
  budget: "background",
  resumable: false,
  /** Besides admins, whoever asked for the classification (the run's metadata.requested_by). */
  runAccess: "asker",
} as const;
