import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClassifyCountryButton } from "@/components/companies/classify-country-button";
import { DraftProposalButton } from "@/components/proposals/draft-proposal-button";
import { ContactStatus } from "@/components/contacts/contact-status";
import { FactList } from "@/components/contacts/fact-list";
import { PlanButton } from "@/components/plans/plan-button";
import { Card, Fields } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { formatDate, formatNumber, formatPercent, humanize } from "@/lib/format";
import { companyDetail } from "@/lib/services/companies";
import { ContactListQuery, searchContacts } from "@/lib/services/contacts";
import { companyCountryDecision } from "@/lib/services/geo";

export const metadata: Metadata = { title: "Company" };

export default async function CompanyPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("rep");
  const { id } = await params;
  const detail = await companyDetail(user, id).catch((e: unknown) => {
    if (isAppError(e) && e.type === "not_found") notFound();
    throw e;
  });
  const { company, facts } = detail;
  const [people, countryDecision] = await Promise.all([searchContacts(user, ContactListQuery.parse({ company: company.id, pageSize: 100 })), companyCountryDecision(user, company.id)]);
  return (
    <div className="space-y-6">
      <div>
        <Link href="/companies" className="text-sm text-slate-500 hover:text-slate-800">← Companies</Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{company.name}</h1>
        <p className="mt-1 text-slate-600">{company.domain} · {humanize(company.vertical)}</p>
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Company">
          <Fields
            rows={[
              ["Vertical", humanize(company.vertical)],
              ["Size", `${company.size} employees`],
              ["Employees", company.employeeCount ? formatNumber(company.employeeCount) : "—"],
              ["HQ", [company.hqCity, company.country].filter(Boolean).join(", ") || "—"],
              ["Enriched", formatDate(company.enrichedAt)],
              ["Source", company.enrichmentSource ?? "—"],
              ...(countryDecision
                ? [["Country check", `${countryDecision.country ?? "none"} · ${formatPercent(countryDecision.confidence)} · ${humanize(countryDecision.source)} · ${formatDate(countryDecision.at)}`] as [string, string]]
                : []),
            ]}
          />
          {hasRole(user.role, "operator") ? <ClassifyCountryButton companyId={company.id} /> : null}
          {hasRole(user.role, "operator") ? <div className="mt-3"><DraftProposalButton target={{ companyId: company.id }} /></div> : null}
        </Card>
        {hasRole(user.role, "operator") ? (
          <Card title="Plan next steps for the account">
            <PlanButton subject={{ companyId: company.id }} />
          </Card>
        ) : null}
        <Card title={`Facts (${facts.length})`} className="lg:col-span-2">
          <FactList facts={facts} />
        </Card>
      </div>
      <Card title={`Contacts (${people.total})`}>
        <ul className="divide-y divide-slate-100">
          {people.rows.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span>
                <Link href={`/contacts/${c.id}`} className="font-medium text-brand-700 hover:underline">{c.firstName} {c.lastName}</Link>
                <span className="text-slate-500"> · {c.title}</span>
              </span>
              <ContactStatus flags={c} />
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
