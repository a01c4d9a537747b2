import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gazetteer, isCountryCode } from "../gazetteer";
import { normalizeName } from "../normalize";
import { CITY_ALIASES, HUB_CITIES } from "../tables/cities";
import { COUNTRY_ALIASES } from "../tables/countries";
import { REGIONS } from "../tables/regions";
import { buildTables } from "./build";
import { readSources, renderTables } from "./sources";

describe("the shipped geographic tables", () => {
  it("are exactly what `npm run geo:tables` makes from the installed packages (regenerate them when this fails)", () => {
    const files = renderTables(buildTables(readSources()));
    for (const [name, text] of Object.entries(files)) expect(readFileSync(join(import.meta.dirname, name), "utf8"), name).toBe(text);
  });

  it("hold every ISO 3166-1 country, and thousands of cities and provinces", () => {
    const g = gazetteer();
    expect(g.countryNames.size).toBeGreaterThanOrEqual(249);
    for (const code of ["US", "GB", "DE", "FR", "JP", "BR", "ZA", "NZ", "AQ"]) expect(isCountryCode(code), code).toBe(true);
    expect(isCountryCode("UK")).toBe(false);
    const readings = [...g.names.values()].flat();
    expect(readings.filter((r) => r.kind === "city").length).toBeGreaterThan(3_500);
    expect(readings.filter((r) => r.kind === "county").length).toBeGreaterThan(2_000);
  });

  it("hand-written rows name real countries, and every city alias points at a city in the table", () => {
    for (const code of [...Object.keys(COUNTRY_ALIASES), ...REGIONS.map(([c]) => c), ...HUB_CITIES.map(([, c]) => c)]) expect(isCountryCode(code), code).toBe(true);
    const g = gazetteer();
    for (const [alias, city, country] of CITY_ALIASES) {
      expect(g.names.get(normalizeName(alias))?.some((r) => r.kind === "city" && r.country === country), `${alias} → ${city}`).toBe(true);
    }
  });

  it("drop a name two countries share, and keep endonyms", () => {
    const g = gazetteer();
    expect(g.names.get("congo")).toBeUndefined();
    for (const [name, code] of [["deutschland", "DE"], ["espana", "ES"], ["schweiz", "CH"], ["suisse", "CH"], ["nederland", "NL"], ["osterreich", "AT"], ["polska", "PL"], ["brasil", "BR"], ["mexico", "MX"], ["turkiye", "TR"], ["日本", "JP"], ["nippon", "JP"]] as const) {
      expect(g.names.get(name)?.some((r) => r.kind === "country" && r.country === code), name).toBe(true);
    }
  });
});
