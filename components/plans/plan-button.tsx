"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { createPlanAction } from "@/app/(console)/plans/actions";

/** "Plan next steps": a goal for a contact or an account; crm_orchestrator plans, and the plan's page opens. */
export function PlanButton({ subject, defaultGoal = "Book a meeting with the economic buyer" }: { subject: { contactId: number } | { companyId: number }; defaultGoal?: string }) {
  const router = useRouter();
  const id = useId();
  const [goal, setGoal] = useState(defaultGoal);
  const plan = useMutation({
    mutationFn: async () => {
      const result = await createPlanAction({ goal, ...subject });
      if (!result.ok) throw new Error(result.error);
      return result;
    },
    onSuccess: ({ planId }) => router.push(`/plans/${planId}`),
  });
  return (
    <form
      className="mt-3 flex flex-wrap items-end gap-2 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        plan.mutate();
      }}
    >
      <label htmlFor={id} className="w-full text-xs font-medium text-slate-600">Goal</label>
      <input
        id={id}
        name="goal"
        value={goal}
        onChange={(e) => setGoal(e.target.value)}
        maxLength={300}
        className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1.5"
      />
      <button type="submit" disabled={plan.isPending} className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {plan.isPending ? "Planning…" : "Plan next steps"}
      </button>
      {plan.error ? <p role="alert" className="w-full text-xs text-rose-700">{plan.error.message}</p> : null}
    </form>
  );
}
