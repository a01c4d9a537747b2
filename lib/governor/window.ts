import { holidayOn, type Holiday } from "./holidays";
import type { GovernorRules } from "./rules";
import type { ResolvedPlace } from "./timezone";
import { instantOf, weekdayOf, zoneDayAt } from "./zone-days";

/**
 * The send window of one kind of recipient: business hours in their zone, on their working
 * weekdays, minus their country's public holidays. The window's edges are wall times, so a 09:00
 * opening stays 09:00 local across DST changes (its UTC instant moves by the hour instead).
 */
export type SendCalendar = {
  readonly key: string;
  readonly place: ResolvedPlace;
  readonly window: GovernorRules["window"];
  readonly holidays: GovernorRules["holidays"];
  /** Local days already worked out. */
  readonly days: Map<number, WindowDay>;
};

export type WindowDay = {
  day: number;
  /** UTC ms the window opens and closes on this local day. */
  open: number;
  close: number;
  /** Why no send goes on this day at all, or null when the window is open for business. */
  closed: null | { kind: "weekday" } | { kind: "holiday"; holiday: Holiday };
};

export type WindowStatus =
  | { kind: "open" }
  | { kind: "holiday"; holiday: Holiday }
  | { kind: "closed_day" }
  | { kind: "before_hours" }
  | { kind: "after_hours" };

const calendars = new Map<string, SendCalendar>();

/** The calendar of recipients at `place` under `rules` (one shared object per distinct key). */
export function sendCalendar(place: ResolvedPlace, rules: Pick<GovernorRules, "window" | "holidays">): SendCalendar {
  const w = rules.window;
  const key = `${place.zone}|${place.country ?? ""}|${place.region ?? ""}|${w.days.join("")}|${w.start}-${w.end}|${rules.holidays}`;
  let cal = calendars.get(key);
  if (!cal) {
    cal = { key, place, window: w, holidays: rules.holidays, days: new Map() };
    calendars.set(key, cal);
  }
  return cal;
}

export function windowDay(cal: SendCalendar, day: number): WindowDay {
  let wd = cal.days.get(day);
  if (!wd) {
    const zone = cal.place.zone;
    const holiday = cal.holidays === "public" && cal.place.country ? holidayOn(cal.place.country, cal.place.region, day) : null;
    const closed = !cal.window.days.includes(weekdayOf(day)) ? { kind: "weekday" as const } : holiday ? { kind: "holiday" as const, holiday } : null;
    wd = { day, open: instantOf(zone, day, cal.window.startMs), close: instantOf(zone, day, cal.window.endMs), closed };
    cal.days.set(day, wd);
  }
  return wd;
}

/** Whether a send may go at `ms` as far as the window and holidays go, and if not, why. */
export function windowStatusAt(cal: SendCalendar, ms: number): WindowStatus {
  const wd = windowDay(cal, zoneDayAt(cal.place.zone, ms).day);
  if (wd.closed?.kind === "holiday") return { kind: "holiday", holiday: wd.closed.holiday };
  if (wd.closed) return { kind: "closed_day" };
  if (ms < wd.open) return { kind: "before_hours" };
  if (ms >= wd.close) return { kind: "after_hours" };
  return { kind: "open" };
}

/** A year and a half of closed days in a row means the rules can never open (or the data is broken). */
const MAX_DAYS_SEARCHED = 550;

/**
 * The first instant at or after `ms` inside the window, with the holidays skipped on the way
 * (a deferral names them: "Monday is Easter Monday, so Tuesday 09:00").
 */
export function nextOpening(cal: SendCalendar, ms: number): { at: number; skippedHolidays: Holiday[] } {
  const skippedHolidays: Holiday[] = [];
  let day = zoneDayAt(cal.place.zone, ms).day;
  for (let i = 0; i < MAX_DAYS_SEARCHED; i++, day++) {
    const wd = windowDay(cal, day);
    if (wd.closed) {
      if (wd.closed.kind === "holiday") skippedHolidays.push(wd.closed.holiday);
      continue;
    }
    if (ms < wd.open) return { at: wd.open, skippedHolidays };
    if (ms < wd.close) return { at: ms, skippedHolidays };
  }
  throw new RangeError(`No send window within ${MAX_DAYS_SEARCHED} days in ${cal.place.zone} (${cal.key}).`);
}

