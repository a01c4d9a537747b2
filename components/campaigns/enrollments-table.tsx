import Link from "next/link";
import { Pagination } from "@/components/ui/pagination";
import { formatDateTime } from "@/lib/format";
import type { DeferReason } from "@/lib/governor/decide";
import { describeDeferral } from "@/lib/governor/sentence";
import type { CampaignDetail } from "@/lib/services/campaign-views";
import { EnrollmentControls } from "./campaign-controls";
import { ENROLLMENT_FILTERS, EnrollmentStatus } from "./status-badges";

type EnrollmentPage = CampaignDetail["enrollments"];
type Row = EnrollmentPage["rows"][number];

const KNOWN = new Set<string>(["paused", "approval_pending", "holiday", "outside_window", "mailbox_cap", "domain_cap", "min_gap", "contact_gap"] satisfies DeferReason["kind"][]);

/** Why the next touch waits and when it should go, in the reader's zone; a reason this page does not know reads as its kind. */
function why(row: Row, zone: string): string {
  if (row.status === "paused" && row.stopReason) return row.pausedUntil ? `${row.stopReason} Until ${formatDateTime(row.pausedUntil)}.` : row.stopReason;
  if (row.status !== "active" && row.status !== "paused") return row.stopReason ?? "—";
  if (!row.deferredReason) return "—";
  // A reason recorded by a newer governor than this page knows reads as its kind.
  if (row.predictedSendAt && KNOWN.has(row.deferredReason.kind)) return describeDeferral(row.deferredReason as DeferReason, row.predictedSendAt, zone);
  return DATELESS[row.deferredReason.kind] ?? row.deferredReason.kind.replaceAll("_", " ");
}

/** A reason recorded without a predicted time, in words. */
const DATELESS: Record<string, string> = { approval_pending: "Waiting for a rep to approve the touch.", paused: "Paused until someone resumes it." };

type Props = { campaignId: number; page: EnrollmentPage; status: string | undefined; canRun: boolean; zone: string };

/** A campaign's enrollments: state, touch, next wake, why deferred and last event, filterable by state and paged. */
export function EnrollmentsTable({ campaignId, page, status, canRun, zone }: Props) {
  const href = (p: number, s = status) => `/campaigns/${campaignId}?${new URLSearchParams({ ...(s ? { status: s } : {}), ...(p > 1 ? { page: String(p) } : {}) })}#enrollments`;
  const chip = (value: string | undefined, label: string) => (
    <Link key={label} href={href(1, value)} aria-current={status === value ? "page" : undefined} className={`rounded-full border px-2.5 py-0.5 text-xs ${status === value ? "border-brand-600 bg-brand-50 text-brand-700" : "border-slate-300 text-slate-600 hover:bg-slate-50"}`}>
      {label}
    </Link>
  );
  return (
    <div id="enrollments">
      <nav aria-label="Filter by state" className="mb-3 flex flex-wrap gap-1.5">
        {chip(undefined, "All")}
        {ENROLLMENT_FILTERS.map(([value, label]) => chip(value, label))}
      </nav>
      {page.rows.length === 0 ? (
        <p className="py-6 text-center text-sm text-slate-500">No enrollments{status ? " in this state" : ""}.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="enrollments-table">
            <thead className="border-b border-slate-200 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="py-2 pr-3">Contact</th>
                <th scope="col" className="py-2 pr-3">State</th>
                <th scope="col" className="py-2 pr-3 text-right" title="Touches sent so far">Sent</th>
                <th scope="col" className="py-2 pr-3">Next wake</th>
                <th scope="col" className="py-2 pr-3">Why it waits</th>
                <th scope="col" className="py-2 pr-3">Last event</th>
                {canRun ? <th scope="col" className="py-2"><span className="sr-only">Actions</span></th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.rows.map((r) => {
                const name = `${r.firstName} ${r.lastName}`;
                return (
                  <tr key={r.id} data-testid="enrollment-row" data-contact-id={r.contactId}>
                    <td className="py-2 pr-3">
                      <Link href={`/contacts/${r.contactId}`} className="font-medium text-brand-700 hover:underline">{name}</Link>
                      <p className="text-xs text-slate-500">{r.companyName}</p>
                    </td>
                    <td className="py-2 pr-3"><EnrollmentStatus status={r.status} /></td>
                    <td className="py-2 pr-3 text-right tabular-nums">{r.step}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">{r.status === "active" && r.nextWakeAt ? formatDateTime(r.nextWakeAt) : "—"}</td>
                    <td className="max-w-xs py-2 pr-3 text-slate-600">{why(r, zone)}</td>
                    <td className="py-2 pr-3">
                      {r.lastEvent ?? "—"}
                      {r.lastEventAt ? <p className="text-xs text-slate-500">{formatDateTime(r.lastEventAt)}</p> : null}
                    </td>
                    {canRun ? (
                      <td className="py-2 text-right"><EnrollmentControls campaignId={campaignId} enrollmentId={r.id} status={r.status} name={name} /></td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page.page} pageSize={page.pageSize} total={page.total} links={{ previous: href(page.page - 1), next: href(page.page + 1) }} />
    </div>
  );
}
