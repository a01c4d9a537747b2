import { formatDateTime, humanize } from "@/lib/format";

type DateLike = Date | string | number;

/**
 * The first sentence of a decided draft's outcome ("Rejected 6 Dec 2026, 10:25 UTC."), or null
 * when the delivery sentence that follows already says it: a sent draft whose outbox row was
 * sent reads "Sent to ann@x.com 6 Dec 2026, 10:25 UTC by SMTP." once, not "Sent …. Sent to …".
 */
export function outcomeHeadline(status: string, decidedAt: DateLike | null, outboxSent: boolean): string | null {
  if (status === "sent" && outboxSent) return null;
  return `${humanize(status)}${decidedAt ? ` ${formatDateTime(decidedAt)}` : ""}.`;
}
