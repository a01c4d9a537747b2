import { db } from "@/db/client";
import { env } from "@/lib/env";
import { deliverQueued, type DeliveryReport } from "./sender";
import { createTransport, type MailTransport } from "./transport";

let transport: MailTransport | undefined;

/** Sends whatever is queued, through SMTP when configured, else into the local outbox. */
export function deliverNow(): Promise<DeliveryReport> {
  transport ??= createTransport(env().SMTP_URL);
  return deliverQueued(db(), transport, env().SMTP_FROM);
}

export function mailTransportKind(): "smtp" | "local" {
  return env().SMTP_URL ? "smtp" : "local";
}
