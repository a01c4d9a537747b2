"use client";
import { formatDateTime, formatNumber, formatPercent, humanize } from "@/lib/format";
import type { PanelResult } from "@/lib/services/campaign-panel";
import type { LaunchForecast } from "@/lib/services/forecast";
import { PanelArguments } from "./panel-arguments";
import { sourceWords } from "./panel-record";

/** The panel's arguments and what it agreed, labelled with who argued (a model, or the audience rules offline). */
export function PanelView({ panel }: { panel: PanelResult }) {
  const top = panel.profile.themes[0];
  return (
    <div className="mt-4 space-y-4" data-testid="panel-result">
      <p className="text-sm text-slate-600">
        Read {formatNumber(panel.profile.contacts)} contacts at {formatNumber(panel.profile.companies)} companies
        {panel.sampled ? ` (an even sample of ${formatNumber(panel.sampled.of)})` : ""}
        {top ? `; the widest shared signal is ${top.label} (${formatPercent(top.share)} of companies)` : ""}.
      </p>
      <PanelArguments lenses={panel.lenses} />
      <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
        <span className="font-medium">Agreed:</span> {humanize(panel.agreed.tone)}, {panel.agreed.maxTouches} touches. {panel.provenance.reason}{" "}
        <span className="text-slate-500">({sourceWords(panel.provenance.source)}, confidence {formatPercent(panel.provenance.confidence)}, {panel.promptVersion})</span>
      </p>
    </div>
  );
}

/** The send governor's forecast: its sentence, then when each touch starts and finishes. */
export function ForecastView({ forecast }: { forecast: LaunchForecast }) {
  return (
    <div className="mt-4 space-y-3" data-testid="forecast">
      <p className="text-base font-medium text-slate-900">{forecast.sentence}</p>
      <table className="w-full max-w-2xl text-sm">
        <thead className="text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-1">Touch</th>
            <th scope="col" className="py-1 pr-6 text-right">Sends</th>
            <th scope="col" className="py-1 pr-6">First goes</th>
            <th scope="col" className="py-1">Last goes</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums">
          {forecast.touches.map((t) => (
            <tr key={t.touch}>
              <th scope="row" className="py-1 text-left font-medium">Touch {t.touch}</th>
              <td className="py-1 pr-6 text-right">{formatNumber(t.sends)}</td>
              <td className="py-1 pr-6">{t.first ? formatDateTime(t.first) : "—"}</td>
              <td className="py-1">{t.last ? formatDateTime(t.last) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-slate-500">Assumes nobody replies, so these are the latest dates; times in {forecast.displayZone}. Caps, the send window and holidays are the send governor&apos;s.</p>
    </div>
  );
}
