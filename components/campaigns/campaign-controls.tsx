"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { campaignStateAction, enrollmentAction } from "@/app/(console)/campaigns/actions";

/** Said when any campaign or row action starts, so an older result stops reading as the latest. */
const ACTION_STARTED = "campaign-action-started";
const announceActionStart = () => window.dispatchEvent(new Event(ACTION_STARTED));

const secondary = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50";

/** Pause or resume the whole campaign; the result (or why not) is said beside the button. */
export function CampaignControls({ campaignId, status }: { campaignId: number; status: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    const clear = () => setMessage(null);
    window.addEventListener(ACTION_STARTED, clear);
    return () => window.removeEventListener(ACTION_STARTED, clear);
  }, []);
  if (status !== "active" && status !== "paused") return null;
  const op = status === "active" ? "pause" : "resume";
  return (
    <div className="flex items-center gap-3">
      {message ? <p role="status" className="text-sm text-slate-600">{message}</p> : null}
      <button
        type="button"
        className={op === "pause" ? secondary : "rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50"}
        disabled={pending}
        onClick={() =>
          start(async () => {
            announceActionStart();
            const r = await campaignStateAction({ campaignId, op });
            setMessage(r.ok ? `${op === "pause" ? "Paused" : "Resumed"} ${r.changed} enrollment${r.changed === 1 ? "" : "s"}.` : r.error);
            router.refresh();
          })
        }
      >
        {op === "pause" ? "Pause campaign" : "Resume campaign"}
      </button>
    </div>
  );
}

/** Pause, resume or remove one contact's enrollment, from its row. */
export function EnrollmentControls({ campaignId, enrollmentId, status, name }: { campaignId: number; enrollmentId: number; status: string; name: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const act = (op: "pause" | "resume" | "remove") =>
    start(async () => {
      if (op === "remove" && !window.confirm(`Remove ${name} from this campaign? Their waiting touch is withdrawn.`)) return;
      announceActionStart();
      const r = await enrollmentAction({ campaignId, enrollmentId, op });
      setError(r.ok ? null : r.error);
      router.refresh();
    });
  const live = status === "active" || status === "paused";
  if (!live) return null;
  const link = "text-sm font-medium text-brand-700 hover:underline disabled:opacity-50";
  return (
    <span className="inline-flex items-center gap-3 whitespace-nowrap">
      {status === "active" ? <button type="button" className={link} disabled={pending} onClick={() => act("pause")} aria-label={`Pause ${name}`}>Pause</button> : null}
      {status === "paused" ? <button type="button" className={link} disabled={pending} onClick={() => act("resume")} aria-label={`Resume ${name}`}>Resume</button> : null}
      <button type="button" className="text-sm font-medium text-rose-700 hover:underline disabled:opacity-50" disabled={pending} onClick={() => act("remove")} aria-label={`Remove ${name}`}>Remove</button>
      {error ? <span role="alert" className="text-xs text-rose-700">{error}</span> : null}
    </span>
  );
}
