import { nextOpening, type SendCalendar } from "./window";
import { instantOf, wallTimeAt, zoneDayAt } from "./zone-days";

/** The coach plan's fail-open defaults (seeds, part 7): six touches, these day gaps before each. */
export const DEFAULT_CADENCE_DAYS: readonly number[] = Object.freeze([0, 4, 7, 7, 7, 7]);
export const DEFAULT_MAX_TOUCHES = 6;
/** The coach plan's clamps: a gap of 0–60 days, a budget of 1–6 touches. */
export const GAP_DAYS = { min: 0, max: 60 } as const;
export const TOUCHES = { min: 1, max: 6 } as const;

export type CadenceInput = { cadenceDays?: readonly number[] | null; touches?: number | null };
/** `gapDays[i]` is the gap before touch i + 1 (touch 1's gap counts from the launch). */
export type Cadence = { touches: number; gapDays: readonly number[] };

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(n)));
}

/**
 * A plan's cadence with the coach plan's clamps: touches 1–6, each gap 0–60 whole days. A
 * missing or non-numeric entry takes the default at its position, so a short plan keeps the
 * default tail rather than collapsing to one touch.
 */
export function resolveCadence(plan: CadenceInput = {}): Cadence {
  const touches = typeof plan.touches === "number" && Number.isFinite(plan.touches) ? clamp(plan.touches, TOUCHES.min, TOUCHES.max) : DEFAULT_MAX_TOUCHES;
  const given = plan.cadenceDays ?? [];
  const gapDays = Array.from({ length: touches }, (_, i) => {
    const g = given[i];
    return typeof g === "number" && Number.isFinite(g) ? clamp(g, GAP_DAYS.min, GAP_DAYS.max) : DEFAULT_CADENCE_DAYS[i]!;
  });
  return Object.freeze({ touches, gapDays: Object.freeze(gapDays) });
}

/**
 * `days` calendar days after `fromMs` at the same wall time in `zone` (DST-correct: a Friday
 * 10:00 send plus 7 days is the next Friday 10:00 local, 167 or 169 hours later across a change).
 */
export function addLocalDays(zone: string, fromMs: number, days: number): number {
  return instantOf(zone, zoneDayAt(zone, fromMs).day + days, wallTimeAt(zone, fromMs));
}

/**
 * When the next touch goes: the previous send plus the gap in the recipient's calendar days,
 * then moved into the next open window (so a gap landing on a Saturday or a holiday goes at the
 * following working day's opening). Caps and the mailbox's gap are the sender's to apply then.
 */
export function nextTouchAt(cal: SendCalendar, previousSentAt: Date, gapDays: number): Date {
  const due = addLocalDays(cal.place.zone, previousSentAt.getTime(), clamp(gapDays, GAP_DAYS.min, GAP_DAYS.max));
  return new Date(nextOpening(cal, due).at);
}
