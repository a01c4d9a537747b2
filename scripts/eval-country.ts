// `npm run eval:country`: the offline country resolver (lib/geo) on the labelled HQ strings.
// Exits 0 when both sets clear the bar and no non-place got a country, 1 otherwise.
import { gazetteer } from "@/lib/geo/gazetteer";
import { resolveCountry, RESOLVER_VERSION } from "@/lib/geo/resolve";
import { scoreCountries, type Scored } from "@/lib/geo/testing/accuracy";
import { HELD_OUT } from "@/lib/geo/testing/hq-held-out";
import { HQ_STRINGS } from "@/lib/geo/testing/hq-strings";

const BAR = 0.95;
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

function report(name: string, scored: Scored) {
  console.log(`\n${name}: ${scored.correct}/${scored.total} = ${pct(scored.accuracy)}`);
  for (const [group, { total, correct }] of Object.entries(scored.byGroup)) console.log(`  ${group.padEnd(10)} ${String(correct).padStart(3)}/${String(total).padEnd(3)} ${pct(correct / total)}`);
  for (const miss of scored.misses) console.log(`  miss [${miss.group}] ${JSON.stringify(miss.hq)}: expected ${miss.expected}, got ${miss.got} (${miss.confidence})`);
}

console.log(`country resolver ${RESOLVER_VERSION}, offline`);
let started = performance.now();
gazetteer();
console.log(`tables built in ${(performance.now() - started).toFixed(0)} ms`);
const every = [...HQ_STRINGS, ...HELD_OUT];
started = performance.now();
for (let round = 0; round < 20; round++) for (const { hq } of every) resolveCountry(hq);
console.log(`${every.length * 20} resolutions in ${(performance.now() - started).toFixed(0)} ms (${((1000 * (performance.now() - started)) / (every.length * 20)).toFixed(0)} µs each)`);
const labelled = scoreCountries(HQ_STRINGS, resolveCountry);
const heldOut = scoreCountries(HELD_OUT, resolveCountry);
report("labelled set (the tables were completed against it: in-sample)", labelled);
report("held-out set (never used to change the tables)", heldOut);
const nonPlaces = [...labelled.countryForNonPlace, ...heldOut.countryForNonPlace];
console.log(`\nnon-places given a country: ${nonPlaces.length}${nonPlaces.length ? ` (${nonPlaces.join("; ")})` : ""}`);
const pass = labelled.accuracy >= BAR && heldOut.accuracy >= BAR && nonPlaces.length === 0;
console.log(pass ? `PASS (bar ${pct(BAR)} on each set)` : `FAIL (bar ${pct(BAR)} on each set, no country for a non-place)`);
process.exitCode = pass ? 0 : 1;
