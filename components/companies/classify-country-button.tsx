"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { classifyCountryAction } from "@/app/(console)/companies/[id]/actions";
import { formatPercent } from "@/lib/format";

const SOURCE: Record<string, string> = { model: "model", rules: "offline rules", rule_based_fallback: "offline rules (no model)" };

/** Asks country_classify for the company's country from its HQ city; the page is server-rendered, so success refreshes it. */
export function ClassifyCountryButton({ companyId }: { companyId: number }) {
  const router = useRouter();
  const classify = useMutation({
    mutationFn: async () => {
      const result = await classifyCountryAction({ companyId });
      if (!result.ok) throw new Error(result.error);
      return result;
    },
    onSuccess: () => router.refresh(),
  });
  const done = classify.data;
  return (
    <div className="mt-3 flex flex-wrap items-center gap-2 text-xs">
      <button
        type="button"
        onClick={() => classify.mutate()}
        disabled={classify.isPending}
        className="rounded-md border border-slate-300 bg-white px-3 py-1 font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
      >
        {classify.isPending ? "Classifying…" : "Classify country"}
      </button>
      <span aria-live="polite" className="text-slate-600">
        {done ? `${done.country ?? "No country"} · ${formatPercent(done.confidence)} · ${SOURCE[done.source] ?? done.source}${done.country && !done.updated ? " (unchanged)" : ""}` : null}
      </span>
      {classify.error ? <span role="alert" className="text-rose-700">{classify.error.message}</span> : null}
    </div>
  );
}
