import citiesJson from "./generated/cities.json";
import countriesJson from "./generated/countries.json";
import provincesJson from "./generated/provinces.json";
import type { CityRow, CountryRecord, ProvinceRow } from "./generated/build";
import { accentedForm, normalizeName } from "./normalize";
import { CITY_ALIASES, HUB_CITIES } from "./tables/cities";
import { COUNTRY_ALIASES } from "./tables/countries";
import { REGIONS } from "./tables/regions";
import { AU_STATES, CA_PROVINCES, GB_COUNTIES, GB_REGIONS, IE_COUNTIES, IE_PROVINCES, SPLIT_PROVINCES, US_STATES } from "./tables/subdivisions";
import { NON_PLACES } from "./tables/vocabulary";

/**
 * What a name can be. `country`: a country's name in any language; `code`: an ISO alpha-2/alpha-3
 * code; `postal`: a US, Canadian or Australian state or province code; `state`: a US state's name; `region`: a
 * first-level region (a Canadian province, a UK nation, a German Land…); `county`: a smaller
 * or less formal area (a UK county, an Irish province, a province from the city data); `city`;
 * `nonplace`: remote, global, EMEA…
 */
export type PlaceKind = "country" | "code" | "postal" | "state" | "region" | "county" | "city" | "nonplace";

/** One reading of a name: the country it points to (null for a non-place), how, and its weight against other readings. */
export type Reading = {
  country: string | null;
  kind: PlaceKind;
  /** Compared across the readings of one name: a country or US state outweighs any region, a region any city; cities by population. */
  weight: number;
  /** The place as written in the table ("Texas", "Munich"), for reasons a person reads. */
  label: string;
  /** Lower case with accents, to tell "Münster" from "Munster" when the writer typed the accent. */
  accented: string;
};

/**
 * Weights of the kinds that are not cities. A country name or a US state (the seed: "US states
 * imply US") outweighs anything; a first-level region outweighs every city (the largest city
 * counts ~4·10⁷); a county or city-data province outweighs a town but not a large city.
 */
export const WEIGHT = { country: 1e12, code: 1e12, postal: 1e12, state: 1e12, region: 1e8, county: 1e6, province: 1e5 } as const;

export type Gazetteer = {
  /** Normalised name → its readings. */
  names: ReadonlyMap<string, readonly Reading[]>;
  /** Upper-case code → its readings (codes are matched only where a code can stand: see resolve.ts). */
  codes: ReadonlyMap<string, readonly Reading[]>;
  /** Alpha-2 → English name, for every ISO 3166-1 country. */
  countryNames: ReadonlyMap<string, string>;
  /** Alpha-3 codes, matched only when written in capitals. */
  alpha3: ReadonlySet<string>;
};

function add(map: Map<string, Reading[]>, key: string, reading: Reading) {
  if (!key) return;
  const list = map.get(key) ?? [];
  const same = list.findIndex((r) => r.country === reading.country && r.kind === reading.kind);
  if (same === -1) list.push(reading);
  else if (list[same]!.weight < reading.weight) list[same] = reading;
  map.set(key, list);
}

function build(): Gazetteer {
  const names = new Map<string, Reading[]>();
  const codes = new Map<string, Reading[]>();
  const countryNames = new Map<string, string>();
  const alpha3 = new Set<string>();
  const place = (country: string | null, kind: PlaceKind, weight: number, label: string, name = label): Reading => ({ country, kind, weight, label, accented: accentedForm(name) });
  // A reading keeps the accents of the name it was found under, for narrowByAccent (read.ts).
  const named = (name: string, reading: Reading) => add(names, normalizeName(name), { ...reading, accented: accentedForm(name) });

  for (const [code, record] of Object.entries(countriesJson as Record<string, CountryRecord>)) {
    countryNames.set(code, record.name);
    alpha3.add(record.alpha3);
    add(codes, code, place(code, "code", WEIGHT.code, `the ISO code of ${record.name}`));
    add(codes, record.alpha3, place(code, "code", WEIGHT.code, `the ISO code of ${record.name}`));
    for (const key of record.names) add(names, key, place(code, "country", WEIGHT.country, record.name));
  }
  // ISO 3166-1 reserves UK for the United Kingdom (GB); people write it far more often than GB.
  add(codes, "UK", place("GB", "code", WEIGHT.code, "the usual code of the United Kingdom"));
  for (const [code, aliases] of Object.entries(COUNTRY_ALIASES)) {
    for (const alias of aliases) named(alias, place(code, "country", WEIGHT.country, countryNames.get(code) ?? code));
  }

  for (const [code, name, ...aliases] of US_STATES) {
    for (const n of [name, ...aliases]) named(n, place("US", "state", WEIGHT.state, `the US state ${name}`));
    add(codes, code!, place("US", "postal", WEIGHT.postal, `the postal code of ${name}, a US state`));
  }
  for (const [country, rows] of [["CA", CA_PROVINCES], ["AU", AU_STATES]] as const) {
    for (const [code, name, ...aliases] of rows) {
      for (const n of [name, ...aliases]) named(n, place(country, "region", WEIGHT.region, `${name}, a region of ${country}`));
      add(codes, code!, place(country, "postal", WEIGHT.postal, `the postal code of ${name}, ${country}`));
    }
  }
  for (const [, name, ...aliases] of GB_REGIONS) for (const n of [name, ...aliases]) named(n, place("GB", "region", WEIGHT.region, `${name}, a region of GB`));
  for (const [country, name, ...aliases] of REGIONS) for (const n of [name, ...aliases]) named(n, place(country, "region", WEIGHT.region, `${name}, a region of ${country}`));
  for (const name of GB_COUNTIES) named(name, place("GB", "county", WEIGHT.county, `${name}, a county of GB`));
  for (const name of [...IE_PROVINCES, ...IE_COUNTIES]) named(name, place("IE", "county", WEIGHT.county, `${name}, a province or county of IE`));
  for (const [name, countries] of SPLIT_PROVINCES) for (const c of countries) named(name, place(c, "county", WEIGHT.county, `${name}, a province in ${countries.join(" and ")}`));
  for (const [name, country] of provincesJson as ProvinceRow[]) named(name, place(country, "county", WEIGHT.province, `${name}, a province of ${country}`));

  for (const [name, country, population] of [...(citiesJson as CityRow[]), ...HUB_CITIES]) {
    named(name, place(country, "city", population, `${name}, a city in ${country}`));
  }
  for (const [alias, city, country] of CITY_ALIASES) {
    const target = names.get(normalizeName(city))?.find((r) => r.kind === "city" && r.country === country);
    if (target) named(alias, { ...target, label: `${alias} (${target.label})`, accented: accentedForm(alias) });
  }
  for (const phrase of NON_PLACES) named(phrase, place(null, "nonplace", 0, phrase));
  return { names, codes, countryNames, alpha3 };
}

let built: Gazetteer | null = null;

/** The tables as lookups, built once per process (≈ 30 k names) on first use. */
export function gazetteer(): Gazetteer {
  built ??= build();
  return built;
}

/** Whether `code` is an ISO 3166-1 alpha-2 code of a country in the table. */
export function isCountryCode(code: string): boolean {
  return gazetteer().countryNames.has(code);
}

/** A country's English name by its alpha-2 code, or the code itself when unknown. */
export function countryName(code: string): string {
  return gazetteer().countryNames.get(code) ?? code;
}
