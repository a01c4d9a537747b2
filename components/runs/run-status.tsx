import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatDuration, humanize } from "@/lib/format";

const TONE: Record<string, BadgeTone> = { success: "good", error: "bad", timeout: "bad", cancelled: "warn", interrupted: "info", running: "neutral", pending: "neutral" };

/** A run's or a step's status as a badge, in the same tones everywhere on the run page. */
export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={TONE[status] ?? "neutral"}>{humanize(status)}</Badge>;
}

/** Milliseconds from start to end, or null while it has not ended. */
export function elapsed(start: Date, end: Date | null): number | null {
  return end ? end.getTime() - start.getTime() : null;
}

export const duration = (start: Date, end: Date | null) => formatDuration(elapsed(start, end));

/** Model spend to the micro-dollar, as the database sums it. */
export const microUsd = (n: number) => `$${n.toFixed(6)}`;
