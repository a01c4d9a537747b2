import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { buildTables, type SourceData } from "./build";

/** Reads the two packages from node_modules (i18n-iso-countries is a devDependency; city-timezones a dependency lib/governor also uses). */
export function readSources(): SourceData {
  const require = createRequire(import.meta.url);
  const i18n = dirname(require.resolve("i18n-iso-countries/package.json"));
  const cityTimezones = dirname(require.resolve("city-timezones/package.json"));
  const json = (path: string) => JSON.parse(readFileSync(path, "utf8")) as unknown;
  const locales: SourceData["locales"] = Object.fromEntries(
    readdirSync(join(i18n, "langs"))
      .filter((f) => f.endsWith(".json"))
      .map((f) => [f.slice(0, -5), json(join(i18n, "langs", f)) as SourceData["locales"][string]]),
  );
  return { locales, codes: json(join(i18n, "codes.json")) as SourceData["codes"], cities: json(join(cityTimezones, "data", "cityMap.json")) as SourceData["cities"] };
}

/** The files as written: one row per line, so a regeneration's diff reads row by row. */
export function renderTables(tables: ReturnType<typeof buildTables>): Record<"countries.json" | "cities.json" | "provinces.json", string> {
  const rows = (list: unknown[]) => `[\n${list.map((r) => JSON.stringify(r)).join(",\n")}\n]\n`;
  const countries = `{\n${Object.entries(tables.countries).map(([code, c]) => `${JSON.stringify(code)}: ${JSON.stringify(c)}`).join(",\n")}\n}\n`;
  return { "countries.json": countries, "cities.json": rows(tables.cities), "provinces.json": rows(tables.provinces) };
}
