import { normalizeName } from "../normalize";
import { CITY_ALIASES, HUB_CITIES } from "../tables/cities";
import { REGIONS } from "../tables/regions";
import { AU_STATES, CA_PROVINCES, GB_REGIONS, US_STATES } from "../tables/subdivisions";
import { FILLER_WORDS, INDUSTRY_WORDS, NON_PLACES } from "../tables/vocabulary";

/** What the generator reads from i18n-iso-countries (MIT) and city-timezones (MIT; simplemaps world cities, CC BY 4.0). */
export type SourceData = {
  /** locale → its `countries` map (alpha-2 → a name or a list of names), as in i18n-iso-countries/langs/*.json. */
  locales: Readonly<Record<string, { countries: Readonly<Record<string, string | readonly string[]>> }>>;
  /** i18n-iso-countries/codes.json rows: [alpha-2, alpha-3, numeric, …]. */
  codes: readonly (readonly string[])[];
  /** city-timezones/data/cityMap.json. */
  cities: readonly { city: string; city_ascii: string; iso2: string; province: string; pop: number }[];
};

export type CountryRecord = { name: string; alpha3: string; names: string[] };
export type CityRow = [name: string, country: string, population: number];
export type ProvinceRow = [name: string, country: string];
export type GeneratedTables = { countries: Record<string, CountryRecord>; cities: CityRow[]; provinces: ProvinceRow[] };

/** A city under this many people stays out of the table unless it is its country's largest. */
export const MIN_CITY_POPULATION = 50_000;
/** A foreign country name equal to a city this large elsewhere is dropped ("Monaco" is Munich in Italian). */
const CITY_CLASH_POPULATION = 100_000;
/** A province name found in this many countries or more is a generic word ("Central", "Capital"), not a clue. */
const GENERIC_PROVINCE_COUNTRIES = 3;

const byKey = <T>(rows: T[], key: (row: T) => string) => rows.sort((a, b) => key(a).localeCompare(key(b), "en"));

/**
 * Builds the shipped tables from the two packages. Countries: every ISO 3166-1 alpha-2 code with
 * its English name and its names in all the locales, normalised; a name shared by two countries
 * is dropped, and a name from another language that spells a US state, a first-level region or a
 * large city of another country is dropped (English names are kept). Cities: the world cities
 * table cut at MIN_CITY_POPULATION plus each country's largest city. Provinces: the cities'
 * provinces, without generic names.
 */
export function buildTables(source: SourceData): GeneratedTables {
  const english = source.locales.en!.countries;
  const owners = new Map<string, Set<string>>();
  const namesOf = new Map<string, Set<string>>();
  for (const [locale, { countries }] of Object.entries(source.locales)) {
    for (const [code, value] of Object.entries(countries)) {
      for (const name of typeof value === "string" ? [value] : value) {
        const key = normalizeName(name);
        // Short Latin-script names are words or codes ("Oman" stays, "Iran" stays; "UK" is a code); 日本 and 한국 are names.
        if (key.length < 4 && /^[a-z ]+$/.test(key)) continue;
        if (!owners.has(key)) owners.set(key, new Set());
        owners.get(key)!.add(code);
        if (!namesOf.has(code)) namesOf.set(code, new Set());
        namesOf.get(code)!.add(`${locale === "en" ? "en" : "xx"}:${key}`);
      }
    }
  }

  const cities = buildCities(source.cities);
  const bigCityCountry = new Map<string, Set<string>>();
  for (const [name, country, population] of cities) {
    if (population < CITY_CLASH_POPULATION) continue;
    const key = normalizeName(name);
    if (!bigCityCountry.has(key)) bigCityCountry.set(key, new Set());
    bigCityCountry.get(key)!.add(country);
  }
  for (const [name, country, population] of HUB_CITIES) {
    if (population >= CITY_CLASH_POPULATION) (bigCityCountry.get(normalizeName(name)) ?? bigCityCountry.set(normalizeName(name), new Set()).get(normalizeName(name))!).add(country);
  }
  const regionNames = new Set(
    [...US_STATES, ...CA_PROVINCES, ...AU_STATES, ...GB_REGIONS].flatMap(([, ...names]) => names).concat(REGIONS.flatMap(([, ...names]) => names)).map(normalizeName),
  );
  const notPlaces = new Set([...NON_PLACES.map(normalizeName), ...INDUSTRY_WORDS, ...FILLER_WORDS, ...CITY_ALIASES.map(([alias]) => normalizeName(alias))]);

  const countries: Record<string, CountryRecord> = {};
  for (const [alpha2, alpha3] of source.codes) {
    if (!alpha2 || !alpha3 || !english[alpha2]) continue;
    const entry = english[alpha2]!;
    const names = [...(namesOf.get(alpha2) ?? [])]
      .filter((tagged) => {
        const [from, key] = [tagged.slice(0, 2), tagged.slice(3)];
        if (owners.get(key)!.size > 1 || notPlaces.has(key)) return false;
        if (from === "en") return true;
        const clash = bigCityCountry.get(key);
        return !regionNames.has(key) && !(clash && [...clash].some((c) => c !== alpha2));
      })
      .map((tagged) => tagged.slice(3));
    countries[alpha2] = { name: typeof entry === "string" ? entry : entry[0]!, alpha3, names: [...new Set(names)].sort() };
  }
  return { countries, cities, provinces: buildProvinces(source.cities) };
}

function buildCities(rows: SourceData["cities"]): CityRow[] {
  const largest = new Map<string, number>();
  for (const row of rows) largest.set(row.iso2, Math.max(largest.get(row.iso2) ?? 0, row.pop));
  const kept = new Map<string, CityRow>();
  for (const row of rows) {
    if (!row.iso2 || (row.pop < MIN_CITY_POPULATION && row.pop < largest.get(row.iso2)!)) continue;
    for (const name of new Set([row.city, row.city_ascii])) {
      const id = `${row.iso2}:${normalizeName(name)}`;
      if (!normalizeName(name) || (kept.get(id)?.[2] ?? -1) >= row.pop) continue;
      kept.set(id, [name, row.iso2, Math.round(row.pop)]);
    }
  }
  return byKey([...kept.values()], ([name, country]) => `${country}:${name}`);
}

function buildProvinces(rows: SourceData["cities"]): ProvinceRow[] {
  const countriesOf = new Map<string, Set<string>>();
  const spelled = new Map<string, string>();
  for (const row of rows) {
    const key = normalizeName(row.province);
    if (!key || /^\d/.test(key)) continue;
    if (!countriesOf.has(key)) countriesOf.set(key, new Set());
    countriesOf.get(key)!.add(row.iso2);
    spelled.set(`${row.iso2}:${key}`, row.province);
  }
  const provinces: ProvinceRow[] = [];
  for (const [key, countries] of countriesOf) {
    if (countries.size >= GENERIC_PROVINCE_COUNTRIES || FILLER_WORDS.has(key)) continue;
    for (const country of countries) provinces.push([spelled.get(`${country}:${key}`)!, country]);
  }
  return byKey(provinces, ([name, country]) => `${country}:${name}`);
}
