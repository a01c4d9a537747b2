import type { Metadata } from "next";
import Link from "next/link";
import { ImportWizard } from "@/components/leads/import-wizard";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { userMessage } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { importLimitText, leadImportStatus, recentLeadImports, type LeadImportView } from "@/lib/services/lead-imports";

export const metadata: Metadata = { title: "Import contacts" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Every role may import (a rep's new contacts are theirs; see lib/services/lead-imports.ts). */
export default async function ImportContactsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("rep");
  const { id } = await searchParams;
  let resume: LeadImportView | null = null;
  let problem: string | null = null;
  if (typeof id === "string") {
    try {
      resume = await leadImportStatus(user, id);
    } catch (e) {
      problem = userMessage(e);
    }
  }
  const recent = await recentLeadImports(user);
  return (
    <>
      <PageHeader
        title="Import contacts"
        description="Upload a CSV of contacts and their companies: match its columns, check the first rows, then import. Known emails and domains are merged, never overwritten."
        actions={
          <Link href="/contacts" className="text-sm font-medium text-brand-700 underline">
            Back to contacts
          </Link>
        }
      />
      {problem ? (
        <p role="alert" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
          {problem}
        </p>
      ) : null}
      <ImportWizard key={resume?.id ?? "new"} resume={resume} maxBytesText={importLimitText()} />
      {recent.length ? (
        <section aria-labelledby="recent-title" className="mt-8">
          <h2 id="recent-title" className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">
            Recent imports
          </h2>
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
            {recent.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-3 px-4 py-2">
                <Link href={`/contacts/import?id=${r.id}`} className="font-medium text-brand-700 underline">
                  {r.filename}
                </Link>
                <Badge tone={r.status === "done" ? "good" : r.status === "failed" ? "bad" : "neutral"}>{r.status}</Badge>
                <span className="text-slate-600">
                  {r.contactsCreated.toLocaleString("en")} created · {r.refused.toLocaleString("en")} refused · {formatDate(r.createdAt)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
