import { Badge } from "@/components/ui/badge";

type Flags = { doNotContact: boolean; bounced: boolean; unsubscribed: boolean; replied: boolean; suppression?: string | null };

/**
 * What the safety gate honours, as badges: the flags, and the suppression list where no flag
 * already says why the address is on it (a bounce or an unsubscribe sets both). None of them
 * reads "Contactable", the same rule as the contacts list's filter.
 */
export function ContactStatus({ flags }: { flags: Flags }) {
  const explained = (flags.suppression === "bounce" && flags.bounced) || (flags.suppression === "unsubscribe" && flags.unsubscribed);
  const badges = [
    flags.doNotContact && <Badge key="dnc" tone="bad">Do not contact</Badge>,
    flags.bounced && <Badge key="bounced" tone="bad">Bounced</Badge>,
    flags.unsubscribed && <Badge key="unsub" tone="warn">Unsubscribed</Badge>,
    flags.suppression && !explained && <Badge key="suppressed" tone="bad">Suppressed</Badge>,
    flags.replied && <Badge key="replied" tone="good">Replied</Badge>,
  ].filter(Boolean);
  return <span className="inline-flex flex-wrap gap-1">{badges.length ? badges : <Badge>Contactable</Badge>}</span>;
}
