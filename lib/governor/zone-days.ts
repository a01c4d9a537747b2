import { DateTime, IANAZone } from "luxon";
import { DAY_MS } from "@/lib/clock";

/**
 * Local calendar days of an IANA zone as UTC intervals. A day is numbered like a UTC day
 * (days since 1970-01-01 of the local calendar), so arithmetic on dates is integer arithmetic and
 * weekday and Y-M-D come from the number alone. Luxon answers the zone questions (where local
 * midnight falls, what a wall time means on a DST day); each day's answer is cached, so the
 * governor's loops mostly compare integers. A day is 23 or 25 hours long across a DST change.
 */
export type ZoneDay = {
  /** Days since 1970-01-01 in the local calendar. */
  day: number;
  /** UTC ms of the day's first instant (local midnight, or the first wall time that exists). */
  start: number;
  /** UTC ms of the next day's first instant. */
  end: number;
};

const cache = new Map<string, Map<number, ZoneDay>>();

const known = new Map<string, boolean>();

/** True when luxon (the ICU data of this Node) knows the zone. Memoised: each check builds an Intl formatter. */
export function isKnownZone(zone: string): boolean {
  let ok = known.get(zone);
  if (ok === undefined) {
    ok = IANAZone.isValidZone(zone);
    known.set(zone, ok);
  }
  return ok;
}

function assertZone(zone: string): Map<number, ZoneDay> {
  let days = cache.get(zone);
  if (!days) {
    if (!isKnownZone(zone)) throw new RangeError(`Unknown IANA time zone "${zone}".`);
    days = new Map();
    cache.set(zone, days);
  }
  return days;
}

function ymd(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function startOf(zone: string, day: number): number {
  // Luxon moves a wall time that does not exist (midnight skipped by DST, as in Santiago) forward.
  return DateTime.fromObject(ymd(day), { zone }).toMillis();
}

/** The local day `day` of `zone`. */
export function zoneDay(zone: string, day: number): ZoneDay {
  const days = assertZone(zone);
  let found = days.get(day);
  if (!found) {
    found = { day, start: startOf(zone, day), end: startOf(zone, day + 1) };
    days.set(day, found);
  }
  return found;
}

/** The local day of `zone` that contains the instant `ms`. */
export function zoneDayAt(zone: string, ms: number): ZoneDay {
  // Offsets stay within ±14 h, so the local day is the UTC day or one of its neighbours.
  let candidate = zoneDay(zone, Math.floor(ms / DAY_MS));
  while (ms < candidate.start) candidate = zoneDay(zone, candidate.day - 1);
  while (ms >= candidate.end) candidate = zoneDay(zone, candidate.day + 1);
  return candidate;
}

/** The wall-clock time of day at `ms`, in ms since local midnight. */
export function wallTimeAt(zone: string, ms: number): number {
  const d = zoneDayAt(zone, ms);
  if (d.end - d.start === DAY_MS) return ms - d.start;
  const t = DateTime.fromMillis(ms, { zone });
  return ((t.hour * 60 + t.minute) * 60 + t.second) * 1000 + t.millisecond;
}

/**
 * The UTC instant of wall time `wallMs` (ms since local midnight) on local day `day`. A wall time
 * that does not exist (skipped by a spring-forward change) moves forward by the gap, as a clock
 * on the wall would: 02:30 on the day Berlin jumps from 02:00 to 03:00 is 03:30. A wall time that
 * happens twice (fall back) is its first occurrence.
 */
export function instantOf(zone: string, day: number, wallMs: number): number {
  const d = zoneDay(zone, day);
  // 24:00 is the next local midnight, whatever length DST gives this day.
  if (wallMs >= DAY_MS) return d.end;
  if (d.end - d.start === DAY_MS) return d.start + wallMs;
  const { year, month, day: dom } = ymd(day);
  const ms = Math.round(wallMs);
  const hour = Math.floor(ms / 3_600_000);
  const minute = Math.floor((ms % 3_600_000) / 60_000);
  const second = Math.floor((ms % 60_000) / 1000);
  const local = DateTime.fromObject({ year, month, day: dom, hour, minute, second, millisecond: ms % 1000 }, { zone });
  // Luxon resolves an ambiguous wall time to one of its two instants; the earlier is the one a
  // person means by "09:00" only if the clock has not yet fallen back, so prefer the first.
  const earlier = local.toMillis() - 3_600_000;
  const probe = DateTime.fromMillis(earlier, { zone });
  if (probe.hour === hour && probe.minute === minute && probe.day === dom) return earlier;
  return local.toMillis();
}

/** ISO weekday of a local day number: 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: number): number {
  return ((day + 3) % 7 + 7) % 7 + 1;
}

/** "2026-12-25" for a local day number. */
export function isoDateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The local day number of an ISO date "YYYY-MM-DD". */
export function dayOfIsoDate(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** "2026-03-06 18:10" in the zone: how a deferral shows the local time it saw. */
export function localStamp(zone: string, ms: number): string {
  return DateTime.fromMillis(ms, { zone }).toFormat("yyyy-LL-dd HH:mm");
}
