import Holidays from "date-holidays";
import { DAY_MS } from "@/lib/clock";
import { dayOfIsoDate, isoDateOf } from "./zone-days";

/**
 * Public holidays of a country (and of one of its regions, when known) from date-holidays'
 * offline data, as local day numbers. Only the `public` type counts: bank, school, optional and
 * observance days are working days for most recipients. A public holiday that begins mid-day
 * blocks its whole date, the cautious reading. Results are cached per (country, region, year).
 */
export type Holiday = { date: string; name: string };

const support = new Holidays();
const countries = new Set(Object.keys(support.getCountries("en")));
const byYear = new Map<string, Map<number, string>>();
const instances = new Map<string, Holidays>();

/** True when date-holidays has data for this ISO 3166-1 alpha-2 code. */
export function hasHolidayData(country: string): boolean {
  return countries.has(country);
}

/** The region code date-holidays knows for `country`, or null ("US-CA" and "CA" both give "CA"). */
export function holidayRegion(country: string, region: string | null | undefined): string | null {
  if (!region || !hasHolidayData(country)) return null;
  const code = region.toUpperCase().replace(new RegExp(`^${country}-`), "");
  const states = support.getStates(country, "en");
  return states && code in states ? code : null;
}

function instance(country: string, region: string | null): Holidays {
  const key = `${country}|${region ?? ""}`;
  let hd = instances.get(key);
  if (!hd) {
    hd = region ? new Holidays(country, region, { languages: ["en"], types: ["public"] }) : new Holidays(country, { languages: ["en"], types: ["public"] });
    instances.set(key, hd);
  }
  return hd;
}

function yearTable(country: string, region: string | null, year: number): Map<number, string> {
  const key = `${country}|${region ?? ""}|${year}`;
  let table = byYear.get(key);
  if (!table) {
    table = new Map();
    for (const h of instance(country, region).getHolidays(year)) {
      if (h.type !== "public") continue;
      const first = dayOfIsoDate(h.date.slice(0, 10));
      const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
      for (let d = first; d < first + days; d++) if (!table.has(d)) table.set(d, h.name);
    }
    byYear.set(key, table);
  }
  return table;
}

/** The zones date-holidays lists for a country or one of its regions, its main zone first. */
export function holidayZones(country: string, region: string | null): string[] {
  return hasHolidayData(country) ? instance(country, region).getTimezones() : [];
}

/** The public holiday on local day `day` of `country` (and `region`), or null. */
export function holidayOn(country: string, region: string | null, day: number): Holiday | null {
  if (!hasHolidayData(country)) return null;
  const year = new Date(day * DAY_MS).getUTCFullYear();
  // A holiday that spans New Year is listed in the year it starts.
  const name = yearTable(country, region, year).get(day) ?? yearTable(country, region, year - 1).get(day);
  return name === undefined ? null : { date: isoDateOf(day), name };
}
