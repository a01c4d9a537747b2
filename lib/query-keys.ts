/** Query-key factories: one place that knows how client caches are keyed and invalidated. */
export const contactKeys = {
  all: ["contacts"] as const,
  list: (params: Record<string, string>) => ["contacts", "list", params] as const,
};

export const companyKeys = {
  all: ["companies"] as const,
  list: (params: Record<string, string>) => ["companies", "list", params] as const,
};
