/**
 * `npm run bench:contacts`: the contacts list's status filters on a seeded database at benchmark
 * scale. "Contactable" and "Suppressed" hash contact addresses to match the suppression list
 * (SQLite has no SHA-256), so they cost more than a flag filter; this measures how much.
 * Flags: --url file:… (default ./data/bench.db, seeded with `npm run db:seed -- --url file:./data/bench.db --fresh --scale 100000`),
 * --rounds N (default 15).
 */
import { parseArgs } from "node:util";
import { openDatabase } from "@/db/client";
import { listContacts, type ContactListFilter } from "@/db/queries/contacts";

const { values } = parseArgs({ options: { url: { type: "string", default: "file:./data/bench.db" }, rounds: { type: "string", default: "15" } } });
const database = await openDatabase(values.url);
const rounds = Number(values.rounds);
const [{ n }] = (await database.$client.execute("SELECT count(*) AS n FROM contacts")).rows as unknown as [{ n: number }];
console.log(`${values.url}: ${Number(n).toLocaleString("en")} contacts`);

const cases: [string, Partial<ContactListFilter>][] = [
  ["no filter", {}],
  ["bounced (a flag)", { status: "bounced" }],
  ["contactable", { status: "contactable" }],
  ["suppressed", { status: "suppressed" }],
  ["contactable, one rep's, page 40", { status: "contactable", ownerId: "usr_demo_rep", page: 40 }],
];
for (const [label, filter] of cases) {
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    total = (await listContacts(database, { page: 1, pageSize: 25, ...filter })).total;
    times.push(performance.now() - t);
    // libSQL frees finished statements when the event loop turns.
    await new Promise((resolve) => setImmediate(resolve));
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(0);
  console.log(`${label.padEnd(34)} ${String(total).padStart(7)} rows   p50 ${at(0.5)} ms   p90 ${at(0.9)} ms`);
}
database.$client.close();
