import { BarChart } from "@/components/charts/bar-chart";
import { formatNumber, formatPercent } from "@/lib/format";

type Step = { step: number; sent: number; opened: number; replied: number; bounced: number };

const SERIES = [
  { key: "sent", label: "Sent" },
  { key: "opened", label: "Opened" },
  { key: "replied", label: "Replied" },
  { key: "bounced", label: "Bounced" },
];

/** Per touch: sent, opened, replied, bounced, as bars and as the numbers (with rates against sent). */
export function StepFunnel({ steps }: { steps: Step[] }) {
  if (steps.length === 0) return <p className="text-sm text-slate-500">No touch has been sent yet.</p>;
  const rate = (n: number, of: number) => (of > 0 ? ` (${formatPercent(n / of)})` : "");
  return (
    <div className="space-y-3">
      <BarChart label="Per touch: sent, opened, replied, bounced" data={steps.map((s) => ({ key: `Touch ${s.step}`, sent: s.sent, opened: s.opened, replied: s.replied, bounced: s.bounced }))} series={SERIES} height={200} />
      <table className="w-full text-sm" data-testid="step-funnel">
        <thead className="text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-1">Touch</th>
            {SERIES.map((s) => <th key={s.key} scope="col" className="py-1 text-right">{s.label}</th>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums">
          {steps.map((s) => (
            <tr key={s.step}>
              <th scope="row" className="py-1 text-left font-medium">Touch {s.step}</th>
              <td className="py-1 text-right">{formatNumber(s.sent)}</td>
              <td className="py-1 text-right">{formatNumber(s.opened)}{rate(s.opened, s.sent)}</td>
              <td className="py-1 text-right">{formatNumber(s.replied)}{rate(s.replied, s.sent)}</td>
              <td className="py-1 text-right">{formatNumber(s.bounced)}{rate(s.bounced, s.sent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
