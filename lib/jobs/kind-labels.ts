import { JOB_SPECS, type JobName } from "./catalog";

/**
 * What each job kind is, in words an admin reads. Keyed by every kind in the catalog, so adding a
 * kind without a label fails the type check instead of leaving the jobs page's description stale.
 */
export const JOB_KIND_LABELS: Record<JobName, string> = {
  draft_decision: "approvals",
  outbox_deliver: "mail delivery",
  campaign_wake: "campaign wake-ups",
  inbound_campaigns: "replies' campaign effects",
  memory_reflect: "memory reflection",
  contact_score: "rescoring",
  lead_import: "lead imports",
};

/** "Approvals, mail delivery, … and lead imports": the catalog's kinds, in its order (most urgent first). */
export function describeJobKinds(): string {
  const labels = (Object.keys(JOB_SPECS) as JobName[]).map((k) => JOB_KIND_LABELS[k]);
  const sentence = labels.length > 1 ? `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}` : (labels[0] ?? "");
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
