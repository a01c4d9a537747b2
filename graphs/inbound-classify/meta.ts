/** This graph's identity, written only here. No imports: the registry checks its shape (GraphMeta). */
export const meta = {
  assistantId: "inbound_classify",
  description: "Labels an inbound email (interested, unsubscribe, bounced…) as strict JSON with its polarity; keyword rules when no model may answer.",
  feature: "inbound",
  budget: "background",
  resumable: false,
  /** Runs on mail from outside, asked for by nobody: admins only. */
  runAccess: "admin",
} as const;
