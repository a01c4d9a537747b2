/**
 * `npm run db:seed [-- --scale N] [--url file:./data/x.db] [--fresh]`
 * Applies migrations and fills an empty database with deterministic demo data, then prints
 * how long it took and the process's peak resident memory.
 */
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { localPath, openDatabase } from "../client";
import { applyMigrations } from "../migrate";
import { seedIfEmpty } from "../setup";
import { env } from "@/lib/env";
import { DEMO_SCALE, scaledOptions } from "./seed";

const { values } = parseArgs({
  options: {
    scale: { type: "string" },
    url: { type: "string" },
    fresh: { type: "boolean", default: false },
  },
});

const url = values.url ?? env().DATABASE_URL;
const scale = values.scale === undefined ? null : Number(values.scale);
if (scale !== null && (!Number.isInteger(scale) || scale < 10)) {
  console.error(`--scale must be a whole number of contacts, at least 10 (got "${values.scale}")`);
  process.exit(2);
}
if (values.fresh) {
  const path = localPath(url);
  if (!path) {
    console.error("--fresh only deletes a local file: database; refusing for a remote URL");
    process.exit(2);
  }
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
}

const started = performance.now();
const database = await openDatabase(url, values.url ? undefined : env().DATABASE_AUTH_TOKEN);
await applyMigrations(database);
const counts = await seedIfEmpty(database, {
  ...(scale ? scaledOptions(scale) : DEMO_SCALE),
  onProgress: (stage, done) =>
    console.log(`  ${stage}: ${done.toLocaleString("en")} (${((performance.now() - started) / 1000).toFixed(1)} s, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB)`),
});
const seconds = (performance.now() - started) / 1000;
// maxRSS is reported in kilobytes.
const peakMb = process.resourceUsage().maxRSS / 1024;
if (counts) {
  console.log("seeded", counts);
  console.log(`seed took ${seconds.toFixed(1)} s, peak RSS ${peakMb.toFixed(0)} MB`);
} else {
  console.log(`${url} already holds data; nothing seeded (use --fresh for a new local file)`);
}
database.$client.close();
