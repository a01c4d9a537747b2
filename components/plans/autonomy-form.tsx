"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setPlanAutonomyAction } from "@/app/(console)/admin/actions";
import type { AutonomyLevel } from "@/lib/crm-actions/gate";

/** The admin's choice of how much a plan may do without a person; saved for plans made from now on. */
export function AutonomyForm({ current, levels }: { current: AutonomyLevel; levels: { level: AutonomyLevel; meaning: string }[] }) {
  const router = useRouter();
  const [choice, setChoice] = useState<AutonomyLevel>(current);
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      className="space-y-3 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          setMessage(null);
          const answer = await setPlanAutonomyAction({ level: choice }).catch(() => ({ ok: false as const, error: "The console could not be reached." }));
          if (!answer.ok) setMessage({ ok: false, text: answer.error });
          else {
            setMessage({ ok: true, text: answer.from === answer.to ? `Unchanged: ${answer.to}.` : `Saved: ${answer.from} → ${answer.to}. Plans made from now on use it.` });
            router.refresh();
          }
        });
      }}
    >
      <fieldset className="space-y-2">
        <legend className="sr-only">Plan autonomy level</legend>
        {levels.map(({ level, meaning }) => (
          <label key={level} className="flex items-start gap-2">
            <input type="radio" name="autonomy" value={level} checked={choice === level} onChange={() => setChoice(level)} className="mt-0.5 accent-brand-600" />
            <span>
              <span className="font-medium">{level}</span>
              {level === current ? <span className="ml-1 text-xs text-slate-500">(current)</span> : null}
              <span className="block text-slate-600">{meaning}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending || choice === current} className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? "Saving…" : "Save"}
        </button>
        <Link href="/admin/audit?action=plans.autonomy" className="text-brand-700 underline">Who changed it</Link>
        {message ? <span role={message.ok ? "status" : "alert"} className={message.ok ? "text-emerald-700" : "text-rose-700"}>{message.text}</span> : null}
      </div>
    </form>
  );
}
