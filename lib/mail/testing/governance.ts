import { systemClock, type Clock } from "@/lib/clock";
import { resolveGovernorRules, type GovernorRulesInput } from "@/lib/governor/rules";
import { ALWAYS_OPEN } from "@/lib/governor/settings";
import { campaignHold } from "../campaign-hold";
import type { Governance } from "../governor-claim";

/**
 * The governor for a test that is not about it (tests run at any hour): always open, no holidays,
 * no gaps (a mailbox's or a contact's), caps out of reach, on the test's clock. `rules` overrides any of those. The campaigns'
 * stop rules still hold: they are not the governor's timing but whether a touch may go at all.
 */
export function openGovernance(clock: Clock = systemClock, rules: GovernorRulesInput = {}): Governance {
  return {
    rules: resolveGovernorRules({ window: ALWAYS_OPEN, holidays: "none", minGapSeconds: 0, contactGapSeconds: 0, mailboxDailyCap: 10_000, domainDailyCap: 10_000, ...rules }),
    clock,
    senderZone: "UTC",
    hold: campaignHold(clock),
  };
}

/**
 * The same, as the environment of a console or worker process a test starts (SEND_*): for tests
 * about delivery, not about the governor, which run at any hour and send hundreds to few domains.
 */
export const OPEN_GOVERNOR_ENV: Readonly<Record<string, string>> = Object.freeze({
  SEND_WINDOW: "always",
  SEND_HOLIDAYS: "none",
  SEND_MIN_GAP_SECONDS: "0",
  SEND_CONTACT_GAP_HOURS: "0",
  SEND_MAILBOX_DAILY_CAP: "10000",
  SEND_DOMAIN_DAILY_CAP: "10000",
});
