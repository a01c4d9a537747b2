import { env } from "@/lib/env";
import { createTransport, type MailTransport } from "./transport";

let transport: MailTransport | undefined;

/** The console's mail transport: SMTP when SMTP_URL is set, else the local outbox. */
export function mailTransport(): MailTransport {
  transport ??= createTransport(env().SMTP_URL);
  return transport;
}

export function mailTransportKind(): "smtp" | "local" {
  return env().SMTP_URL ? "smtp" : "local";
}
