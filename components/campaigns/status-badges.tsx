import { Badge, type BadgeTone } from "@/components/ui/badge";

const CAMPAIGN: Record<string, { label: string; tone: BadgeTone }> = {
  draft: { label: "Not launched", tone: "neutral" },
  active: { label: "Running", tone: "good" },
  paused: { label: "Paused", tone: "warn" },
  completed: { label: "Completed", tone: "info" },
};

const ENROLLMENT: Record<string, { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "info" },
  paused: { label: "Paused", tone: "warn" },
  completed: { label: "Completed", tone: "neutral" },
  stopped: { label: "Stopped", tone: "bad" },
  replied: { label: "Replied", tone: "good" },
  bounced: { label: "Bounced", tone: "bad" },
  unsubscribed: { label: "Unsubscribed", tone: "bad" },
  meeting: { label: "Meeting booked", tone: "good" },
  removed: { label: "Removed", tone: "neutral" },
};

export function CampaignStatus({ status }: { status: string }) {
  const s = CAMPAIGN[status] ?? { label: status, tone: "neutral" as const };
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

export function EnrollmentStatus({ status }: { status: string }) {
  const s = ENROLLMENT[status] ?? { label: status, tone: "neutral" as const };
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

/** The enrollment filter's choices. */
export const ENROLLMENT_FILTERS: [string, string][] = Object.entries(ENROLLMENT).map(([value, { label }]) => [value, label]);
