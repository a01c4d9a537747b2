"use client";
import Link from "next/link";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatDate, formatNumber, humanize } from "@/lib/format";
import { useAttribution } from "./use-analytics";

const stepName = (step: number | null) => (step === null ? "Outside a sequence" : `Touch ${step}`);
const share = (weight: number) => `${Math.round(weight * 100)}%`;

/**
 * Which emails earned a campaign's conversions: last touch over all of them, and, when a model
 * may answer, the credit it spread over the emails before each of the latest ten. Labelled either way.
 */
export function AttributionPanel({ campaigns, canOpenRuns }: { campaigns: { id: number; name: string }[]; canOpenRuns: boolean }) {
  const [campaignId, setCampaignId] = useState<number | null>(null);
  const { data, error, isFetching } = useAttribution(campaignId);
  const id = useId();
  return (
    <Card title="Touch attribution">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">Which emails of a campaign earned its positive replies.</p>
        <div className="flex items-center gap-2 text-sm text-slate-700">
          <label htmlFor={id}>Campaign</label>
          <select id={id} value={campaignId ?? ""} onChange={(e) => setCampaignId(e.target.value ? Number(e.target.value) : null)} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
            <option value="">Choose a campaign</option>
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        </div>
      </div>
      {error ? <p role="alert" className="text-sm text-rose-700">{error.message}</p> : null}
      {campaignId !== null && !data && !error ? <p className="text-sm text-slate-500">Weighing the touches…</p> : null}
      {data ? (
        <div className={`space-y-4 ${isFetching ? "opacity-60" : ""}`} aria-busy={isFetching} data-testid="attribution">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span data-testid="attribution-method">
              <Badge tone={data.method === "model-weighted" ? "info" : "neutral"}>{data.method === "model-weighted" ? "Model-weighted" : "Last touch"}</Badge>
            </span>
            <span className="text-slate-700">{data.note}</span>
            {canOpenRuns && data.runId ? <Link href={`/runs/${data.runId}`} className="text-brand-700 hover:underline">Run</Link> : null}
          </div>
          <table className="min-w-full text-sm" data-testid="attribution-last-touch">
            <caption className="mb-1 text-left text-xs text-slate-500">Last touch, all {formatNumber(data.lastTouch.total)} conversions</caption>
            <thead className="text-left text-xs text-slate-500">
              <tr><th className="py-1">Touch</th><th className="py-1 text-right">Conversions credited</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.lastTouch.byStep.map((row) => (
                <tr key={String(row.step)}><td className="py-1">{stepName(row.step)}</td><td className="py-1 text-right tabular-nums">{formatNumber(row.conversions)}</td></tr>
              ))}
            </tbody>
          </table>
          {data.conversions.length ? (
            <div>
              <p className="mb-1 text-xs text-slate-500">The latest {data.conversions.length} conversions and the share of credit each email before them got</p>
              <ul className="space-y-2">
                {data.conversions.map((c) => (
                  <li key={c.outcomeId} className="rounded-md bg-slate-50 px-3 py-2 text-sm">
                    <p>
                      <Link href={`/contacts/${c.contactId}`} className="text-brand-700 hover:underline">Contact #{c.contactId}</Link>: {humanize(c.label)} on {formatDate(c.convertedAt)}{" "}
                      <span className="text-xs text-slate-500">({c.provenance.source === "model" ? "model" : "rule"}: {c.provenance.reason})</span>
                    </p>
                    {c.touches.length ? (
                      <ul className="mt-1 space-y-0.5 text-xs text-slate-700">
                        {c.touches.map((t) => (
                          <li key={t.emailId}><span className="tabular-nums font-medium">{share(t.weight)}</span> · {stepName(t.step)} · {formatDate(t.sentAt)} · {t.subject}</li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="text-sm text-slate-500">No positive replies in this campaign yet.</p>
          )}
        </div>
      ) : null}
    </Card>
  );
}
