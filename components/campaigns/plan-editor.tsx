"use client";
import { humanize } from "@/lib/format";
import { fieldError, input, label } from "./form-styles";
import { resize, touchDays, type PlanDraft } from "./plan-draft";

/** The agreed plan, editable before launch: angle, tone, touch budget, each touch's gap and angle, when to stop. */
export function PlanEditor({ plan, onChange, errors, tones }: { plan: PlanDraft; onChange: (p: PlanDraft) => void; errors: Record<string, string>; tones: readonly string[] }) {
  const days = touchDays(plan.cadenceDays);
  const err = (field: string) => (errors[field] ? <p className={fieldError} role="alert">{errors[field]}</p> : null);
  return (
    <div className="space-y-4" data-testid="plan-editor">
      <div>
        <label className={label} htmlFor="plan-angle">Angle <span className="font-normal text-slate-500">({plan.angle.trim().length}/200)</span></label>
        <input id="plan-angle" className={input} value={plan.angle} onChange={(e) => onChange({ ...plan, angle: e.target.value })} aria-invalid={Boolean(errors.angle)} />
        {err("angle")}
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label className={label} htmlFor="plan-tone">Tone</label>
          <select id="plan-tone" className={input} value={plan.tone} onChange={(e) => onChange({ ...plan, tone: e.target.value })}>
            {tones.map((t) => <option key={t} value={t}>{humanize(t)}</option>)}
          </select>
          {err("tone")}
        </div>
        <div>
          <label className={label} htmlFor="plan-touches">Touches</label>
          <select id="plan-touches" className={input} value={plan.maxTouches} onChange={(e) => onChange(resize(plan, Number(e.target.value)))}>
            {[1, 2, 3, 4, 5, 6].map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
          {err("maxTouches")}
        </div>
      </div>
      <table className="w-full text-sm">
        <thead className="text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="w-20 py-1">Touch</th>
            <th scope="col" className="w-32 py-1">Days after the last</th>
            <th scope="col" className="py-1">Angle for this touch</th>
          </tr>
        </thead>
        <tbody>
          {plan.cadenceDays.map((gap, i) => (
            <tr key={i} className="align-top">
              <th scope="row" className="py-1.5 pr-2 text-left font-medium">
                {i + 1}
                <span className="block text-xs font-normal text-slate-500">day {days[i]}</span>
              </th>
              <td className="py-1.5 pr-2">
                <input
                  type="number" min={0} max={60} className={input} value={gap} aria-label={`Touch ${i + 1}: days after the last`}
                  onChange={(e) => onChange({ ...plan, cadenceDays: plan.cadenceDays.map((d, j) => (j === i ? Number(e.target.value) : d)) })}
                />
                {err(`cadenceDays.${i}`)}
              </td>
              <td className="py-1.5">
                <input
                  className={input} value={plan.touchAngles[i] ?? ""} placeholder={plan.angle} aria-label={`Touch ${i + 1}: angle`}
                  onChange={(e) => onChange({ ...plan, touchAngles: plan.touchAngles.map((a, j) => (j === i ? e.target.value : a)) })}
                />
                {err(`touchAngles.${i}`)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div>
        <label className={label} htmlFor="plan-stop">Stop when</label>
        <input id="plan-stop" className={input} value={plan.stopCriteria} onChange={(e) => onChange({ ...plan, stopCriteria: e.target.value })} />
        {err("stopCriteria")}
      </div>
    </div>
  );
}
