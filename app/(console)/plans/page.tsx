import type { Metadata } from "next";
import Link from "next/link";
import { PlanStatusBadge } from "@/components/plans/plan-badges";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { plansFor } from "@/lib/services/plans";

export const metadata: Metadata = { title: "Plans" };

export default async function PlansPage() {
  const user = await requirePageUser("rep");
  const plans = await plansFor(user);
  const scope = hasRole(user.role, "operator") ? "every plan" : "plans on your contacts";
  return (
    <>
      <PageHeader
        title="Plans"
        description={`The CRM orchestrator's plans toward a goal (${scope}, newest first): what ran by itself and was verified, and what waits for a person.`}
      />
      {plans.length === 0 ? (
        <EmptyState title="No plans yet">Open a contact{hasRole(user.role, "operator") ? " or a company" : ""} and choose “Plan next steps” with a goal.</EmptyState>
      ) : (
        // Focusable, so a keyboard can scroll it when long goals make it wider than the page.
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" tabIndex={0} role="region" aria-label="Plans">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-3">Goal</th><th className="px-4 py-3">For</th><th className="px-4 py-3">Status</th>
                <th className="px-4 py-3 text-right">Ran</th><th className="px-4 py-3 text-right">Waiting</th><th className="px-4 py-3 text-right">Needs a person</th>
                <th className="px-4 py-3 text-right">Dropped</th><th className="px-4 py-3">When</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100" data-testid="plan-rows">
              {plans.map((p) => (
                <tr key={p.id}>
                  <td className="max-w-xs px-4 py-2"><Link href={`/plans/${p.id}`} className="font-medium text-brand-700 hover:underline">{p.goal}</Link></td>
                  <td className="px-4 py-2">{p.contactId ? `${p.contactFirst} ${p.contactLast} · ${p.companyName}` : `${p.companyName} (account)`}</td>
                  <td className="px-4 py-2"><PlanStatusBadge status={p.status} /></td>
                  <td className="px-4 py-2 text-right tabular-nums">{p.ran}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{p.waiting}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{p.needsPerson}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{p.dropped}</td>
                  <td className="whitespace-nowrap px-4 py-2">{formatDateTime(p.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
