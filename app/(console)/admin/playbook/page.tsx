import type { Metadata } from "next";
import Link from "next/link";
import { PlaybookEditor } from "@/components/playbook/playbook-editor";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { VERTICALS } from "@/db/schema/crm";
import { requirePageUser } from "@/lib/auth/session";
import { formatDateTime, humanize } from "@/lib/format";
import { OBJECTION_LABELS } from "@/lib/objections/kinds";
import { playbookEditor, VerticalParam } from "@/lib/services/playbooks";

export const metadata: Metadata = { title: "Objection playbook" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function PlaybookPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePageUser("admin");
  const params = await searchParams;
  const parsed = VerticalParam.safeParse(one(params.vertical) ?? "saas");
  const vertical = parsed.success ? parsed.data : "saas";
  const asked = Number(one(params.version));
  const { current, versions, viewing } = await playbookEditor(user, vertical, Number.isInteger(asked) && asked >= 0 ? asked : undefined);
  return (
    <>
      <PageHeader title="Objection playbook" description="The approved answer and proof points for each of nine objections, per vertical. The objection coach drafts only from these and the company's facts; each save is a new version, and the old ones are kept." />
      {parsed.success ? null : <p role="alert" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{parsed.error.issues[0]!.message} Showing SaaS.</p>}
      <nav aria-label="Vertical" className="mb-4 flex flex-wrap gap-2 text-sm">
        {VERTICALS.map((v) => (
          <Link key={v} href={`/admin/playbook?vertical=${v}`} aria-current={v === vertical ? "page" : undefined} className={`rounded-md px-3 py-1.5 ${v === vertical ? "bg-brand-600 text-white" : "bg-white ring-1 ring-slate-200 hover:bg-slate-50"}`}>
            {humanize(v)}
          </Link>
        ))}
      </nav>
      <div className="grid gap-6 lg:grid-cols-3">
        {/* Card titles are set in capitals, which would turn "SaaS" into "SAAS": the vertical and version go in a line of their own. */}
        <Card title={viewing ? "Earlier version (read only)" : "Version in force"} className="lg:col-span-2">
          <p className="mb-3 text-base font-medium text-slate-900">
            {humanize(vertical)}: Version {(viewing ?? current).version}{(viewing ?? current).version === 0 ? " (shipped)" : ""}
          </p>
          {viewing ? (
            <div className="space-y-4 text-sm">
              <Link href={`/admin/playbook?vertical=${vertical}`} className="text-brand-700 underline">Back to the version in force ({current.version})</Link>
              {viewing.entries.map((e) => (
                <section key={e.objection}>
                  <h3 className="font-semibold">{OBJECTION_LABELS[e.objection]}</h3>
                  <p className="mt-1">{e.response}</p>
                  <ul className="mt-1 list-disc pl-5 text-slate-600">{e.proofPoints.map((p) => <li key={p}>{p}</li>)}</ul>
                </section>
              ))}
            </div>
          ) : (
            <PlaybookEditor key={`${vertical}:${current.version}`} vertical={vertical} version={current.version} entries={current.entries} />
          )}
        </Card>
        <Card title="Versions">
          <ol className="space-y-3 text-sm" aria-label="Versions">
            {versions.map((v) => (
              <li key={v.version}>
                <Link href={`/admin/playbook?vertical=${vertical}&version=${v.version}`} className="font-medium text-brand-700 hover:underline">Version {v.version}</Link>
                {v.version === current.version ? <span className="ml-2 text-xs text-emerald-700">in force</span> : null}
                <p className="text-xs text-slate-500">{v.createdAt ? `${formatDateTime(v.createdAt)} by ${v.editorName ?? "a deleted user"}` : "Shipped with the console"}</p>
                {v.changed.length ? <p className="text-xs text-slate-600">Changed: {v.changed.map((k) => OBJECTION_LABELS[k]).join(", ")}</p> : null}
                {v.note && v.version > 0 ? <p className="text-xs italic text-slate-600">{v.note}</p> : null}
              </li>
            ))}
          </ol>
          <p className="mt-3 text-xs text-slate-500">Every save is audited: <Link href="/admin/audit?action=playbook.edited" className="text-brand-700 underline">see the log</Link>.</p>
        </Card>
      </div>
    </>
  );
}
