/** Why the orchestrator wrote no draft, as a person would say it. */
const SKIP_REASONS: Record<string, string> = {
  suppressed: "on the suppression list",
  do_not_contact: "marked do not contact",
  bounced: "mail to this address bounced",
  unsubscribed: "unsubscribed",
  replied: "has replied, so a person takes over",
  too_soon: "contacted less than 3 days ago",
  pending_draft: "already has a draft waiting",
  planned_skip: "the planner decided not to write to them now",
  nothing_to_answer: "no message of theirs to answer",
};

export function skipReasonText(reason: string): string {
  return SKIP_REASONS[reason] ?? reason.replace(/_/g, " ");
}
