import type { Metadata } from "next";
import { RetryJobButton } from "@/components/jobs/retry-job-button";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { userMessage } from "@/lib/errors";
import { formatDateTime, formatNumber } from "@/lib/format";
import { describeJobKinds } from "@/lib/jobs/kind-labels";
import { JobListQuery, listJobsFor, OPEN_JOB_STATUSES, parseJobListQuery } from "@/lib/services/jobs";

export const metadata: Metadata = { title: "Jobs" };

const TONE: Record<(typeof OPEN_JOB_STATUSES)[number], BadgeTone> = { queued: "neutral", running: "info", failed: "warn", dead: "bad" };

export default async function JobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("admin");
  let problem: string | null = null;
  let query = JobListQuery.parse({});
  try {
    query = parseJobListQuery(await searchParams);
  } catch (e) {
    problem = userMessage(e);
  }
  const { rows, counts, kinds } = await listJobsFor(user, query);
  const total = (status: string) => counts.filter((c) => c.status === status).reduce((sum, c) => sum + c.n, 0);
  const select = "rounded-md border border-slate-300 bg-white px-2 py-2 text-sm";
  return (
    <>
      <PageHeader title="Background jobs" description={`${describeJobKinds()}: waiting, running, failed (retrying after a backoff) or dead (out of attempts, waiting for a person).`} />
      {problem ? <p role="alert" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{problem} Showing all jobs.</p> : null}
      <dl className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="job-counts">
        {OPEN_JOB_STATUSES.map((status) => (
          <div key={status} className="rounded-lg border border-slate-200 bg-white px-4 py-3">
            <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{status}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{formatNumber(total(status))}</dd>
          </div>
        ))}
      </dl>
      <form className="mb-4 flex flex-wrap items-center gap-2" action="/admin/jobs">
        <select name="status" defaultValue={query.status ?? ""} aria-label="Status" className={select}>
          <option value="">Any open status</option>
          {OPEN_JOB_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
        <select name="kind" defaultValue={query.kind ?? ""} aria-label="Kind" className={select}>
          <option value="">Any kind</option>
          {kinds.map((k) => <option key={k} value={k}>{k}</option>)}
        </select>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">Filter</button>
      </form>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-3">Job</th><th className="px-4 py-3">Kind</th><th className="px-4 py-3">Status</th><th className="px-4 py-3 text-right">Attempts</th>
              <th className="px-4 py-3">Next run</th><th className="px-4 py-3">Last error</th><th className="px-4 py-3"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100" data-testid="job-rows">
            {rows.map((job) => (
              <tr key={job.id} data-job-id={job.id}>
                <td className="px-4 py-2 font-mono text-xs">#{job.id}<div className="text-slate-500">{job.dedupeKey ?? ""}</div></td>
                <td className="px-4 py-2 font-mono text-xs">{job.kind}</td>
                <td className="px-4 py-2"><Badge tone={TONE[job.status as keyof typeof TONE] ?? "neutral"}>{job.status}</Badge></td>
                <td className="px-4 py-2 text-right tabular-nums">{job.attempts} / {job.maxAttempts}</td>
                <td className="px-4 py-2 text-xs">{job.status === "running" ? `lease until ${formatDateTime(job.leaseUntil)}` : job.status === "dead" ? "—" : formatDateTime(job.runAt)}</td>
                <td className="max-w-md px-4 py-2 text-xs text-rose-700" title={job.lastError ?? ""}><span className="line-clamp-2">{job.lastError ?? ""}</span></td>
                <td className="px-4 py-2 text-right">{job.status === "dead" || job.status === "failed" ? <RetryJobButton jobId={job.id} /> : null}</td>
              </tr>
            ))}
            {rows.length === 0 ? <tr><td colSpan={7} className="px-4 py-10 text-center text-slate-500">No jobs waiting, running, failed or dead.</td></tr> : null}
          </tbody>
        </table>
      </div>
    </>
  );
}
