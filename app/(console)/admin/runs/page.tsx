import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { userMessage } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { listRunsFor, parseRunListQuery, RUN_LIST_GRAPHS, RunListQuery } from "@/lib/services/runs";

export const metadata: Metadata = { title: "Runs" };

const STATUSES = ["running", "success", "interrupted", "error", "timeout", "cancelled"] as const;

export default async function RunsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("admin");
  let problem: string | null = null;
  let query = RunListQuery.parse({});
  try {
    query = parseRunListQuery(await searchParams);
  } catch (e) {
    problem = userMessage(e);
  }
  const rows = await listRunsFor(user, query);
  const select = "rounded-md border border-slate-300 bg-white px-2 py-2 text-sm";
  // A graph named in the URL that has left the fleet still shows as chosen, so the list matches the filter.
  const graphs = query.graph && !RUN_LIST_GRAPHS.includes(query.graph) ? [...RUN_LIST_GRAPHS, query.graph] : RUN_LIST_GRAPHS;
  return (
    <>
      <PageHeader title="Graph runs" description="Every run of every graph, newest first (200 at most)." />
      {problem ? <p role="alert" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{problem} Showing all runs.</p> : null}
      <form className="mb-4 flex flex-wrap items-center gap-2" action="/admin/runs">
        <select name="graph" defaultValue={query.graph ?? ""} aria-label="Graph" className={select}>
          <option value="">Any graph</option>
          {graphs.map((g) => <option key={g} value={g}>{g}</option>)}
        </select>
        <select name="status" defaultValue={query.status ?? ""} aria-label="Status" className={select}>
          <option value="">Any status</option>
          {STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
        <select name="days" defaultValue={query.days ? String(query.days) : ""} aria-label="Date" className={select}>
          <option value="">Any date</option>
          <option value="1">Last 24 hours</option>
          <option value="7">Last 7 days</option>
          <option value="30">Last 30 days</option>
        </select>
        <label className="flex items-center gap-1 text-sm"><input type="checkbox" name="slow" value="1" defaultChecked={query.slow === "1"} /> Slow (≥ 2 s)</label>
        <label className="flex items-center gap-1 text-sm"><input type="checkbox" name="errored" value="1" defaultChecked={query.errored === "1"} /> Errored</label>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">Filter</button>
      </form>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr><th className="px-4 py-3">Run</th><th className="px-4 py-3">Graph</th><th className="px-4 py-3">Status</th><th className="px-4 py-3">Started</th><th className="px-4 py-3 text-right">Duration</th><th className="px-4 py-3">Error</th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100" data-testid="runs-rows">
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="px-4 py-2"><Link href={`/runs/${r.id}?from=runs`} className="font-mono text-xs text-brand-700 hover:underline">{r.id.slice(0, 8)}</Link></td>
                <td className="px-4 py-2 font-mono text-xs">{r.assistantId}</td>
                <td className="px-4 py-2"><Badge tone={r.status === "success" ? "good" : r.status === "error" || r.status === "timeout" ? "bad" : r.status === "interrupted" ? "info" : "neutral"}>{r.status === "interrupted" ? "paused for a person" : r.status}</Badge></td>
                <td className="px-4 py-2">{formatDateTime(r.startedAt)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{r.endedAt ? `${r.endedAt.getTime() - r.startedAt.getTime()} ms` : "—"}</td>
                <td className="max-w-xs truncate px-4 py-2 text-xs text-rose-700" title={r.error ?? ""}>{r.error ?? ""}</td>
              </tr>
            ))}
            {rows.length === 0 ? <tr><td colSpan={6} className="px-4 py-10 text-center text-slate-500">No runs match.</td></tr> : null}
          </tbody>
        </table>
      </div>
    </>
  );
}
