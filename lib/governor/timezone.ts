import cityTimezones from "city-timezones";
import { hasHolidayData, holidayRegion, holidayZones } from "./holidays";
import { isKnownZone } from "./zone-days";

/**
 * Where a recipient is, as far as the CRM knows: the contact's own fields, else its company's HQ.
 * Every field is optional; the more is known, the better the zone.
 */
export type Place = {
  /** An IANA zone the CRM already holds (wins over everything else). */
  zone?: string | null;
  /** ISO 3166-1 alpha-2. */
  country?: string | null;
  /** ISO 3166-2 subdivision ("US-CA" or "CA"). */
  region?: string | null;
  city?: string | null;
};

/** How the zone was found, so a deferral can say "Tokyo time (from the country)". */
export type ZoneSource = "zone" | "city" | "region" | "country" | "sender";

export type ResolvedPlace = {
  zone: string;
  source: ZoneSource;
  /** Upper-cased country when it is a well-formed code, else null: holidays need it. */
  country: string | null;
  /** The region code holiday data knows, else null. */
  region: string | null;
};

const resolved = new Map<string, ResolvedPlace>();

function normaliseCountry(country: string | null | undefined): string | null {
  const c = country?.trim().toUpperCase();
  return c && /^[A-Z]{2}$/.test(c) ? c : null;
}

let citiesByCountry: Map<string, { name: string; zone: string; pop: number }[]> | null = null;

/** city-timezones' ~7,300 cities grouped by country, most populous first (built on first use). */
function cities(country: string) {
  if (!citiesByCountry) {
    citiesByCountry = new Map();
    for (const c of cityTimezones.cityMapping) {
      // Zones are checked when a city is picked, not here: checking 7,300 would build 400 Intl formatters.
      if (!c.timezone) continue;
      const list = citiesByCountry.get(c.iso2) ?? [];
      list.push({ name: c.city_ascii.toLowerCase(), zone: c.timezone, pop: c.pop });
      citiesByCountry.set(c.iso2, list);
    }
    for (const list of citiesByCountry.values()) list.sort((a, b) => b.pop - a.pop);
  }
  return citiesByCountry.get(country) ?? [];
}

function plainName(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim().toLowerCase();
}

function firstKnown(zones: readonly string[] | undefined): string | null {
  return zones?.find(isKnownZone) ?? null;
}

/**
 * The recipient's IANA zone: an explicit zone; else its city within its country (the most
 * populous city of that name); else its region's main zone; else its country's main zone
 * (date-holidays lists each country's main zone first — New York for the US, Moscow for Russia,
 * Sydney for Australia — and for a country it lacks, the zone of its most populous city); else the
 * sender's zone. A city without a country is not trusted: "Paris" is in France and in Texas.
 */
export function resolveTimeZone(place: Place, senderZone: string): ResolvedPlace {
  const country = normaliseCountry(place.country);
  const key = `${place.zone ?? ""}|${country ?? ""}|${place.region ?? ""}|${place.city ?? ""}|${senderZone}`;
  const hit = resolved.get(key);
  if (hit) return hit;

  const region = country ? holidayRegion(country, place.region) : null;
  const answer = (zone: string, source: ZoneSource): ResolvedPlace => ({ zone, source, country, region });
  let result: ResolvedPlace;
  const city = place.city ? plainName(place.city) : "";
  const cityZone = country && city ? cities(country).find((c) => c.name === city && isKnownZone(c.zone))?.zone : undefined;
  const regionZone = country && region ? firstKnown(holidayZones(country, region)) : null;
  const countryZone = country ? (hasHolidayData(country) ? firstKnown(holidayZones(country, null)) : cities(country).find((c) => isKnownZone(c.zone))?.zone) : null;

  if (place.zone && isKnownZone(place.zone)) result = answer(place.zone, "zone");
  else if (cityZone) result = answer(cityZone, "city");
  else if (regionZone) result = answer(regionZone, "region");
  else if (countryZone) result = answer(countryZone, "country");
  else if (isKnownZone(senderZone)) result = answer(senderZone, "sender");
  else throw new RangeError(`Unknown IANA time zone "${senderZone}" for the sender.`);
  resolved.set(key, result);
  return result;
}
