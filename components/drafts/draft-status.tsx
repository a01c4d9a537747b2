"use client";
import { Badge } from "@/components/ui/badge";
import { SendingIn } from "./countdown";
import { STATUS_WORDS } from "./status-words";

/** A draft's status; a waiting draft approved in the console shows its undo window instead. */
export function DraftStatus({ status, sendAt = null }: { status: string; sendAt?: Date | string | number | null }) {
  if (status === "draft" && sendAt !== null) {
    return (
      <Badge tone="good">
        Approved · <SendingIn at={sendAt} />
      </Badge>
    );
  }
  const s = STATUS_WORDS[status] ?? { label: status, tone: "neutral" as const };
  return <Badge tone={s.tone}>{s.label}</Badge>;
}
