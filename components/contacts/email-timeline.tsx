import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format";
import { HandleObjectionButton } from "./handle-objection";

type Email = {
  id: number;
  direction: "outbound" | "inbound";
  subject: string;
  body: string;
  step: number | null;
  sentAt: Date | string;
  openedAt: Date | string | null;
  repliedAt: Date | string | null;
  bouncedAt: Date | string | null;
  campaignName: string | null;
};

/** `handleObjections`: offer "Handle objection" on each inbound email (for whoever may draft for the contact). */
export function EmailTimeline({ emails, handleObjections = false }: { emails: Email[]; handleObjections?: boolean }) {
  if (emails.length === 0) return <p className="text-sm text-slate-500">No emails with this contact yet.</p>;
  return (
    <ol className="space-y-3" data-testid="timeline">
      {emails.map((e) => (
        <li key={e.id} className={`rounded-md border p-3 ${e.direction === "inbound" ? "border-emerald-200 bg-emerald-50/40" : "border-slate-200"}`}>
          <details>
            <summary className="cursor-pointer list-none">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <Badge tone={e.direction === "inbound" ? "good" : "info"}>{e.direction === "inbound" ? "Received" : e.step ? `Sent · touch ${e.step}` : "Sent"}</Badge>
                <span className="font-medium text-slate-900">{e.subject}</span>
              </div>
              <div className="mt-1 flex flex-wrap gap-2 text-xs text-slate-500">
                <span>{formatDateTime(e.sentAt)}</span>
                {e.campaignName ? <span>· {e.campaignName}</span> : null}
                {e.openedAt ? <Badge>Opened</Badge> : null}
                {e.repliedAt ? <Badge tone="good">Replied</Badge> : null}
                {e.bouncedAt ? <Badge tone="bad">Bounced</Badge> : null}
              </div>
            </summary>
            <pre className="mt-3 whitespace-pre-wrap font-sans text-sm text-slate-700">{e.body}</pre>
          </details>
          {handleObjections && e.direction === "inbound" ? <HandleObjectionButton emailId={e.id} /> : null}
        </li>
      ))}
    </ol>
  );
}
