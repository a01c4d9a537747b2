"use client";
import { useState, useTransition, type ReactNode } from "react";
import { convenePanelAction, createAndLaunchAction, forecastAction, previewAudienceAction } from "@/app/(console)/campaigns/actions";
import { CAMPAIGN_NAME_MAX, campaignNameProblem, cooldownProblem } from "@/lib/campaigns/limits";
import { DEFAULT_CADENCE_DAYS, DEFAULT_MAX_TOUCHES } from "@/lib/governor/cadence";
import { formatNumber } from "@/lib/format";
import type { PanelResult } from "@/lib/services/campaign-panel";
import type { AudiencePreview } from "@/lib/services/campaigns";
import type { LaunchForecast } from "@/lib/services/forecast";
import { AudienceForm, type AudienceFilters, type CampaignOptions } from "./audience-form";
import { ForecastView, PanelView } from "./create-flow-results";
import { controlIdOf, formField } from "./form-fields";
import { fieldError, input, label, primary, secondary } from "./form-styles";
import { LaunchProgress } from "./launch-progress";
import { draftFromAgreed, editedFields, planProblems, type PlanDraft } from "./plan-draft";
import { PlanEditor } from "./plan-editor";

type Choices = {
  verticals: readonly string[];
  seniorities: readonly string[];
  tones: readonly string[];
  owners: { id: string; name: string; contacts: number }[];
  countries: { country: string; name: string; contacts: number }[];
  tiers: readonly string[];
};
type Failure = { ok: false; error: string; field?: string };

const DEFAULT_PLAN: PlanDraft = { angle: "", tone: "consultative", maxTouches: DEFAULT_MAX_TOUCHES, cadenceDays: [...DEFAULT_CADENCE_DAYS], touchAngles: Array(DEFAULT_MAX_TOUCHES).fill(""), stopCriteria: "" };
const UNREACHABLE: Failure = { ok: false, error: "The console could not be reached. Check your connection and try again." };

/** Moves the operator to the control at fault: the message beside it is where the fix is made. */
function focusControl(field: string) {
  const id = controlIdOf(field);
  const el = id ? document.getElementById(id) : null;
  if (!el) return;
  el.scrollIntoView({ block: "center", behavior: "smooth" });
  el.focus({ preventScroll: true });
}

function Step({ n, title, done, children }: { n: number; title: string; done: boolean; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5" aria-labelledby={`step-${n}`}>
      <h2 id={`step-${n}`} className="mb-4 flex items-center gap-3 text-base font-semibold text-slate-900">
        <span className={`flex h-6 w-6 items-center justify-center rounded-full text-xs ${done ? "bg-emerald-600 text-white" : "bg-slate-200 text-slate-700"}`} aria-hidden>{done ? "✓" : n}</span>
        {/* A long unbroken campaign name wraps inside the card instead of running out of it. */}
        <span className="min-w-0 [overflow-wrap:anywhere]">{title}</span>
      </h2>
      {children}
    </section>
  );
}

/** name → audience (count and exclusions) → panel → plan (editable) → review and forecast → launch, with progress. */
export function CreateFlow({ choices, selection: initialSelection }: { choices: Choices; selection: number[] | null }) {
  const [name, setName] = useState("");
  const [filters, setFilters] = useState<AudienceFilters>({ q: "", vertical: "", seniority: "", ownerId: "", country: "", tier: "" });
  const [selection, setSelection] = useState(initialSelection);
  const [options, setOptions] = useState<CampaignOptions>({ stopOnCompanyReply: true, allowOverlap: false, cooldownDays: 30 });
  const [preview, setPreview] = useState<AudiencePreview | null>(null);
  const [panel, setPanel] = useState<PanelResult | null>(null);
  const [plan, setPlan] = useState<PlanDraft | null>(null);
  const [forecast, setForecast] = useState<LaunchForecast | null>(null);
  const [launched, setLaunched] = useState<{ campaignId: number; enrolled: number } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [, start] = useTransition();

  const audience = selection ? { contactIds: selection } : { filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v.trim() !== "")) };
  // A refusal is shown beside its field and, when it answers a button far below the field (the
  // launch), beside that button too; focus then moves to the field.
  const fail = (r: Failure, at?: string) => {
    const field = formField(r.field);
    setErrors({ [field]: r.error, ...(at && field !== "form" ? { [at]: r.error } : {}) });
    focusControl(field);
  };
  const run = <T,>(what: string, call: () => Promise<T | Failure>, then: (value: T) => void) =>
    start(async () => {
      setBusy(what);
      setErrors({});
      const r = await call().catch(() => UNREACHABLE);
      setBusy(null);
      if (r && typeof r === "object" && "ok" in r && r.ok === false) fail(r, what === "launch" ? "form" : undefined);
      else then(r as T);
    });
  // The name and the cooldown are checked before counting: the first step is where they are typed.
  const countAudience = () => {
    const problem = campaignNameProblem(name);
    if (problem) return fail({ ok: false, error: problem, field: "name" });
    const cooldown = cooldownProblem(options.cooldownDays);
    if (cooldown) return fail({ ok: false, error: cooldown, field: "cooldownDays" });
    run("preview", () => previewAudienceAction({ audience, allowOverlap: options.allowOverlap, cooldownDays: options.cooldownDays }), (r) => setPreview(r.preview));
  };
  // Changing who the campaign is for invalidates everything computed for the old audience.
  const audienceChanged = () => {
    setPreview(null);
    setPanel(null);
    setForecast(null);
  };
  const planChanged = (p: PlanDraft) => {
    setPlan(p);
    setForecast(null);
  };
  const problems = plan ? planProblems(plan) : {};
  const shown = { ...problems, ...errors };

  if (launched) {
    return (
      <Step n={5} title={`Launched “${name}” to ${formatNumber(launched.enrolled)} contact${launched.enrolled === 1 ? "" : "s"}`} done>
        <LaunchProgress campaignId={launched.campaignId} enrolled={launched.enrolled} />
      </Step>
    );
  }

  return (
    <div className="space-y-5">
      <Step n={1} title="Name and audience" done={preview !== null && campaignNameProblem(name) === null}>
        <div className="mb-4 max-w-md">
          <label className={label} htmlFor="campaign-name">Campaign name <span className="font-normal text-slate-500">({name.trim().length}/{CAMPAIGN_NAME_MAX})</span></label>
          <input
            id="campaign-name" className={input} value={name} maxLength={CAMPAIGN_NAME_MAX} aria-invalid={Boolean(shown.name)} aria-describedby={shown.name ? "campaign-name-error" : undefined}
            onChange={(e) => { setName(e.target.value); if (errors.name) setErrors({}); }}
          />
          {shown.name ? <p id="campaign-name-error" className={fieldError} role="alert">{shown.name}</p> : null}
        </div>
        <AudienceForm
          filters={filters} onFilters={(f) => { setFilters(f); audienceChanged(); }}
          selection={selection} onClearSelection={() => { setSelection(null); audienceChanged(); }}
          options={options} onOptions={(o) => { setOptions(o); setPreview(null); setForecast(null); }}
          choices={choices} errors={shown}
        />
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <button type="button" className={secondary} disabled={busy !== null} onClick={countAudience}>
            {busy === "preview" ? "Counting…" : "Count the audience"}
          </button>
          {preview ? (
            <div className="text-sm text-slate-700" data-testid="audience-preview">
              <p><span className="font-semibold">{formatNumber(preview.count)}</span> contacts; <span className="font-semibold">{formatNumber(preview.eligible)}</span> will be enrolled.</p>
              {preview.excluded.length ? (
                <ul className="mt-1 list-disc pl-5 text-slate-600">
                  {preview.excluded.map((e) => <li key={e.reason}>{formatNumber(e.count)} left out: {e.message}</li>)}
                </ul>
              ) : null}
            </div>
          ) : null}
        </div>
      </Step>

      {preview && preview.eligible > 0 ? (
        <Step n={2} title="The panel argues a sequence" done={panel !== null}>
          <p className="mb-3 text-sm text-slate-600">A strategist, a skeptic and a brand-voice lens argue the angle, tone and cadence for this audience. Their plan only seeds the campaign: you edit it next, and every touch still waits for a rep&apos;s approval.</p>
          <div className="flex flex-wrap gap-3">
            <button type="button" className={primary} disabled={busy !== null} onClick={() => run("panel", () => convenePanelAction({ audience, campaignName: name || undefined }), (r) => { setPanel(r.panel); setPlan(draftFromAgreed(r.panel.agreed)); setForecast(null); })}>
              {busy === "panel" ? "The panel is arguing…" : panel ? "Convene again" : "Convene the panel"}
            </button>
            {!panel && !plan ? <button type="button" className={secondary} onClick={() => setPlan(DEFAULT_PLAN)}>Write the plan myself</button> : null}
          </div>
          {panel ? <PanelView panel={panel} /> : null}
        </Step>
      ) : null}

      {plan ? (
        <Step n={3} title="Plan" done={forecast !== null}>
          <PlanEditor plan={plan} onChange={planChanged} errors={shown} tones={choices.tones} />
        </Step>
      ) : null}

      {plan ? (
        <Step n={4} title="Review and forecast" done={forecast !== null}>
          <button type="button" className={secondary} disabled={busy !== null || Object.keys(problems).length > 0} onClick={() => run("forecast", () => forecastAction({ audience, allowOverlap: options.allowOverlap, cooldownDays: options.cooldownDays, cadenceDays: plan.cadenceDays, maxTouches: plan.maxTouches }), (r) => setForecast(r.forecast))}>
            {busy === "forecast" ? "Simulating the sends…" : "Forecast the sends"}
          </button>
          {Object.keys(problems).length > 0 ? <p className="mt-2 text-sm text-rose-700">Fix the plan above before forecasting.</p> : null}
          {forecast ? <ForecastView forecast={forecast} /> : null}
        </Step>
      ) : null}

      {plan && forecast ? (
        <div className="flex flex-wrap items-center gap-4">
          <button
            type="button" className={primary} disabled={busy !== null}
            onClick={() => {
              // The name may have been cleared after counting: say so here, without a round trip.
              const unnamed = campaignNameProblem(name);
              if (unnamed) return fail({ ok: false, error: unnamed, field: "name" }, "form");
              run("launch", () =>
                createAndLaunchAction({
                  audience,
                  campaign: {
                    name, stopOnCompanyReply: options.stopOnCompanyReply, allowOverlap: options.allowOverlap, cooldownDays: options.cooldownDays,
                    plan: { ...plan, touchAngles: plan.touchAngles.map((a) => a.trim() || plan.angle), source: panel ? "campaign_panel" : "operator" },
                    panel: panel ? { lenses: panel.lenses, provenance: panel.provenance, promptVersion: panel.promptVersion, agreed: panel.agreed, edited: editedFields(plan, draftFromAgreed(panel.agreed)), runId: panel.runId } : null,
                  },
                }),
                (r) => setLaunched({ campaignId: r.campaignId, enrolled: r.enrolled }),
              );
            }}
          >
            {busy === "launch" ? "Launching…" : `Launch to ${formatNumber(preview?.eligible ?? 0)} contact${preview?.eligible === 1 ? "" : "s"}`}
          </button>
          {shown.form ? <p role="alert" className="text-sm text-rose-700">{shown.form}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
