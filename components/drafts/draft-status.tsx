import { Badge, type BadgeTone } from "@/components/ui/badge";

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  draft: { label: "Waiting", tone: "info" },
  approved: { label: "Approved", tone: "good" },
  sent: { label: "Sent", tone: "good" },
  rejected: { label: "Rejected", tone: "neutral" },
  failed: { label: "Not sent", tone: "bad" },
};

export function DraftStatus({ status }: { status: string }) {
  const s = STATUS[status] ?? { label: status, tone: "neutral" as const };
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

/** The status filter's choices, in the order a reviewer thinks of them. */
export const STATUS_OPTIONS: [string, string][] = [
  ["draft", "Waiting for review"],
  ["approved", "Approved"],
  ["sent", "Sent"],
  ["rejected", "Rejected"],
  ["failed", "Not sent"],
  ["any", "Any status"],
];
