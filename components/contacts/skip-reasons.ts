import { refusalMessage, SKIP_REASONS as GATE_REASONS, type GateReason } from "@/lib/safety/gate";

/** Why the orchestrator wrote no draft, beyond the safety gate's refusals, as a person would say it. */
const OTHER_REASONS: Record<string, string> = {
  too_soon: "They were emailed less than 3 days ago.",
  pending_draft: "A draft for them is already waiting.",
  planned_skip: "The planner decided not to write to them now.",
  nothing_to_answer: "They have no message waiting for an answer.",
};

const isGateReason = (reason: string): reason is GateReason => (GATE_REASONS as readonly string[]).includes(reason);

/**
 * A skip reason as a sentence. A gate refusal reads as the gate words it (lib/safety/gate.ts);
 * "suppressed" names why the address was suppressed when the caller knows (a bounced contact is
 * on the list because it bounced, and should be told so).
 */
export function skipReasonText(reason: string, suppression?: string | null): string {
  if (isGateReason(reason)) return refusalMessage(reason, suppression);
  const text = OTHER_REASONS[reason] ?? reason.replace(/_/g, " ");
  return /[.!?]$/.test(text) ? text : `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
