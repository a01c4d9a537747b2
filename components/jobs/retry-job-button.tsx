"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { retryJobAction } from "@/app/(console)/admin/jobs/actions";

/** Retries one failed or dead job; the list is server-rendered, so success refreshes it. */
export function RetryJobButton({ jobId }: { jobId: number }) {
  const router = useRouter();
  const retry = useMutation({
    mutationFn: async () => {
      const result = await retryJobAction({ jobId });
      if (!result.ok) throw new Error(result.error);
      return result;
    },
    onSuccess: () => router.refresh(),
  });
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <button
        type="button"
        onClick={() => retry.mutate()}
        disabled={retry.isPending || retry.isSuccess}
        aria-label={`Retry job ${jobId}`}
        className="rounded-md border border-slate-300 bg-white px-3 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
      >
        {retry.isPending ? "Retrying…" : retry.isSuccess ? "Queued" : "Retry"}
      </button>
      {retry.error ? <span role="alert" className="text-xs text-rose-700">{retry.error.message}</span> : null}
    </span>
  );
}
