/**
 * `npm run bench:governor`: the send governor's launch forecast and its per-send decision.
 * Forecast: --contacts N (default 10000) contacts × the default six-touch cadence, spread over the
 * seed's 20 HQ locations (8 countries, cities in 3 US zones, Sydney, Toronto), 1/10 as many
 * recipient domains, and --mailboxes M (default 20) mailboxes in Berlin, New York and London,
 * under the default rules (50 a mailbox-day, 10 a domain-day, 2 min apart, Mon–Fri 09–17, public
 * holidays). "Cold" is the process's first forecast (holiday data worked out, zone tables filled);
 * "warm" the median of 5 more. Decide: 100,000 decisions over the same contacts and mailboxes.
 * Goal: 10,000 × 6 forecast well under a second.
 */
import { parseArgs } from "node:util";
import { LOCATIONS } from "@/db/seed/vocabulary";
import { createTestClock } from "@/lib/clock";
import { decide } from "@/lib/governor/decide";
import { forecast, type ForecastContact } from "@/lib/governor/forecast";
import { DEFAULT_RULES } from "@/lib/governor/rules";

const { values } = parseArgs({ options: { contacts: { type: "string", default: "10000" }, mailboxes: { type: "string", default: "20" } } });
const CONTACTS = Number(values.contacts);
const MAILBOXES = Number(values.mailboxes);
const zones = ["Europe/Berlin", "America/New_York", "Europe/London"];
const mailboxes = Array.from({ length: MAILBOXES }, (_, i) => ({ id: `mailbox-${i}`, zone: zones[i % zones.length]! }));
const contacts: ForecastContact[] = Array.from({ length: CONTACTS }, (_, i) => {
  const [country, city] = LOCATIONS[(i * 7) % LOCATIONS.length]!;
  return { mailbox: mailboxes[i % MAILBOXES]!, to: `person${i}@company${i % Math.max(1, Math.floor(CONTACTS / 10))}.example`, place: { country, city } };
});
const start = new Date("2026-11-30T08:00:00Z");

const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const out = f();
  return [out, performance.now() - t0];
};

const [result, coldMs] = time(() => forecast(contacts, {}, DEFAULT_RULES, start));
const warm = Array.from({ length: 5 }, () => time(() => forecast(contacts, {}, DEFAULT_RULES, start))[1]).sort((a, b) => a - b);
console.log(`forecast: ${CONTACTS.toLocaleString("en")} contacts × ${result.touches.length} touches = ${result.totalSends.toLocaleString("en")} simulated sends, ${MAILBOXES} mailboxes`);
console.log(`  cold ${coldMs.toFixed(0)} ms, warm median ${warm[2]!.toFixed(0)} ms (min ${warm[0]!.toFixed(0)}, max ${warm[4]!.toFixed(0)})`);
console.log(`  ${result.sentence}`);
for (const t of result.touches) console.log(`  touch ${t.touch}: ${t.sends} sends, ${t.first?.toISOString()} → ${t.last?.toISOString()}`);

const clock = createTestClock(start);
const DECISIONS = 100_000;
let allowed = 0;
const [, decideMs] = time(() => {
  for (let i = 0; i < DECISIONS; i++) {
    const c = contacts[i % contacts.length]!;
    clock.advance(37_000);
    const d = decide({ mailbox: c.mailbox, to: c.to, place: c.place }, { mailboxSentToday: i % 60, mailboxLastSentAt: new Date(clock.now().getTime() - (i % 200) * 1000), domainSentToday: i % 12 }, clock);
    if (d.allowed) allowed++;
  }
});
console.log(`decide: ${DECISIONS.toLocaleString("en")} decisions in ${decideMs.toFixed(0)} ms (${((decideMs * 1000) / DECISIONS).toFixed(1)} µs each; ${allowed.toLocaleString("en")} allowed)`);
