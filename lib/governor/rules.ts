import { z } from "zod";

/**
 * The send governor's rules, with their defaults resolved in one place. They will come from
 * settings (per workspace, per campaign); parse them here so a bad value is refused naming its
 * field instead of surfacing later as a send that never goes.
 */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM (24-hour)");
/** An end may also be 24:00, the end of the local day, so a window can be open all day. */
const endTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "expected HH:MM (24-hour) or 24:00");

export const governorRulesSchema = z
  .object({
    window: z
      .object({
        /** ISO weekdays the window is open: 1 = Monday … 7 = Sunday. */
        days: z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5]),
        /** Local wall time in the recipient's zone. */
        start: clockTime.default("09:00"),
        end: endTime.default("17:00"),
      })
      .strict()
      .refine((w) => w.start < w.end, { message: "the window must end after it starts (on the same day)", path: ["end"] })
      .default({ days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" }),
    /** "public": no send on the recipient country's public holidays; "none": holidays are ignored. */
    holidays: z.enum(["public", "none"]).default("public"),
    /** Most sends from one mailbox in one of the mailbox's local days. */
    mailboxDailyCap: z.number().int().min(1).max(10_000).default(50),
    /** Most sends to one recipient domain (from any mailbox) in one of the recipient's local days. */
    domainDailyCap: z.number().int().min(1).max(10_000).default(10),
    /** Least time between two sends from one mailbox. */
    minGapSeconds: z.number().int().min(0).max(86_400).default(120),
    /**
     * Least time between two emails to one contact, whoever approved them (a follow-up and an
     * objection's answer approved together must not land in the same minute). A reply to a
     * message of theirs newer than our last email is exempt: they are waiting for it.
     */
    contactGapSeconds: z.number().int().min(0).max(30 * 86_400).default(86_400),
  })
  .strict();

export type GovernorRulesInput = z.input<typeof governorRulesSchema>;

/** Resolved rules; `window.startMs`/`endMs` are wall-clock ms since local midnight. */
export type GovernorRules = z.output<typeof governorRulesSchema> & {
  window: { startMs: number; endMs: number };
};

function wallMs(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h! * 60 + m!) * 60_000;
}

/** Defaults filled in and checked; throws a ZodError naming the field on a bad value. */
export function resolveGovernorRules(input: GovernorRulesInput = {}): GovernorRules {
  const parsed = governorRulesSchema.parse(input);
  const days = [...new Set(parsed.window.days)].sort((a, b) => a - b);
  return Object.freeze({
    ...parsed,
    window: Object.freeze({ ...parsed.window, days, startMs: wallMs(parsed.window.start), endMs: wallMs(parsed.window.end) }),
  });
}

/** Mon–Fri 09:00–17:00 in the recipient's zone, no public holidays, 50 a mailbox-day, 10 a domain-day, 2 min apart, a day between emails to one contact. */
export const DEFAULT_RULES: GovernorRules = resolveGovernorRules();
