import type { Env } from "@/lib/env";
import type { Mailbox } from "@/lib/governor/decide";

/**
 * The mailbox a message goes out from. Today: the assigned rep's own address, else the
 * console's default From (SMTP_FROM); every mailbox sits in SENDER_TIMEZONE. Team mailboxes
 * (DESIGN.md) change `mailboxFor` and nothing else: the sender, the forecast and the outbox
 * counts all take a `SenderMailbox` from here.
 */
export type SenderMailbox = Mailbox & {
  /** The From header: `"Name" <address>`. */
  from: string;
  address: string;
};

export type MailboxDefaults = { from: string; zone: string };

/** The defaults from the environment: SMTP_FROM and SENDER_TIMEZONE. */
export function mailboxDefaults(e: Pick<Env, "SMTP_FROM" | "SENDER_TIMEZONE">): MailboxDefaults {
  return { from: e.SMTP_FROM, zone: e.SENDER_TIMEZONE };
}

/** `Sales <a@b.c>` → `a@b.c`; a bare address as it is. Lower-cased: a mailbox's id. */
export function addressOf(from: string): string {
  const m = /<([^<>]+)>\s*$/.exec(from);
  return (m ? m[1]! : from).trim().toLowerCase();
}

function quoted(name: string): string {
  return `"${name.replace(/["\\\r\n]/g, "")}"`;
}

/** The rep's mailbox when the message has a rep with an address, else the default one. */
export function mailboxFor(rep: { name: string; email: string } | null, defaults: MailboxDefaults): SenderMailbox {
  if (rep?.email) {
    const address = rep.email.trim().toLowerCase();
    return { id: address, address, from: `${quoted(rep.name)} <${address}>`, zone: defaults.zone };
  }
  const address = addressOf(defaults.from);
  return { id: address, address, from: defaults.from, zone: defaults.zone };
}
