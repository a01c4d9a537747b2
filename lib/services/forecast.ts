import "server-only";
import { z } from "zod";
import { db, type Database } from "@/db/client";
import { governorCounts, placesOfContacts } from "@/db/queries/governor";
import type { SessionUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { systemClock, type Clock } from "@/lib/clock";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { GAP_DAYS, TOUCHES, type CadenceInput } from "@/lib/governor/cadence";
import { countingDays } from "@/lib/governor/decide";
import { forecast, type ForecastContact, type TouchForecast } from "@/lib/governor/forecast";
import type { GovernorRules } from "@/lib/governor/rules";
import { governorRulesFromEnv } from "@/lib/governor/settings";
import { mailboxDefaults, mailboxFor, type MailboxDefaults } from "@/lib/mail/mailbox";

/** What the campaign create flow shows before launch. */
export type LaunchForecast = {
  /** Contacts the forecast placed (ids that exist). */
  contacts: number;
  /** Ids asked for that are not contacts. */
  missing: number;
  /** Per touch (from 1): how many sends, the first and the last. */
  touches: TouchForecast[];
  totalSends: number;
  /** When the last send goes, or null with no contacts. */
  finishes: Date | null;
  /** "1,200 contacts: touch 1 finishes on Thursday 10 Dec, the last touch on Monday 15 Feb." */
  sentence: string;
  /** The zone the sentence's days are told in. */
  displayZone: string;
};

export type ForecastDeps = { rules: GovernorRules; mailboxes: MailboxDefaults; clock: Clock; displayZone?: string };

/**
 * Simulates a launch to these contacts under the governor's rules: each contact's place (its
 * company's HQ country and city, else the mailbox's zone) and mailbox (its owner's, else the
 * default), starting from what each mailbox has already sent today. Assumes nobody replies, so
 * the dates are the latest the campaign can run. Reads two rows per 500 contacts and one count
 * per mailbox; the simulation itself is lib/governor's (npm run bench:governor).
 */
export async function forecastForContacts(database: Database, contactIds: readonly number[], plan: CadenceInput, deps: ForecastDeps): Promise<LaunchForecast> {
  const start = deps.clock.now();
  const rows = await placesOfContacts(database, [...new Set(contactIds)]);
  const contacts: ForecastContact[] = rows.map((r) => ({
    mailbox: mailboxFor(r.ownerEmail ? { name: r.ownerName ?? r.ownerEmail, email: r.ownerEmail } : null, deps.mailboxes),
    to: r.email,
    place: { country: r.country, city: r.city },
  }));
  const mailboxes: Record<string, { sentToday: number; lastSentAt: Date | null }> = {};
  for (const c of contacts) {
    if (mailboxes[c.mailbox.id]) continue;
    const days = countingDays({ mailbox: c.mailbox, to: c.to, place: c.place }, start);
    const counts = await governorCounts(database, { mailboxId: c.mailbox.id, mailboxDay: days.mailbox, domain: days.domain.domain, domainDay: days.domain });
    mailboxes[c.mailbox.id] = { sentToday: counts.mailboxSentToday, lastSentAt: counts.mailboxLastSentAt };
  }
  const displayZone = deps.displayZone ?? deps.mailboxes.zone;
  const result = forecast(contacts, plan, deps.rules, start, { displayZone, mailboxes });
  return { contacts: result.contacts, missing: new Set(contactIds).size - rows.length, touches: result.touches, totalSends: result.totalSends, finishes: result.finishes, sentence: result.sentence, displayZone };
}

/** The create flow's input: at most 100,000 contacts, the coach plan's cadence (clamped further by lib/governor). */
export const ForecastInput = z.object({
  contactIds: z.array(z.number().int().positive()).max(100_000),
  plan: z
    .object({
      cadenceDays: z.array(z.number().int().min(GAP_DAYS.min).max(GAP_DAYS.max)).max(TOUCHES.max).nullish(),
      touches: z.number().int().min(TOUCHES.min).max(TOUCHES.max).nullish(),
    })
    .default({}),
});

/**
 * An operator's or admin's forecast before launching a campaign, under the governor's rules as
 * configured (SEND_* in lib/env.ts) and the system clock.
 */
export async function forecastLaunch(user: SessionUser, input: unknown, deps: Partial<ForecastDeps> = {}): Promise<LaunchForecast> {
  if (!hasRole(user.role, "operator")) throw new AppError("forbidden:campaigns", { message: "Only operators and admins can forecast a campaign." });
  const parsed = ForecastInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("bad_request:campaigns", { message: `${issue.path.join(".") || "input"}: ${issue.message}` });
  }
  const e = env();
  return forecastForContacts(db(), parsed.data.contactIds, parsed.data.plan, {
    rules: deps.rules ?? governorRulesFromEnv(e),
    mailboxes: deps.mailboxes ?? mailboxDefaults(e),
    clock: deps.clock ?? systemClock,
    displayZone: deps.displayZone,
  });
}
