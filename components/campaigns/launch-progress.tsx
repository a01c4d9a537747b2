"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { launchProgressAction } from "@/app/(console)/campaigns/actions";
import { formatNumber, formatPercent } from "@/lib/format";
import type { LaunchProgress as Progress } from "@/lib/services/campaign-views";

const POLL_MS = 1000;

/**
 * After launch: enrollments are written at once, their threads start as the scheduler wakes
 * them. Polls how many have started, and how many touches wait for approval, until all have.
 */
export function LaunchProgress({ campaignId, enrolled }: { campaignId: number; enrolled: number }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const done = progress !== null && progress.started >= progress.enrolled;
  useEffect(() => {
    if (done) return;
    let stopped = false;
    const tick = async () => {
      const r = await launchProgressAction({ campaignId }).catch(() => ({ ok: false as const, error: "The console could not be reached; retrying." }));
      if (stopped) return;
      if (r.ok) {
        setProgress(r.progress);
        setError(null);
      } else setError(r.error);
    };
    void tick();
    const timer = setInterval(() => void tick(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [campaignId, done]);
  const total = progress?.enrolled ?? enrolled;
  const started = progress?.started ?? 0;
  const ratio = total > 0 ? started / total : 1;
  return (
    <div className="space-y-3" data-testid="launch-progress">
      <div className="flex items-baseline justify-between text-sm">
        <span className="font-medium text-slate-900">{done ? "Every thread has started." : "Starting threads…"}</span>
        <span className="tabular-nums text-slate-600">{formatNumber(started)} of {formatNumber(total)} started ({formatPercent(ratio)})</span>
      </div>
      <div className="h-2 overflow-hidden rounded bg-slate-200" role="progressbar" aria-label="Threads started" aria-valuemin={0} aria-valuemax={total} aria-valuenow={started}>
        <div className="h-full rounded bg-brand-600 transition-all" style={{ width: formatPercent(ratio) }} />
      </div>
      {progress ? (
        <p className="text-sm text-slate-600">
          {formatNumber(progress.awaiting)} touch{progress.awaiting === 1 ? "" : "es"} waiting for approval in the owners&apos; drafts queues · {formatNumber(progress.sent)} sent
        </p>
      ) : null}
      {error ? <p role="alert" className="text-sm text-amber-800">{error}</p> : null}
      <Link href={`/campaigns/${campaignId}`} className="inline-block text-sm font-medium text-brand-700 hover:underline">Open the campaign →</Link>
    </div>
  );
}
