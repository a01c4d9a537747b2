"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { ContactStatus } from "@/components/contacts/contact-status";
import { OutreachBatchBar } from "@/components/contacts/outreach-batch-bar";
import { ScoreBar } from "@/components/contacts/score-bar";
import { formatScore, TierBadge } from "@/components/contacts/tier-badge";
import type { OutreachTarget } from "@/components/contacts/use-draft-outreach";
import { Pagination } from "@/components/ui/pagination";
import { formatDate, humanize } from "@/lib/format";
import { contactKeys } from "@/lib/query-keys";
import type { ContactListPage } from "@/lib/services/contacts";

type Options = { verticals: readonly string[]; seniorities: readonly string[]; statuses: readonly string[]; tiers: readonly string[] };
/** Who is looking: a rep may draft only for their own contacts, an admin for anyone's (the server checks it too). */
/** Who is looking: drafting for anyone's contact is an admin's; scoring the whole CRM an operator's or admin's. */
type Viewer = { id: string; draftsForAnyone: boolean; scoresEveryone: boolean };
type Row = ContactListPage["rows"][number];
type Params = Record<string, string>;

async function fetchContacts(params: Params): Promise<ContactListPage> {
  const response = await fetch(`/api/contacts?${new URLSearchParams(params)}`);
  const body = await response.json();
  if (!response.ok) throw new Error(body?.error?.message ?? "Contacts could not be loaded.");
  return body as ContactListPage;
}

function sameParams(a: Params, b: Params): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? "") === (b[k] ?? ""));
}

const select = "rounded-md border border-slate-300 bg-white px-2 py-2 text-sm";

export function ContactsBrowser({ initial, initialParams, options, viewer }: { initial: ContactListPage; initialParams: Params; options: Options; viewer: Viewer }) {
  const [params, setParams] = useState<Params>(initialParams);
  const [search, setSearch] = useState(initialParams.q ?? "");
  // Checked contacts by id, kept across pages and filters until drafted or cleared.
  const [selected, setSelected] = useState<ReadonlyMap<number, OutreachTarget>>(new Map());
  const toggle = (targets: OutreachTarget[], on: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      for (const target of targets) {
        if (on) next.set(target.id, target);
        else next.delete(target.id);
      }
      return next;
    });
  const mayDraftFor = (c: Row) => viewer.draftsForAnyone || c.ownerId === viewer.id;
  const targetOf = (c: Row): OutreachTarget => ({ id: c.id, name: `${c.firstName} ${c.lastName}`, suppression: c.suppression });

  // Typing settles for 250 ms before it becomes a query; every change starts again at page 1.
  useEffect(() => {
    const timer = setTimeout(() => {
      setParams((p) => (search === (p.q ?? "") ? p : withParam(p, "q", search)));
    }, 250);
    return () => clearTimeout(timer);
  }, [search]);

  useEffect(() => {
    const qs = new URLSearchParams(params).toString();
    window.history.replaceState(null, "", qs ? `?${qs}` : window.location.pathname);
  }, [params]);

  const query = useQuery({
    queryKey: contactKeys.list(params),
    queryFn: () => fetchContacts(params),
    initialData: sameParams(params, initialParams) ? initial : undefined,
    placeholderData: keepPreviousData,
  });
  const data = query.data ?? initial;

  const update = (key: string, value: string) => setParams((p) => withParam(p, key, value));
  // Only contacts the viewer may draft for can be chosen, one at a time or the whole page.
  const pageTargets = data.rows.filter(mayDraftFor).map(targetOf);
  const pageChecked = pageTargets.length > 0 && pageTargets.every((t) => selected.has(t.id));

  return (
    <div>
      <form role="search" className="mb-4 flex flex-wrap items-center gap-2" onSubmit={(e) => e.preventDefault()}>
        <input
          type="search"
          aria-label="Search contacts"
          placeholder="Search by name, email or company"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className="w-80 rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <select aria-label="Vertical" className={select} value={params.vertical ?? ""} onChange={(e) => update("vertical", e.target.value)}>
          <option value="">All verticals</option>
          {options.verticals.map((v) => (
            <option key={v} value={v}>{humanize(v)}</option>
          ))}
        </select>
        <select aria-label="Seniority" className={select} value={params.seniority ?? ""} onChange={(e) => update("seniority", e.target.value)}>
          <option value="">All seniorities</option>
          {options.seniorities.map((s) => (
            <option key={s} value={s}>{humanize(s)}</option>
          ))}
        </select>
        <select aria-label="Status" className={select} value={params.status ?? ""} onChange={(e) => update("status", e.target.value)}>
          <option value="">Any status</option>
          {options.statuses.map((s) => (
            <option key={s} value={s}>{humanize(s)}</option>
          ))}
        </select>
        <select aria-label="Tier" className={select} value={params.tier ?? ""} onChange={(e) => update("tier", e.target.value)}>
          <option value="">All tiers</option>
          {options.tiers.map((t) => (
            <option key={t} value={t}>Tier {t}</option>
          ))}
        </select>
        <select aria-label="Sort by" className={select} value={params.sort ?? "name"} onChange={(e) => update("sort", e.target.value === "name" ? "" : e.target.value)}>
          <option value="name">Sort by name</option>
          <option value="score">Sort by score</option>
        </select>
        <select aria-label="Owner" className={select} value={params.owner ?? "all"} onChange={(e) => update("owner", e.target.value === "all" ? "" : e.target.value)}>
          <option value="all">All owners</option>
          <option value="mine">My contacts</option>
        </select>
        {params.company ? (
          <button type="button" onClick={() => update("company", "")} className="rounded-full bg-brand-50 px-3 py-1 text-sm text-brand-700 hover:bg-brand-100">
            One company only ✕
          </button>
        ) : null}
        {query.isFetching ? <span className="text-sm text-slate-500" aria-live="polite">Loading…</span> : null}
      </form>

      {query.isError ? (
        <p role="alert" className="mb-4 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">{query.error.message}</p>
      ) : null}

      <ScoreBar selectedIds={[...selected.keys()]} names={new Map([...selected.values()].map((t) => [t.id, t.name]))} scoresEveryone={viewer.scoresEveryone} />
      <OutreachBatchBar selected={[...selected.values()]} onClear={() => setSelected(new Map())} />

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th className="w-10 py-3 pl-4">
                <input
                  type="checkbox"
                  className="size-4 accent-brand-600 disabled:opacity-40"
                  aria-label={viewer.draftsForAnyone ? "Select every contact on this page" : "Select every contact of yours on this page"}
                  disabled={pageTargets.length === 0}
                  checked={pageChecked}
                  onChange={(e) => toggle(pageTargets, e.target.checked)}
                />
              </th>
              <th className="px-3 py-3">Name</th>
              <th className="px-3 py-3">Title</th>
              <th className="px-3 py-3">Company</th>
              <th className="px-3 py-3">Vertical</th>
              <th className="px-3 py-3" aria-sort={params.sort === "score" ? "descending" : "none"}>
                <button type="button" className="uppercase hover:text-slate-800" onClick={() => update("sort", params.sort === "score" ? "" : "score")}>
                  Score{params.sort === "score" ? " ↓" : ""}
                </button>
              </th>
              <th className="px-3 py-3">Tier</th>
              <th className="px-3 py-3">Status</th>
              <th className="px-3 py-3">Owner</th>
              <th className="whitespace-nowrap px-3 py-3">Last contacted</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100" data-testid="contacts-rows">
            {data.rows.map((c) => (
              <tr key={c.id} className="hover:bg-slate-50">
                <td className="py-2.5 pl-4">
                  {mayDraftFor(c) ? (
                    <input
                      type="checkbox"
                      className="size-4 accent-brand-600"
                      aria-label={`Select ${c.firstName} ${c.lastName}`}
                      checked={selected.has(c.id)}
                      onChange={(e) => toggle([targetOf(c)], e.target.checked)}
                    />
                  ) : (
                    // Another rep's contact: only its owner (or an admin) may draft for it.
                    <input
                      type="checkbox"
                      className="size-4 cursor-not-allowed opacity-40"
                      aria-label={`Select ${c.firstName} ${c.lastName} (owned by ${c.ownerName ?? "nobody"}; only its owner can draft)`}
                      title={`Owned by ${c.ownerName ?? "nobody"}: only its owner can draft for this contact.`}
                      disabled
                      checked={false}
                      readOnly
                    />
                  )}
                </td>
                <td className="px-3 py-2.5">
                  <Link href={`/contacts/${c.id}`} className="font-medium text-brand-700 hover:underline">
                    {c.firstName} {c.lastName}
                  </Link>
                  <div className="text-xs text-slate-500">{c.email}</div>
                </td>
                <td className="px-3 py-2.5 text-slate-700">{c.title}</td>
                <td className="px-3 py-2.5">
                  <Link href={`/companies/${c.companyId}`} className="text-slate-800 hover:underline" data-testid="company-cell">
                    {c.companyName}
                  </Link>
                </td>
                <td className="px-3 py-2.5 text-slate-700">{humanize(c.vertical)}</td>
                <td className="px-3 py-2.5 tabular-nums text-slate-700" data-testid="score-cell">{formatScore(c.score)}</td>
                <td className="px-3 py-2.5"><TierBadge tier={c.tier} /></td>
                <td className="px-3 py-2.5"><ContactStatus flags={c} /></td>
                <td className="px-3 py-2.5 text-slate-700">{c.ownerName ?? "—"}</td>
                <td className="whitespace-nowrap px-3 py-2.5 text-slate-700">{formatDate(c.lastContactedAt)}</td>
              </tr>
            ))}
            {data.rows.length === 0 ? (
              <tr>
                <td colSpan={10} className="px-4 py-10 text-center text-slate-500">No contacts match these filters.</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} busy={query.isFetching} onChange={(page) => setParams((p) => ({ ...p, page: String(page) }))} />
    </div>
  );
}

function withParam(params: Params, key: string, value: string): Params {
  const next: Params = { ...params };
  if (value) next[key] = value;
  else delete next[key];
  delete next.page;
  return next;
}
