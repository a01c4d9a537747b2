import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePageUser } from "@/lib/auth/session";
import { userMessage } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { AuditLogQuery, auditLogFor, parseAuditLogQuery } from "@/lib/services/audit";

export const metadata: Metadata = { title: "Audit log" };

function pageHref(query: AuditLogQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.action) params.set("action", query.action);
  if (page > 1) params.set("page", String(page));
  if (query.pageSize !== AuditLogQuery.shape.pageSize.parse(undefined)) params.set("pageSize", String(query.pageSize));
  const qs = params.toString();
  return qs ? `/admin/audit?${qs}` : "/admin/audit";
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("admin");
  let problem: string | null = null;
  let query = AuditLogQuery.parse({});
  try {
    query = parseAuditLogQuery(await searchParams);
  } catch (e) {
    problem = userMessage(e);
  }
  const log = await auditLogFor(user, query);
  const select = "rounded-md border border-slate-300 bg-white px-2 py-2 text-sm";
  return (
    <>
      <PageHeader title="Audit log" description="Every audited change, newest first, with who made it and what it replaced: the kill switch, daily budgets, plan autonomy, playbook edits and company countries set by a classification." />
      {problem ? <p role="alert" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{problem} Showing every entry.</p> : null}
      <form className="mb-4 flex flex-wrap items-center gap-2" action="/admin/audit">
        <select name="action" defaultValue={query.action ?? ""} aria-label="Action" className={select}>
          <option value="">Every action</option>
          {log.actions.map((a) => <option key={a} value={a}>{a}</option>)}
        </select>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">Filter</button>
      </form>
      {/* Focusable, so a keyboard can scroll it when an entry's detail makes it wider than the page. */}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" tabIndex={0} role="region" aria-label="Audit log entries">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-3">When</th><th className="px-4 py-3">Who</th><th className="px-4 py-3">What</th>
              <th className="px-4 py-3">Of</th><th className="px-4 py-3">Before</th><th className="px-4 py-3">After</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100" data-testid="audit-rows">
            {log.entries.map((e) => (
              <tr key={e.id}>
                <td className="whitespace-nowrap px-4 py-2">{formatDateTime(e.at)}</td>
                <td className="px-4 py-2">{e.actorName ?? "A deleted user"}{e.actorEmail ? <div className="text-xs text-slate-500">{e.actorEmail}</div> : null}</td>
                <td className="px-4 py-2">{e.label}{e.label !== e.action ? <div className="font-mono text-xs text-slate-500">{e.action}</div> : null}</td>
                <td className="px-4 py-2 font-mono text-xs">{e.target}</td>
                <td className="px-4 py-2 tabular-nums">{e.before}</td>
                <td className="max-w-xs px-4 py-2 tabular-nums [overflow-wrap:anywhere]">{e.after}</td>
              </tr>
            ))}
            {log.entries.length === 0 ? <tr><td colSpan={6} className="px-4 py-10 text-center text-slate-500">No changes recorded{query.action ? " for this action" : ""}.</td></tr> : null}
          </tbody>
        </table>
      </div>
      <Pagination page={log.page} pageSize={log.pageSize} total={log.total} links={{ previous: pageHref(query, log.page - 1), next: pageHref(query, log.page + 1) }} />
    </>
  );
}
