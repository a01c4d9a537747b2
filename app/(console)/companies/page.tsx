import type { Metadata } from "next";
import Link from "next/link";
import { CrmTabs } from "@/components/contacts/crm-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePageUser } from "@/lib/auth/session";
import { userMessage } from "@/lib/errors";
import { formatDate, humanize } from "@/lib/format";
import { CompanyListQuery, parseCompanyListQuery, searchCompanies } from "@/lib/services/companies";
import { VERTICALS } from "@/lib/services/contacts";

export const metadata: Metadata = { title: "Companies" };

export default async function CompaniesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("rep");
  let query: CompanyListQuery;
  let problem: string | null = null;
  try {
    query = parseCompanyListQuery(await searchParams);
  } catch (e) {
    problem = userMessage(e);
    query = CompanyListQuery.parse({});
  }
  const data = await searchCompanies(user, query);
  const hrefFor = (page: number) => {
    const qs = new URLSearchParams();
    if (query.q) qs.set("q", query.q);
    if (query.vertical) qs.set("vertical", query.vertical);
    if (page > 1) qs.set("page", String(page));
    return `/companies?${qs}`;
  };
  return (
    <>
      <PageHeader title="CRM" description="Every company and contact the fleet can work with." />
      <CrmTabs active="companies" />
      {problem ? <p role="alert" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{problem} Showing all companies instead.</p> : null}
      <form role="search" className="mb-4 flex flex-wrap gap-2" action="/companies">
        <input type="search" name="q" defaultValue={query.q ?? ""} aria-label="Search companies" placeholder="Search by name or domain" className="w-80 rounded-md border border-slate-300 px-3 py-2 text-sm" />
        <select name="vertical" aria-label="Vertical" defaultValue={query.vertical ?? ""} className="rounded-md border border-slate-300 bg-white px-2 py-2 text-sm">
          <option value="">All verticals</option>
          {VERTICALS.map((v) => <option key={v} value={v}>{humanize(v)}</option>)}
        </select>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">Search</button>
      </form>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-3">Company</th>
              <th className="px-4 py-3">Vertical</th>
              <th className="px-4 py-3">Size</th>
              <th className="px-4 py-3">HQ</th>
              <th className="px-4 py-3 text-right">Contacts</th>
              <th className="px-4 py-3">Enriched</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data.rows.map((c) => (
              <tr key={c.id} className="hover:bg-slate-50">
                <td className="px-4 py-2.5">
                  <Link href={`/companies/${c.id}`} className="font-medium text-brand-700 hover:underline">{c.name}</Link>
                  <div className="text-xs text-slate-500">{c.domain}</div>
                </td>
                <td className="px-4 py-2.5">{humanize(c.vertical)}</td>
                <td className="px-4 py-2.5">{c.size}</td>
                <td className="px-4 py-2.5">{[c.hqCity, c.country].filter(Boolean).join(", ")}</td>
                <td className="px-4 py-2.5 text-right tabular-nums">
                  <Link href={`/contacts?company=${c.id}`} className="hover:underline">{c.contactCount}</Link>
                </td>
                <td className="px-4 py-2.5">{formatDate(c.enrichedAt)}</td>
              </tr>
            ))}
            {data.rows.length === 0 ? <tr><td colSpan={6} className="px-4 py-10 text-center text-slate-500">No companies match.</td></tr> : null}
          </tbody>
        </table>
      </div>
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} links={{ previous: hrefFor(data.page - 1), next: hrefFor(data.page + 1) }} />
    </>
  );
}
