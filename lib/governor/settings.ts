import type { Env } from "@/lib/env";
import { resolveGovernorRules, type GovernorRules, type GovernorRulesInput } from "./rules";

const DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** Every day, all day: the demo's window (and a test's that must not depend on the hour it runs). */
export const ALWAYS_OPEN: GovernorRulesInput["window"] = { days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "24:00" };

function dayNumber(name: string, raw: string): number {
  const i = DAY_NAMES.indexOf(name.slice(0, 3).toLowerCase() as (typeof DAY_NAMES)[number]);
  if (i < 0) throw new Error(`SEND_WINDOW: "${name}" is not a weekday (in "${raw}")`);
  return i + 1;
}

/**
 * `always`, or days then hours: `Mon-Fri 09:00-17:00`, `Mon,Wed,Fri 10:00-16:00`, `Sun-Thu 08:00-16:00`.
 * A range of days wraps around the week. Throws naming SEND_WINDOW on anything else.
 */
export function parseSendWindow(raw: string): NonNullable<GovernorRulesInput["window"]> {
  const text = raw.trim();
  if (text.toLowerCase() === "always") return ALWAYS_OPEN!;
  const m = /^([A-Za-z,\- ]+?)\s+(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/.exec(text);
  if (!m) throw new Error(`SEND_WINDOW: expected "always" or days and hours like "Mon-Fri 09:00-17:00", got "${raw}"`);
  const days = new Set<number>();
  for (const part of m[1]!.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [from, to] = part.split("-").map((d) => d.trim());
    const a = dayNumber(from!, raw);
    if (to === undefined) {
      days.add(a);
      continue;
    }
    const b = dayNumber(to, raw);
    for (let d = a; ; d = (d % 7) + 1) {
      days.add(d);
      if (d === b) break;
    }
  }
  return { days: [...days], start: m[2]!, end: m[3]! };
}

/**
 * The governor's rules as the environment sets them (README: SEND_*). Production defaults to the
 * recipient's business hours; demo mode, which people try at any hour and expect to see the mail
 * arrive, defaults to an always-open window, no holidays and no gap (caps still apply).
 */
export function governorRulesFromEnv(e: Pick<Env, "DEMO_MODE" | "SEND_WINDOW" | "SEND_HOLIDAYS" | "SEND_MAILBOX_DAILY_CAP" | "SEND_DOMAIN_DAILY_CAP" | "SEND_MIN_GAP_SECONDS" | "SEND_CONTACT_GAP_HOURS">): GovernorRules {
  const window = e.SEND_WINDOW ? parseSendWindow(e.SEND_WINDOW) : e.DEMO_MODE ? ALWAYS_OPEN : undefined;
  try {
    return resolveGovernorRules({
      ...(window ? { window } : {}),
      holidays: e.SEND_HOLIDAYS ?? (e.DEMO_MODE ? "none" : "public"),
      mailboxDailyCap: e.SEND_MAILBOX_DAILY_CAP,
      domainDailyCap: e.SEND_DOMAIN_DAILY_CAP,
      minGapSeconds: e.SEND_MIN_GAP_SECONDS ?? (e.DEMO_MODE ? 0 : 120),
      // A safety rule, not a pace: on in demo mode too.
      contactGapSeconds: e.SEND_CONTACT_GAP_HOURS * 3_600,
    });
  } catch (err) {
    throw new Error(`SEND_WINDOW or SEND_* settings are invalid: ${err instanceof Error ? err.message : String(err)}`);
  }
}
