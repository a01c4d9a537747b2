import type { BadgeTone } from "@/components/ui/badge";

/** A stored draft status as the reviewer reads it. */
export const STATUS_WORDS: Record<string, { label: string; tone: BadgeTone }> = {
  draft: { label: "Waiting", tone: "info" },
  approved: { label: "Approved", tone: "good" },
  sent: { label: "Sent", tone: "good" },
  rejected: { label: "Rejected", tone: "neutral" },
  failed: { label: "Not sent", tone: "bad" },
};

/** The status filter's choices, in the order a reviewer thinks of them. */
export const STATUS_OPTIONS: [string, string][] = [
  ["draft", "Waiting for review"],
  ["approved", "Approved"],
  ["sent", "Sent"],
  ["rejected", "Rejected"],
  ["failed", "Not sent"],
  ["any", "Any status"],
];

/**
 * Why the draft open beside the list is not in it, or null when it is (or may be on a page not
 * loaded yet). A draft opened by id (a link, a bookmark) can have another status than the filter
 * shows; the rep is told so, instead of deciding a draft the list says does not exist.
 */
export function offListNote(draftStatus: string, filterStatus: string, inList: boolean, listComplete: boolean): string | null {
  if (inList) return null;
  if (filterStatus !== "any" && filterStatus !== draftStatus) {
    const listName = STATUS_OPTIONS.find(([value]) => value === filterStatus)?.[1] ?? filterStatus;
    return `This draft is ${STATUS_WORDS[draftStatus]?.label ?? draftStatus}; it is not in the ${listName} list.`;
  }
  return listComplete ? "This draft does not match the other filters, so it is not in the list." : null;
}
