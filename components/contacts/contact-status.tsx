import { Badge } from "@/components/ui/badge";

type Flags = { doNotContact: boolean; bounced: boolean; unsubscribed: boolean; replied: boolean };

/** The flags the safety gate honours, as badges; none set reads "Contactable". */
export function ContactStatus({ flags }: { flags: Flags }) {
  const badges = [
    flags.doNotContact && <Badge key="dnc" tone="bad">Do not contact</Badge>,
    flags.bounced && <Badge key="bounced" tone="bad">Bounced</Badge>,
    flags.unsubscribed && <Badge key="unsub" tone="warn">Unsubscribed</Badge>,
    flags.replied && <Badge key="replied" tone="good">Replied</Badge>,
  ].filter(Boolean);
  return <span className="inline-flex flex-wrap gap-1">{badges.length ? badges : <Badge>Contactable</Badge>}</span>;
}
