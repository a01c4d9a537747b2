import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format";
import type { ContactCampaign } from "@/lib/services/campaign-views";
import { EnrollmentStatus } from "./status-badges";

const DRAFT_STATE: Record<string, string> = { draft: "waiting for approval", approved: "approved, sending", rejected: "rejected", withdrawn: "withdrawn", failed: "not sent" };

/** A contact's enrollments, each with its touches in order: sent, answered, or still a draft. */
export function ContactCampaigns({ campaigns }: { campaigns: ContactCampaign[] }) {
  if (campaigns.length === 0) return <p className="text-sm text-slate-500">Not enrolled in any campaign.</p>;
  return (
    <ul className="space-y-4" data-testid="contact-campaigns">
      {campaigns.map((c) => (
        <li key={c.id}>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <Link href={`/campaigns/${c.campaignId}`} className="font-medium text-brand-700 [overflow-wrap:anywhere] hover:underline">{c.campaignName}</Link>
            <EnrollmentStatus status={c.status} />
            <span className="text-slate-500">touch {c.step}</span>
          </div>
          {c.lastEvent ? <p className="text-xs text-slate-500">{c.lastEvent}{c.lastEventAt ? ` · ${formatDateTime(c.lastEventAt)}` : ""}</p> : null}
          {c.status === "active" && c.nextWakeAt ? <p className="text-xs text-slate-500">Next touch due {formatDateTime(c.nextWakeAt)}</p> : null}
          {c.touches.length ? (
            <ol className="mt-2 space-y-1 border-l-2 border-slate-200 pl-3 text-sm">
              {c.touches.map((t) => (
                <li key={`${t.kind}-${t.id}`} className="flex flex-wrap items-baseline gap-2">
                  <span className="w-14 shrink-0 text-xs font-medium uppercase text-slate-500">{t.kind === "email" && t.direction === "inbound" ? "Reply" : `Touch ${t.step ?? "?"}`}</span>
                  <span className="text-slate-800">{t.subject}</span>
                  {t.kind === "draft" ? <Badge tone={t.status === "draft" ? "info" : "neutral"}>{DRAFT_STATE[t.status] ?? t.status}</Badge> : null}
                  {t.kind === "email" && t.bounced ? <Badge tone="bad">bounced</Badge> : null}
                  {t.kind === "email" && t.opened ? <Badge tone="good">opened</Badge> : null}
                  <span className="text-xs text-slate-500">{formatDateTime(t.at)}</span>
                </li>
              ))}
            </ol>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
