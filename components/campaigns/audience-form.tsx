"use client";
import { COOLDOWN_DAYS } from "@/lib/campaigns/limits";
import { humanize } from "@/lib/format";
import { input, label } from "./form-styles";

export type AudienceFilters = { q: string; vertical: string; seniority: string; ownerId: string; country: string; tier: string };
export type CampaignOptions = { stopOnCompanyReply: boolean; allowOverlap: boolean; cooldownDays: number };

type Props = {
  filters: AudienceFilters;
  onFilters: (f: AudienceFilters) => void;
  /** Contacts picked on the contacts list, when the flow was opened from a selection. */
  selection: number[] | null;
  onClearSelection: () => void;
  options: CampaignOptions;
  onOptions: (o: CampaignOptions) => void;
  choices: {
    verticals: readonly string[];
    seniorities: readonly string[];
    tones?: readonly string[];
    owners: { id: string; name: string; contacts: number }[];
    /** Countries of contacts' companies (ISO code, English name, contacts there). */
    countries: { country: string; name: string; contacts: number }[];
    tiers: readonly string[];
  };
  errors: Record<string, string>;
};

/** Who the campaign is for: the contact list's filters, or the selection it was opened with; and the enrollment guards' settings. */
export function AudienceForm({ filters, onFilters, selection, onClearSelection, options, onOptions, choices, errors }: Props) {
  const set = (k: keyof AudienceFilters) => (e: { target: { value: string } }) => onFilters({ ...filters, [k]: e.target.value });
  return (
    <div className="space-y-4">
      {selection ? (
        <p className="flex flex-wrap items-center gap-3 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-700">
          {selection.length} contact{selection.length === 1 ? "" : "s"} picked on the contacts list.
          <button type="button" className="font-medium underline underline-offset-2" onClick={onClearSelection}>Use filters instead</button>
        </p>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <div>
            <label className={label} htmlFor="aud-vertical">Vertical</label>
            <select id="aud-vertical" className={input} value={filters.vertical} onChange={set("vertical")}>
              <option value="">Any vertical</option>
              {choices.verticals.map((v) => <option key={v} value={v}>{humanize(v)}</option>)}
            </select>
          </div>
          <div>
            <label className={label} htmlFor="aud-seniority">Seniority</label>
            <select id="aud-seniority" className={input} value={filters.seniority} onChange={set("seniority")}>
              <option value="">Any seniority</option>
              {choices.seniorities.map((s) => <option key={s} value={s}>{humanize(s)}</option>)}
            </select>
          </div>
          <div>
            <label className={label} htmlFor="aud-country">Country of the company</label>
            <select id="aud-country" className={input} value={filters.country} onChange={set("country")}>
              <option value="">Any country</option>
              {choices.countries.map((c) => <option key={c.country} value={c.country}>{c.name} ({c.contacts})</option>)}
            </select>
          </div>
          <div>
            <label className={label} htmlFor="aud-tier">Lead tier</label>
            <select id="aud-tier" className={input} value={filters.tier} onChange={set("tier")} aria-describedby="aud-tier-note">
              <option value="">Any tier</option>
              {choices.tiers.map((t) => <option key={t} value={t}>Tier {t}</option>)}
            </select>
            <p id="aud-tier-note" className="mt-1 text-xs text-slate-500">A tier leaves out contacts not yet scored.</p>
          </div>
          <div>
            <label className={label} htmlFor="aud-owner">Owner</label>
            <select id="aud-owner" className={input} value={filters.ownerId} onChange={set("ownerId")}>
              <option value="">Any owner</option>
              {choices.owners.map((o) => <option key={o.id} value={o.id}>{o.name} ({o.contacts})</option>)}
            </select>
          </div>
          <div>
            <label className={label} htmlFor="aud-q">Name, email or company</label>
            <input id="aud-q" className={input} value={filters.q} onChange={set("q")} maxLength={200} placeholder="e.g. Pinelogic" />
          </div>
        </div>
      )}
      {errors.audience ? <p role="alert" className="text-sm text-rose-700">{errors.audience}</p> : null}
      <fieldset className="flex flex-wrap items-center gap-x-6 gap-y-2 text-sm text-slate-700">
        <legend className="sr-only">Enrollment rules</legend>
        <label className="inline-flex items-center gap-2">
          <input type="checkbox" checked={options.stopOnCompanyReply} onChange={(e) => onOptions({ ...options, stopOnCompanyReply: e.target.checked })} />
          A reply from anyone at a company stops its other contacts
        </label>
        <label className="inline-flex items-center gap-2">
          <input type="checkbox" checked={options.allowOverlap} onChange={(e) => onOptions({ ...options, allowOverlap: e.target.checked })} />
          Allow contacts already active in another campaign
        </label>
        <label className="inline-flex items-center gap-2">
          Cooldown after another campaign
          <input
            id="cooldown-days" type="number" min={COOLDOWN_DAYS.min} max={COOLDOWN_DAYS.max} className="w-20 rounded-md border border-slate-300 px-2 py-1 text-sm"
            value={options.cooldownDays} onChange={(e) => onOptions({ ...options, cooldownDays: Number(e.target.value) })}
            aria-invalid={Boolean(errors.cooldownDays)} aria-describedby={errors.cooldownDays ? "cooldown-unit cooldown-error" : "cooldown-unit"}
          />
          <span id="cooldown-unit">days</span>
        </label>
      </fieldset>
      {errors.cooldownDays ? <p id="cooldown-error" role="alert" className="text-sm text-rose-700">{errors.cooldownDays}</p> : null}
    </div>
  );
}
