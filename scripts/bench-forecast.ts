/**
 * `npm run bench:forecast`: the campaign create flow's forecast service (lib/services/forecast.ts)
 * on a real SQLite file: --contacts N (default 10000) seeded contacts (their companies' HQs over the
 * seed's 20 locations, owned by the two demo reps), all of them forecast under the default rules
 * with the default six-touch cadence. Reports the reads (places and owners, mailbox counts) and the
 * whole call, cold (the process's first) and the median of 5 warm ones.
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { placesOfContacts } from "@/db/queries/governor";
import { seedDatabase } from "@/db/seed/seed";
import { tempDatabase } from "@/db/testing";
import { createTestClock } from "@/lib/clock";
import { DEFAULT_RULES } from "@/lib/governor/rules";
import { forecastForContacts } from "@/lib/services/forecast";

const { values } = parseArgs({ options: { contacts: { type: "string", default: "10000" } } });
const CONTACTS = Number(values.contacts);

const env = await tempDatabase("bench-forecast");
try {
  await seedDatabase(env.database, { companies: Math.max(20, Math.round(CONTACTS / 10)), contacts: CONTACTS, emails: 0, anchor: new Date("2026-11-30T00:00:00Z") });
  const ids = (await env.database.all<{ id: number }>(sql`SELECT id FROM contacts ORDER BY id`)).map((r) => r.id);
  const deps = { rules: DEFAULT_RULES, mailboxes: { from: "Sales <sales@bench.example>", zone: "Europe/Berlin" }, clock: createTestClock("2026-11-30T08:00:00Z") };
  const time = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
    const t0 = performance.now();
    const out = await f();
    return [out, performance.now() - t0];
  };
  const [, readMs] = await time(() => placesOfContacts(env.database, ids));
  const [result, coldMs] = await time(() => forecastForContacts(env.database, ids, {}, deps));
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) warm.push((await time(() => forecastForContacts(env.database, ids, {}, deps)))[1]);
  warm.sort((a, b) => a - b);
  console.log(JSON.stringify({
    contacts: result.contacts,
    totalSends: result.totalSends,
    sentence: result.sentence,
    placesReadMs: Math.round(readMs),
    coldMs: Math.round(coldMs),
    warmMedianMs: Math.round(warm[2]!),
  }, null, 2));
} finally {
  env.cleanup();
}
