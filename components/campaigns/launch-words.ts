import { formatNumber } from "@/lib/format";
import type { LaunchProgress } from "@/lib/services/campaign-views";

type Counts = Pick<LaunchProgress, "enrolled" | "started" | "drafted" | "drafting" | "awaiting" | "sent">;

/** What the post-launch summary says, and whether it may stop polling. */
export type LaunchWords = { headline: string; done: number; of: number; detail: string | null; settled: boolean };

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

/**
 * The summary after launch, in three phases: threads starting, first touches being drafted by
 * the wake jobs (seconds after the launch answers), then settled. Counts of waiting and sent
 * touches are stated only once nothing is still being drafted: "0 waiting" while drafts are
 * still being written would be a wrong count.
 */
export function launchWords(p: Counts | null, enrolled: number): LaunchWords {
  if (p === null) return { headline: "Starting threads…", done: 0, of: enrolled, detail: null, settled: false };
  if (p.started < p.enrolled) return { headline: "Starting threads…", done: p.started, of: p.enrolled, detail: `${formatNumber(p.started)} of ${formatNumber(p.enrolled)} started`, settled: false };
  const of = p.drafted + p.drafting;
  if (p.drafting > 0) {
    return { headline: `First touches are being drafted — ${formatNumber(p.drafted)} of ${formatNumber(of)} so far.`, done: p.drafted, of, detail: `${formatNumber(p.drafted)} of ${formatNumber(of)} drafted`, settled: false };
  }
  return {
    headline: of === p.enrolled ? "Every first touch is drafted." : `${plural(of, "first touch is", "first touches are")} drafted; the other enrollments are paused or ended.`,
    done: of,
    of,
    detail: `${plural(p.awaiting, "touch", "touches")} waiting for approval in the owners' drafts queues · ${formatNumber(p.sent)} sent`,
    settled: true,
  };
}
