"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { completeTaskAction } from "@/app/(console)/contacts/actions";

/** Marks one open task or flag done, then reloads the contact's open tasks. */
export function TaskDoneButton({ taskId, title }: { taskId: number; title: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        aria-label={`Mark done: ${title}`}
        className="rounded-md border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-50 disabled:opacity-60"
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const answer = await completeTaskAction({ taskId }).catch(() => ({ ok: false as const, error: "The console could not be reached." }));
            if (!answer.ok) setError(answer.error);
            else router.refresh();
          })
        }
      >
        {pending ? "Marking…" : "Mark done"}
      </button>
      {error ? <span role="alert" className="text-xs text-rose-700">{error}</span> : null}
    </span>
  );
}
