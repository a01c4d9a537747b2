import { systemClock, type Clock } from "@/lib/clock";
import { env } from "@/lib/env";
import { governorRulesFromEnv } from "@/lib/governor/settings";
import { campaignHold } from "./campaign-hold";
import type { Governance } from "./governor-claim";
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

/** The send governor as the environment configures it (SEND_*, SENDER_TIMEZONE), on `clock`, with the campaigns' stop rules. */
export function governance(clock: Clock = systemClock): Governance {
  const e = env();
  return { rules: governorRulesFromEnv(e), clock, senderZone: e.SENDER_TIMEZONE, hold: campaignHold(clock) };
}
