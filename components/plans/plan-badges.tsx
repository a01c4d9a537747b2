import { Badge, type BadgeTone } from "@/components/ui/badge";
import { humanize } from "@/lib/format";

const PLAN_TONE: Record<string, BadgeTone> = { planning: "info", needs_person: "warn", done: "good", failed: "bad" };
const STEP_TONE: Record<string, BadgeTone> = { auto_ran: "good", done: "good", approved: "info", awaiting_approval: "warn", failed: "bad", rejected: "neutral", dropped: "neutral" };
const STEP_LABEL: Record<string, string> = { auto_ran: "Ran by itself", done: "Approved and done", approved: "Running", awaiting_approval: "Waits for approval", failed: "Needs a person", rejected: "Rejected", dropped: "Dropped" };

export function PlanStatusBadge({ status }: { status: string }) {
  return <Badge tone={PLAN_TONE[status] ?? "neutral"}>{status === "needs_person" ? "Needs a person" : humanize(status)}</Badge>;
}

export function StepStatusBadge({ status }: { status: string }) {
  return <Badge tone={STEP_TONE[status] ?? "neutral"}>{STEP_LABEL[status] ?? humanize(status)}</Badge>;
}
