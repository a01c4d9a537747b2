import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildTables } from "@/lib/geo/generated/build";
import { readSources, renderTables } from "@/lib/geo/generated/sources";

// `npm run geo:tables`: regenerates lib/geo/generated/*.json from i18n-iso-countries and city-timezones
// (installed packages); lib/geo/generated/tables.test.ts fails while the shipped files differ from this output.
const files = renderTables(buildTables(readSources()));
for (const [name, text] of Object.entries(files)) writeFileSync(join("lib/geo/generated", name), text);
console.log(`lib/geo/generated: ${Object.entries(files).map(([n, t]) => `${n} ${(t.length / 1024).toFixed(0)} KB`).join(", ")}`);
