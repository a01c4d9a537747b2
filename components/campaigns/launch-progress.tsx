"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { launchProgressAction } from "@/app/(console)/campaigns/actions";
import { formatPercent } from "@/lib/format";
import type { LaunchProgress as Progress } from "@/lib/services/campaign-views";
import { launchWords } from "./launch-words";

const POLL_MS = 1000;

/**
 * After launch: enrollments and threads are written at once, the first touches are drafted by
 * wake jobs seconds later. Polls until nothing is still being drafted, saying which phase it is
 * in with live numbers (launchWords), so it never states a count that is about to change.
 */
export function LaunchProgress({ campaignId, enrolled }: { campaignId: number; enrolled: number }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const words = launchWords(progress, enrolled);
  const done = words.settled;
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
  const ratio = words.of > 0 ? words.done / words.of : 1;
  return (
    <div className="space-y-3" data-testid="launch-progress">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm" aria-live="polite">
        <span className="font-medium text-slate-900">{words.headline}</span>
        {words.settled ? null : <span className="tabular-nums text-slate-600">{words.detail ?? ""}</span>}
      </div>
      <div className="h-2 overflow-hidden rounded bg-slate-200" role="progressbar" aria-label={progress && progress.started >= progress.enrolled ? "First touches drafted" : "Threads started"} aria-valuemin={0} aria-valuemax={words.of} aria-valuenow={words.done}>
        <div className="h-full rounded bg-brand-600 transition-all" style={{ width: formatPercent(ratio) }} />
      </div>
      {words.settled && words.detail ? <p className="text-sm text-slate-600">{words.detail}</p> : null}
      {error ? <p role="alert" className="text-sm text-amber-800">{error}</p> : null}
      <Link href={`/campaigns/${campaignId}`} className="inline-block text-sm font-medium text-brand-700 hover:underline">Open the campaign →</Link>
    </div>
  );
}
