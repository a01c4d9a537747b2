"use client";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { SendingIn } from "./countdown";

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  draft: { label: "Waiting", tone: "info" },
  approved: { label: "Approved", tone: "good" },
  sent: { label: "Sent", tone: "good" },
  rejected: { label: "Rejected", tone: "neutral" },
  failed: { label: "Not sent", tone: "bad" },
};

/** A draft's status; a waiting draft approved in the console shows its undo window instead. */
export function DraftStatus({ status, sendAt = null }: { status: string; sendAt?: Date | string | number | null }) {
  if (status === "draft" && sendAt !== null) {
    return (
      <Badge tone="good">
        Approved · <SendingIn at={sendAt} />
      </Badge>
    );
  }
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
