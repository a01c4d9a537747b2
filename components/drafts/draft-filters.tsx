"use client";
import { useEffect, useState } from "react";
import { STATUS_OPTIONS } from "./status-words";
import type { DraftParams } from "./draft-params";

const select = "rounded-md border border-slate-300 bg-white px-2 py-2 text-sm";

const AGES: [string, string][] = [
  ["", "Any age"],
  ["1", "Last 24 hours"],
  ["7", "Last 7 days"],
  ["30", "Last 30 days"],
  ["90", "Last 90 days"],
];

export type Owner = { id: string; name: string };
export type CampaignOption = { id: number; name: string };

/**
 * Status, tier, age, campaign and (for admins) owner; every change is a new server-side query
 * from the first page.
 */
export function DraftFilters({ params, onChange, busy, owners, campaigns = [] }: { params: DraftParams; onChange: (key: string, value: string) => void; busy: boolean; owners: Owner[]; campaigns?: CampaignOption[] }) {
  const [campaign, setCampaign] = useState(params.campaign ?? "");

  // A typed campaign id settles for 300 ms before it becomes a query (a picked name goes the same way).
  useEffect(() => {
    const timer = setTimeout(() => {
      if (campaign !== (params.campaign ?? "")) onChange("campaign", campaign.trim());
    }, 300);
    return () => clearTimeout(timer);
  }, [campaign, params.campaign, onChange]);

  return (
    <form role="search" aria-label="Filter drafts" className="mb-4 flex flex-wrap items-center gap-2" onSubmit={(e) => e.preventDefault()}>
      <select aria-label="Status" className={select} value={params.status ?? "draft"} onChange={(e) => onChange("status", e.target.value)}>
        {STATUS_OPTIONS.map(([value, label]) => (
          <option key={value} value={value}>{label}</option>
        ))}
      </select>
      <select aria-label="Tier" className={select} value={params.tier ?? ""} onChange={(e) => onChange("tier", e.target.value)}>
        <option value="">All tiers</option>
        {["A", "B", "C", "D"].map((t) => (
          <option key={t} value={t}>Tier {t}</option>
        ))}
      </select>
      <select aria-label="Age" className={select} value={params.age ?? ""} onChange={(e) => onChange("age", e.target.value)}>
        {AGES.map(([value, label]) => (
          <option key={value} value={value}>{label}</option>
        ))}
      </select>
      {owners.length ? (
        <select aria-label="Owner" className={select} value={params.owner ?? ""} onChange={(e) => onChange("owner", e.target.value)}>
          <option value="">Every owner</option>
          {owners.map((o) => (
            <option key={o.id} value={o.id}>{o.name}</option>
          ))}
        </select>
      ) : null}
      {campaigns.length ? (
        // Bounded: a select is as wide as its longest option, and an 80-character name pushed it onto a row of its own.
        <select
          aria-label="Campaign" className={`${select} max-w-[14rem] truncate`} value={campaign} onChange={(e) => setCampaign(e.target.value)}
          title={campaigns.find((c) => String(c.id) === campaign)?.name}
        >
          <option value="">Every campaign</option>
          {campaigns.map((c) => (
            <option key={c.id} value={String(c.id)} title={c.name}>{c.name}</option>
          ))}
        </select>
      ) : (
        <input
          type="number"
          min={1}
          inputMode="numeric"
          aria-label="Campaign id"
          placeholder="Campaign id"
          value={campaign}
          onChange={(e) => setCampaign(e.target.value)}
          className="w-32 rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
      )}
      {busy ? <span className="text-sm text-slate-500" aria-live="polite">Loading…</span> : null}
    </form>
  );
}
