/** This graph's identity, written only here. No imports: the registry checks its shape (GraphMeta). */
export const meta = {
  assistantId: "memory_reflect",
  description: "Remembers one email as a one-line graph_derived memory of the contact; run in the background.",
  feature: "memory",
  budget: "background",
  resumable: false,
  /** Background work nobody asked for: admins only. */
  runAccess: "admin",
} as const;
