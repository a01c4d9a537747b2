/** Query-key factories: one place that knows how client caches are keyed and invalidated. */
export const contactKeys = {
  all: ["contacts"] as const,
  list: (params: Record<string, string>) => ["contacts", "list", params] as const,
};

export const companyKeys = {
  all: ["companies"] as const,
  list: (params: Record<string, string>) => ["companies", "list", params] as const,
};

export const draftKeys = {
  all: ["drafts"] as const,
  lists: () => ["drafts", "list"] as const,
  list: (params: Record<string, string>) => ["drafts", "list", params] as const,
  details: () => ["drafts", "detail"] as const,
  detail: (id: number) => ["drafts", "detail", id] as const,
};

export const analyticsKeys = {
  all: ["analytics"] as const,
  history: () => ["analytics", "history"] as const,
  /** "all" for every vertical summed. */
  funnel: (vertical: string) => ["analytics", "funnel", vertical] as const,
  attribution: (campaignId: number) => ["analytics", "attribution", campaignId] as const,
};

export const leadImportKeys = {
  all: ["lead-imports"] as const,
  preview: (id: number, mapping: Record<string, string>) => ["lead-imports", "preview", id, mapping] as const,
  status: (id: number) => ["lead-imports", "status", id] as const,
};
