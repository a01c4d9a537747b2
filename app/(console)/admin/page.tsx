import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { listUsersFor } from "@/lib/services/users";
import { AUTONOMY_LEVELS } from "@/lib/crm-actions/gate";
import { AUTONOMY_MEANING, planAutonomy } from "@/lib/services/plan-autonomy";
import { AutonomyForm } from "@/components/plans/autonomy-form";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const user = await requirePageUser("admin");
  const [people, autonomy] = await Promise.all([listUsersFor(user), planAutonomy()]);
  return (
    <>
      <PageHeader title="Admin" description="Users and roles; model cost, budgets and the kill switch; graph runs, background jobs and the audit log." />
      <div className="space-y-6">
        <Card title={`Users (${people.length})`}>
          <table className="min-w-full text-sm">
            <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr><th className="py-2">Name</th><th className="py-2">Email</th><th className="py-2">Role</th><th className="py-2">Since</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {people.map((u) => (
                <tr key={u.id}>
                  <td className="py-2 font-medium">{u.name}</td>
                  <td className="py-2 font-mono text-xs">{u.email}</td>
                  <td className="py-2"><Badge tone={u.role === "admin" ? "info" : "neutral"}>{u.role}</Badge></td>
                  <td className="py-2">{formatDate(u.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card title="Plan autonomy">
          <p className="mb-3 text-sm text-slate-600">
            How much the CRM orchestrator&apos;s plans may do without a person. A step runs by itself only when its confidence clears its
            threshold and this level allows its kind; everything else waits on the plan&apos;s page for a person.
            {autonomy.configured ? null : " No level has been granted yet: plans use the default."}
          </p>
          <AutonomyForm current={autonomy.level} levels={AUTONOMY_LEVELS.map((level) => ({ level, meaning: AUTONOMY_MEANING[level] }))} />
        </Card>
        <Card title="Operations">
          <ul className="space-y-2 text-sm">
            <li>
              <Link href="/admin/runs" className="font-medium text-brand-700 hover:underline">Graph runs</Link>
              <span className="text-slate-500"> — every run with its status and duration; filter by graph, status, slow, errored and date.</span>
            </li>
            <li>
              <Link href="/admin/jobs" className="font-medium text-brand-700 hover:underline">Background jobs</Link>
              <span className="text-slate-500"> — mail delivery and memory reflection: waiting, running, failed and dead jobs, with retry.</span>
            </li>
            <li>
              <Link href="/admin/cost" className="font-medium text-brand-700 hover:underline">Model cost</Link>
              <span className="text-slate-500"> — spend per day, graph, feature, vertical and model; cache savings; cost per outcome; the most expensive runs; the kill switch and each graph&apos;s daily budget.</span>
            </li>
            <li>
              <Link href="/admin/playbook" className="font-medium text-brand-700 hover:underline">Objection playbook</Link>
              <span className="text-slate-500"> — the approved answers and proof points the objection coach drafts from, per vertical, with every version kept.</span>
            </li>
            <li>
              <Link href="/admin/audit" className="font-medium text-brand-700 hover:underline">Audit log</Link>
              <span className="text-slate-500"> — who turned the kill switch on or off, changed or reset a budget, edited the playbook or changed plan autonomy, when, and what it was before.</span>
            </li>
          </ul>
        </Card>
      </div>
    </>
  );
}
